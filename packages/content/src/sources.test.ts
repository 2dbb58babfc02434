import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { trainingModule } from './knowledge';
import { CONTENT_ROOT, ContentSourceSchema, contentSourceReview, findClaims, isClaimCovered, isSourceDue, reviewDueDate, scanContent, sourceProblems, SOURCE_REVIEW_INTERVAL_MONTHS } from './sources';

const scan = scanContent();
const today = new Date();

/** Every content file as raw text, for phrases that must never come back. */
function contentFiles(): { file: string; text: string }[] {
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
  return ['cases', 'indicators', 'knowledge', 'overview', 'plan-template', 'public', 'reports']
    .flatMap((folder) => walk(path.join(CONTENT_ROOT, folder)))
    .filter((file) => /\.(json|md)$/.test(file))
    .map((file) => ({ file: path.relative(CONTENT_ROOT, file), text: fs.readFileSync(file, 'utf8') }));
}

describe('the source scanner', () => {
  it('finds law sections, phone numbers and public bodies', () => {
    const claims = findClaims('Etter straffeloven §§ 257 og 258 og § 196 kan du ringe politiet på 02800, 112 eller ROSA på 22 33 11 60.');
    expect(claims).toEqual(
      expect.arrayContaining([
        { kind: 'law', value: '257' },
        { kind: 'law', value: '258' },
        { kind: 'law', value: '196' },
        { kind: 'phone', value: '02800' },
        { kind: 'phone', value: '112' },
        { kind: 'phone', value: '22331160' },
        { kind: 'body', value: 'police' },
        { kind: 'body', value: 'rosa' },
      ]),
    );
    expect(findClaims('Penal Code sections 257 and 258')).toEqual([
      { kind: 'law', value: '257' },
      { kind: 'law', value: '258' },
    ]);
    expect(findClaims('Call the helpline on 116 111.')).toEqual([{ kind: 'phone', value: '116111' }]);
  });

  it('reads police in the public-page languages but not words that only look alike', () => {
    for (const text of ['Зателефонуйте в поліцію, коли це не терміново, і дайте номер', 'Zadzwoń na policję, gdy sprawa nie jest pilna, i tyle', 'Llame a la policía cuando no sea urgente, por favor ahora']) expect(findClaims(text)).toContainEqual({ kind: 'body', value: 'police' });
    expect(findClaims('Dette er en politisk sak som kommunestyret skal behandle i høst.')).toEqual([]);
    expect(findClaims('Kom gjerne tilbake senere og se om det har kommet svar.')).toEqual([]);
  });

  it('treats a short label naming a body as a label, not a claim', () => {
    expect(findClaims('Child welfare')).toEqual([]);
    expect(findClaims('Police: 02800')).toEqual([{ kind: 'phone', value: '02800' }]);
  });

  it('needs the same section for a law claim and a page for a phone number', () => {
    const law196 = ContentSourceSchema.parse({ law: 'straffeloven § 196', checked: '2026-12-04' });
    const page = ContentSourceSchema.parse({ title: 'Om ROSA', publisher: 'ROSA', url: 'https://rosa-help.no/om-rosa/', checked: '2026-12-04' });
    expect(isClaimCovered({ kind: 'law', value: '196' }, [law196])).toBe(true);
    expect(isClaimCovered({ kind: 'law', value: '257' }, [law196])).toBe(false);
    expect(isClaimCovered({ kind: 'law', value: '257' }, [page])).toBe(false);
    expect(isClaimCovered({ kind: 'phone', value: '22331160' }, [law196])).toBe(false);
    expect(isClaimCovered({ kind: 'phone', value: '22331160' }, [page])).toBe(true);
    expect(isClaimCovered({ kind: 'body', value: 'rosa' }, [])).toBe(false);
  });

  it('rejects a source without a Lovdata short name and section, or without https and a date', () => {
    expect(ContentSourceSchema.safeParse({ law: 'Penal Code section 196', checked: '2026-12-04' }).success).toBe(false);
    expect(ContentSourceSchema.safeParse({ law: 'straffeloven § 196', checked: '4.12.2026' }).success).toBe(false);
    expect(ContentSourceSchema.safeParse({ title: 'Om ROSA', publisher: 'ROSA', url: 'http://rosa-help.no/', checked: '2026-12-04' }).success).toBe(false);
    expect(ContentSourceSchema.safeParse('ROSA project').success).toBe(false);
  });

  it(`marks a source due for review ${SOURCE_REVIEW_INTERVAL_MONTHS} months after it was checked`, () => {
    const source = ContentSourceSchema.parse({ law: 'straffeloven § 196', checked: '2026-12-04' });
    expect(reviewDueDate('2026-12-04')).toBe('2027-12-04');
    expect(isSourceDue(source, new Date('2027-12-03T12:00:00Z'))).toBe(false);
    expect(isSourceDue(source, new Date('2027-12-04T12:00:00Z'))).toBe(true);
    const later = contentSourceReview(new Date('2030-01-01T00:00:00Z'), scan);
    expect(later.due).toBe(later.total);
    expect(later.items.every((item) => item.isDue)).toBe(true);
  });

  it('counts days in Norway: just after midnight there (23:30 UTC the day before) the day has come, and a source checked that day is not from the future', () => {
    const source = ContentSourceSchema.parse({ law: 'straffeloven § 196', checked: '2026-12-04' });
    // Winter (UTC+1) and summer (UTC+2).
    expect(isSourceDue(source, new Date('2027-12-03T23:30:00Z'))).toBe(true);
    expect(isSourceDue(source, new Date('2027-12-03T22:30:00Z'))).toBe(false);
    const summer = ContentSourceSchema.parse({ law: 'straffeloven § 196', checked: '2026-07-10' });
    expect(isSourceDue(summer, new Date('2027-07-09T22:30:00Z'))).toBe(true);
    const checkedToday = { ...scan, claims: [], problems: [], sources: [{ file: 'x.ts', location: 'y', source: ContentSourceSchema.parse({ law: 'straffeloven § 196', checked: '2026-12-06' }) }] };
    expect(sourceProblems(checkedToday, new Date('2026-12-05T23:30:00Z'))).toEqual([]);
    expect(sourceProblems(checkedToday, new Date('2026-12-05T22:30:00Z'))).toEqual(['x.ts y: checked 2026-12-06 is in the future']);
  });
});

describe('the shipped content', () => {
  it('has a source for every law section, phone number and public body it names (outside the indicator files)', () => {
    const problems = sourceProblems(scan, today).filter((problem) => !problem.startsWith('indicators/'));
    expect(problems).toEqual([]);
  });

  it('has a source for every claim in the indicator catalogue and the default pathway', () => {
    const problems = sourceProblems(scan, today).filter((problem) => problem.startsWith('indicators/'));
    expect(problems).toEqual([]);
  });

  it('has no source that is due for review', () => {
    const review = contentSourceReview(today, scan);
    expect(review.items.filter((item) => item.isDue).map((item) => `${item.file} ${item.location}: ${item.label} (checked ${item.checked})`)).toEqual([]);
  });

  it('counts its sourced claims (the number for the closing note)', () => {
    const review = contentSourceReview(today, scan);
    process.stdout.write(`content sources: ${review.sourcedClaims} sourced claims in ${scan.texts} texts, ${review.total} source entries, ${review.due} due for review\n`);
    expect(review.sourcedClaims).toBeGreaterThan(100);
    expect(review.total).toBeGreaterThan(50);
  });
});

describe('known errors stay fixed', () => {
  const files = contentFiles();
  const offending = (pattern: RegExp) => files.filter(({ text }) => pattern.test(text)).map(({ file }) => file);

  it('never tells staff to use "their own interpreter" or one the person trusts', () => {
    expect(offending(/their own interpreter|interpreter they trust|interpreter (?:he|she|the person) trusts|egen tolk|tolk (?:de|hun|han|hun eller han|personen) stoler på|stoler på som tolk/i)).toEqual([]);
  });

  it('gives the threshold of the duty to avert wherever section 196 is explained', () => {
    const avert = trainingModule('basics')?.quiz.bank.find((question) => question.id === 'basics-avert');
    expect(avert).toBeDefined();
    const correct = avert?.options.find((option) => option.correct);
    expect(correct?.explanation.en).toMatch(/certain or most likely/);
    expect(correct?.explanation.nb).toMatch(/sikkert eller mest sannsynlig/);
    expect(correct?.explanation.en).toMatch(/own|decides/);
    for (const { file, text } of files.filter(({ file }) => file.endsWith('.md'))) {
      if (!/§ 196|section 196/.test(text)) continue;
      expect(text, file).toMatch(/certain or most likely|sikkert eller mest sannsynlig/);
    }
  });

  it('paraphrases §§ 257 and 258 with their own words', () => {
    expect(offending(/andre seksuelle formål|other sexual purposes/)).toEqual([]);
    for (const lang of ['nb', 'en'] as const) {
      const text = fs.readFileSync(path.join(CONTENT_ROOT, 'knowledge/articles', `the-law-in-brief.${lang}.md`), 'utf8');
      expect(text).toMatch(lang === 'nb' ? /andre seksuelle ytelser/ : /other sexual services/);
      expect(text).toMatch(lang === 'nb' ? /anskaffe, transportere eller motta/ : /procuring, transporting or receiving/);
      expect(text).toMatch(lang === 'nb' ? /særlig legges vekt på om offeret var under 18/ : /particular weight to whether the victim was under 18/);
    }
  });

  it('never says that exploiting a child is always trafficking', () => {
    expect(offending(/alltid menneskehandel|always (?:human )?trafficking|always trafficking|er det alltid menneskehandel/i)).toEqual([]);
  });

  it('ties the one-year permit to a police report and a break with the milieu, and help to no report', () => {
    const nb = fs.readFileSync(path.join(CONTENT_ROOT, 'knowledge/articles/the-law-in-brief.nb.md'), 'utf8');
    const en = fs.readFileSync(path.join(CONTENT_ROOT, 'knowledge/articles/the-law-in-brief.en.md'), 'utf8');
    expect(nb).toMatch(/anmeldt til politiet og at personen har brutt med miljøet/);
    expect(en).toMatch(/reported to the police and that the person has broken with the milieu/);
    expect(nb).toMatch(/aldri av en anmeldelse/);
    expect(en).toMatch(/never depends on a police report/);
  });

  it('describes ROSA as coordinating, not giving legal or health help, and uses KOM\'s current name', () => {
    expect(offending(/ROSA[^.\n]{0,60}(?:legal and health help|rettshjelp og helsehjelp|safe housing, legal)/)).toEqual([]);
    expect(offending(/Coordination Unit for Victims of Trafficking|Koordineringsenheten for ofre for menneskehandel|coordination unit for victims/i)).toEqual([]);
  });

  it('the demo routing card does not give an A-krim centre as a police contact', () => {
    const seed = fs.readFileSync(path.join(CONTENT_ROOT, '../db/src/seed/plans-demo.ts'), 'utf8');
    const policeRows = seed.split('\n').filter((line) => line.includes("org: 'police'"));
    expect(policeRows.length).toBeGreaterThan(0);
    for (const row of policeRows) expect(row).not.toMatch(/contact: '[^']*A-krim/i);
  });
});
