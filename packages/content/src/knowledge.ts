import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import {
  ContentSourceSchema,
  KNOWLEDGE_SERVICES,
  ORGANISATION_KINDS,
  ROUTING_SITUATIONS,
  STEP_KINDS,
  URGENCIES,
  ArticleFrontMatterSchema,
  internalLinks,
  OWN_ROUTINE_SLUG,
  parseMarkdown,
  STAFF_LANGUAGES,
  TrainingModuleSourceSchema,
  type ArticleFrontMatter,
  type ArticleLang,
  type TrainingModuleSource,
} from '@lykt/shared';
import adultServices from '../knowledge/training/adult-services.json';
import basics from '../knowledge/training/basics.json';
import childrenServices from '../knowledge/training/children-services.json';
import ROUTINE_TEXTS_DOCUMENT from '../knowledge/routine.json';

/** One language version of a shipped article: validated front matter plus the Markdown body. */
export type ContentArticle = ArticleFrontMatter & { body: string; file: string };

export const ARTICLES_DIR = fileURLToPath(new URL('../knowledge/articles', import.meta.url));
const FILE_NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(nb|en)\.md$/;

/** Splits `---\n<yaml>\n---\n<body>` and validates the front matter; throws naming the file when broken. */
export function parseArticleFile(file: string, text: string): ContentArticle {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file}: no front matter between --- lines`);
  const result = ArticleFrontMatterSchema.safeParse(parseYaml(match[1] ?? ''));
  if (!result.success) throw new Error(`${file}: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const body = (match[2] ?? '').trim();
  if (body === '') throw new Error(`${file}: the body is empty`);
  const named = FILE_NAME.exec(path.basename(file));
  if (!named || named[1] !== result.data.slug || named[2] !== result.data.lang) throw new Error(`${file}: the file name must be <slug>.<lang>.md matching the front matter`);
  return { ...result.data, body, file: path.basename(file) };
}

/** Reads and validates every article file in a folder (default: the shipped articles). */
export function readArticles(dir: string = ARTICLES_DIR): ContentArticle[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => parseArticleFile(name, fs.readFileSync(path.join(dir, name), 'utf8')));
}

/**
 * Checks the whole set: every article in every staff language with the same version, kind,
 * services and forms; no internal link to an article that does not exist. Returns the problems.
 */
export function checkArticleSet(articles: readonly ContentArticle[]): string[] {
  const problems: string[] = [];
  const slugs = new Set(articles.map((article) => article.slug));
  for (const slug of slugs) {
    if (slug === OWN_ROUTINE_SLUG) problems.push(`${slug}: this slug is reserved for the generated routine`);
    const versions = STAFF_LANGUAGES.map((lang) => articles.find((article) => article.slug === slug && article.lang === lang));
    const [first] = versions;
    versions.forEach((version, index) => {
      if (!version) problems.push(`${slug}: missing in ${STAFF_LANGUAGES[index]}`);
    });
    for (const version of versions) {
      if (!version || !first) continue;
      for (const field of ['version', 'kind', 'services', 'forms'] as const) {
        if (JSON.stringify(version[field]) !== JSON.stringify(first[field])) problems.push(`${version.file}: ${field} differs from ${first.file}`);
      }
    }
  }
  for (const article of articles) {
    for (const target of internalLinks(parseMarkdown(article.body))) {
      if (target !== OWN_ROUTINE_SLUG && !slugs.has(target)) problems.push(`${article.file}: dead link to kb:${target}`);
    }
  }
  return problems;
}

let articleCache: ContentArticle[] | null = null;

/** The shipped articles, read and validated once (throws if any is broken). */
export function contentArticles(): ContentArticle[] {
  if (!articleCache) {
    const articles = readArticles();
    const problems = checkArticleSet(articles);
    if (problems.length > 0) throw new Error(`knowledge articles are broken:\n${problems.join('\n')}`);
    articleCache = articles;
  }
  return articleCache;
}

/** One shipped article in one language, or undefined. */
export function contentArticle(slug: string, lang: ArticleLang): ContentArticle | undefined {
  return contentArticles().find((article) => article.slug === slug && article.lang === lang);
}

/** The raw training module documents, by key. */
export const TRAINING_MODULE_DOCUMENTS: readonly unknown[] = [basics, childrenServices, adultServices];

/** Problems of a module set: lessons that are not articles (the own routine is generated and always exists). */
export function checkTrainingModules(modules: readonly TrainingModuleSource[], articleSlugs: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const module of modules) {
    if (keys.has(module.key)) problems.push(`${module.key}: duplicate module key`);
    keys.add(module.key);
    for (const lesson of module.lessons) if (lesson !== OWN_ROUTINE_SLUG && !articleSlugs.has(lesson)) problems.push(`${module.key}: lesson ${lesson} is not an article`);
  }
  return problems;
}

let moduleCache: TrainingModuleSource[] | null = null;

/** The shipped training modules with their quiz banks, validated once. */
export function trainingModules(): TrainingModuleSource[] {
  if (!moduleCache) {
    const modules = TRAINING_MODULE_DOCUMENTS.map((document) => TrainingModuleSourceSchema.parse(document));
    const problems = checkTrainingModules(modules, new Set(contentArticles().map((article) => article.slug)));
    if (problems.length > 0) throw new Error(`training modules are broken:\n${problems.join('\n')}`);
    moduleCache = modules;
  }
  return moduleCache;
}

export function trainingModule(key: string): TrainingModuleSource | undefined {
  return trainingModules().find((module) => module.key === key);
}

const Text = z.object({ nb: z.string().trim().min(1), en: z.string().trim().min(1) });
const TextList = z.object({ nb: z.array(z.string().trim().min(1)).min(1), en: z.array(z.string().trim().min(1)).min(1) });
const textsFor = <const K extends readonly [string, ...string[]]>(keys: K) => z.strictObject(Object.fromEntries(keys.map((key) => [key, Text])) as Record<K[number], typeof Text>);

/** Texts of the generated routine, the staff-room poster and the certificate (nb and en). */
export const RoutineTextsSchema = z.strictObject({
  version: z.number().int().positive(),
  sources: z.array(ContentSourceSchema).min(1).describe('Law sections and public pages behind the facts in these texts'),
  title: Text,
  summary: Text,
  intro: Text,
  cardHeading: Text,
  cardMissing: Text,
  cardHidden: Text,
  stepsHeading: Text,
  stepsHidden: Text,
  defaultNote: Text,
  updatedLabel: Text,
  tellLabel: Text,
  alwaysHeading: Text,
  always: TextList,
  situations: textsFor(ROUTING_SITUATIONS),
  conditions: textsFor(['always', 'immediateDanger', 'possibleMinor', 'adult', 'wantsHelp', 'declinesHelp', 'anyIndicator', 'strongIndicators'] as const),
  steps: textsFor(STEP_KINDS),
  urgencies: textsFor(URGENCIES),
  services: textsFor(KNOWLEDGE_SERVICES),
  /** The text of a measure update posted from a training target; {placeholders} are filled in. */
  planUpdate: Text,
  report: z.strictObject({
    title: Text,
    intro: Text,
    empty: Text,
    tableCaption: Text,
    module: Text,
    completed: Text,
    coverage: Text,
    chartTitle: Text,
    chartDescription: Text,
    chartCategory: Text,
    chartValue: Text,
    kinds: textsFor(ORGANISATION_KINDS),
  }),
  poster: z.strictObject({ title: Text, signsHeading: Text, callHeading: Text, nationalHeading: Text, national: TextList, remember: Text, footer: Text }),
  certificate: z.strictObject({
    title: Text,
    intro: Text,
    completed: Text,
    fields: textsFor(['module', 'version', 'score', 'completedAt', 'validUntil', 'organisation', 'reference'] as const),
  }),
});
export type RoutineTexts = z.infer<typeof RoutineTextsSchema>;

let routineCache: RoutineTexts | null = null;

/** The routine, poster and certificate texts, validated once. */
export function routineTexts(): RoutineTexts {
  routineCache ??= RoutineTextsSchema.parse(ROUTINE_TEXTS_DOCUMENT);
  return routineCache;
}
