import { describe, expect, it } from 'vitest';
import { internalLinks, KNOWLEDGE_SERVICES, OWN_ROUTINE_SLUG, parseMarkdown, STAFF_LANGUAGES, STEP_KINDS, TrainingModuleSourceSchema } from '@lykt/shared';
import { checkArticleSet, checkTrainingModules, contentArticles, parseArticleFile, readArticles, routineTexts, TRAINING_MODULE_DOCUMENTS, trainingModules } from './knowledge';

const REQUIRED = ['what-is-trafficking', 'talking-with-a-possible-victim', 'the-law-in-brief', 'rights-and-services'];

describe('the knowledge articles', () => {
  const articles = readArticles();

  it('every file validates and the set is complete in every language with no dead links', () => {
    expect(articles.length).toBeGreaterThan(0);
    expect(checkArticleSet(articles)).toEqual([]);
    expect(contentArticles()).toHaveLength(articles.length);
  });

  it('covers the issue: basics, conversation, law, rights and the signs for every service', () => {
    const slugs = new Set(articles.map((article) => article.slug));
    for (const slug of REQUIRED) expect(slugs, slug).toContain(slug);
    for (const service of KNOWLEDGE_SERVICES) {
      const signs = articles.filter((article) => article.kind === 'signs' && article.services.includes(service));
      expect(signs.length, `signs for ${service}`).toBeGreaterThan(0);
    }
    for (const lang of STAFF_LANGUAGES) expect(articles.filter((article) => article.lang === lang)).toHaveLength(slugs.size);
  });

  it('the basics article names the workplaces from the council question', () => {
    const nb = articles.find((article) => article.slug === 'what-is-trafficking' && article.lang === 'nb');
    for (const word of ['hushjelper', 'rengjøringspersonale', 'restauranter', 'gatekjøkken', 'landbruket', 'bensinstasjoner', 'byggeplasser']) expect(nb?.body).toContain(word);
  });

  it('every article body parses into headings and text, and links only to known articles', () => {
    const slugs = new Set([...articles.map((article) => article.slug), OWN_ROUTINE_SLUG]);
    for (const article of articles) {
      const blocks = parseMarkdown(article.body);
      expect(blocks.some((block) => block.type === 'heading'), article.file).toBe(true);
      for (const link of internalLinks(blocks)) expect(slugs, `${article.file} -> ${link}`).toContain(link);
    }
  });

  it('finds broken files and sets', () => {
    expect(() => parseArticleFile('x.nb.md', 'no front matter')).toThrow(/front matter/);
    expect(() => parseArticleFile('x.nb.md', '---\nslug: x\n---\nbody')).toThrow(/x.nb.md/);
    const [first] = articles;
    if (!first) throw new Error('no articles');
    const broken = { ...first, body: `${first.body}\n\n[gone](kb:no-such-article)` };
    const missingLang = articles.filter((article) => !(article.slug === first.slug && article.lang === 'en'));
    expect(checkArticleSet([...articles.filter((article) => article !== first), broken])).toContain(`${first.file}: dead link to kb:no-such-article`);
    expect(checkArticleSet(missingLang)).toContain(`${first.slug}: missing in en`);
  });
});

describe('the training modules and quiz banks', () => {
  it('every module validates, its lessons exist and its bank is larger than one attempt', () => {
    const modules = trainingModules();
    expect(modules.map((module) => module.key)).toEqual(['basics', 'children-services', 'adult-services']);
    for (const module of modules) {
      expect(module.quiz.bank.length).toBeGreaterThan(module.quiz.questionsPerAttempt);
      for (const question of module.quiz.bank) {
        expect(question.options.filter((option) => option.correct)).toHaveLength(1);
        for (const option of question.options) for (const lang of STAFF_LANGUAGES) expect(option.explanation[lang].length, `${question.id}/${option.id}`).toBeGreaterThan(0);
      }
    }
    expect(checkTrainingModules(modules, new Set(contentArticles().map((article) => article.slug)))).toEqual([]);
  });

  it('every service has at least one module', () => {
    const covered = new Set(trainingModules().flatMap((module) => module.services));
    for (const service of KNOWLEDGE_SERVICES) expect(covered, service).toContain(service);
  });

  it('rejects a question with two correct answers and a bank no bigger than an attempt', () => {
    const [document] = TRAINING_MODULE_DOCUMENTS as Array<{ quiz: { bank: Array<{ options: Array<{ correct: boolean }> }>; questionsPerAttempt: number } }>;
    if (!document) throw new Error('no modules');
    const twoCorrect = structuredClone(document);
    twoCorrect.quiz.bank[0]?.options.forEach((option) => (option.correct = true));
    expect(TrainingModuleSourceSchema.safeParse(twoCorrect).success).toBe(false);
    const small = structuredClone(document);
    small.quiz.questionsPerAttempt = small.quiz.bank.length;
    expect(TrainingModuleSourceSchema.safeParse(small).success).toBe(false);
    expect(checkTrainingModules([TrainingModuleSourceSchema.parse(document)], new Set())).not.toEqual([]);
  });
});

describe('the routine, poster and certificate texts', () => {
  it('validate, with a text for every situation, step and urgency in both languages', () => {
    const texts = routineTexts();
    expect(Object.keys(texts.steps).sort()).toEqual([...STEP_KINDS].sort());
    expect(texts.poster.national.nb).toHaveLength(texts.poster.national.en.length);
    expect(texts.always.nb).toHaveLength(texts.always.en.length);
  });
});
