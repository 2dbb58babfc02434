import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_TEXT_FILES, type PublicLanguage } from '@lykt/content/public-texts';
import { schema } from '@lykt/db';
import { LANGUAGE_CODES } from '@lykt/shared';
import { call, createHarness, seedTenant, signIn, type TestHarness } from '../../test/harness';
import { solveChallenge } from './guards';

/**
 * Walks every public page in every public language and fails when a text of another language
 * shows (an untranslated key, e.g. the "action plan" link in bokmål on the Ukrainian page) or a
 * placeholder is left unfilled. Text marked with its own lang attribute (the language switcher,
 * the plan's own titles, the vendors' page titles) is the exception the markup declares.
 */
let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
  const tenant = await seedTenant(h, { name: 'Fjordby kommune', settings: { mfaPolicy: 'off', languages: [...LANGUAGE_CODES], defaultLanguage: 'nb', suppressionThreshold: 5 } });
  h.deps.config.publicMunicipalityId = tenant.municipality.id;
  const municipalityId = tenant.municipality.id;
  const [plan] = await h.deps.db.insert(schema.plan).values({ municipalityId, title: 'Tiltaksplan 2026–2029', periodStart: '2026-01-01', periodEnd: '2029-12-31' }).returning();
  if (!plan) throw new Error('no plan');
  const [version] = await h.deps.db.insert(schema.planVersion).values({ municipalityId, planId: plan.id, number: 1, status: 'adopted', decisionRef: 'PS 14/26', decisionDate: '2026-02-12', adoptedAt: new Date('2026-02-12T12:00:00Z') }).returning();
  if (!version) throw new Error('no version');
  await h.deps.db.insert(schema.planMeasure).values([{ municipalityId, planVersionId: version.id, lineageId: randomUUID(), area: 'D', title: 'Indikatorliste', status: 'in_progress', progress: 40 }]);
  const coordinator = await signIn(h, tenant.users.coordinator);
  expect((await call(h, coordinator, 'PUT', '/api/v1/public-plan-setting', { enabled: true })).statusCode).toBe(200);
});
afterAll(async () => {
  await h.close();
});

type Leaf = { path: string; value: string };
function leaves(value: unknown, path = ''): Leaf[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((entry, index) => leaves(entry, `${path}.${index}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, entry]) => (path === '' && key === 'meta' ? [] : leaves(entry, path ? `${path}.${key}` : key)));
  return [];
}

/** The text nodes of a page's body, without those marked as another language. */
function ownTexts(body: string, lang: string): string[] {
  const main = body.replace(/<head>[\s\S]*?<\/head>/, '');
  const foreign = /<(span|a|div|p|li)\b[^>]*\slang="([^"]+)"[^>]*>[\s\S]*?<\/\1>/g;
  const withoutForeign = main.replace(foreign, (whole, _tag: string, tagLang: string) => (tagLang === lang ? whole : '<i>'));
  return withoutForeign
    .split(/<[^>]+>/)
    .map((part) => part.replace(/&[a-z#0-9]+;/gi, ' ').replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '');
}

const get = (url: string, remoteAddress: string) => h.app.inject({ method: 'GET', url, remoteAddress });
const post = (url: string, fields: Record<string, string>, remoteAddress: string) =>
  h.app.inject({ method: 'POST', url, remoteAddress, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });

async function pagesIn(lang: PublicLanguage, address: string): Promise<Array<[string, string]>> {
  const pages: Array<[string, string]> = [];
  for (const path of ['/', '/plan', '/safety', '/tips', '/tips/follow-up']) {
    const response = await get(`/${lang}${path}`, address);
    expect(response.statusCode, `${lang}${path}`).toBe(200);
    pages.push([path, response.body]);
  }
  const form = await get(`/${lang}/tips`, address);
  const challenge = /name="challenge" value="([^"]*)"/.exec(form.body)?.[1] ?? '';
  pages.push(['tip form with errors', (await post(`/${lang}/tips`, { challenge, nonce: solveChallenge(challenge) }, address)).body]);
  const challenge2 = /name="challenge" value="([^"]*)"/.exec((await get(`/${lang}/tips`, address)).body)?.[1] ?? '';
  const receipt = await post(
    `/${lang}/tips`,
    { challenge: challenge2, nonce: solveChallenge(challenge2), what: 'Arbeidere bor i kjelleren og jobber hver natt.', placeKind: 'workplace', area: '', address: '', when: '', peopleCount: 'two_to_five', minor: 'unknown', anonymous: 'yes' },
    address,
  );
  expect(receipt.statusCode, `${lang} receipt`).toBe(201);
  pages.push(['receipt', receipt.body]);
  const code = /data-testid="receipt-code">([0-9 ]+)</.exec(receipt.body)?.[1] ?? '';
  pages.push(['conversation', (await post(`/${lang}/tips/follow-up`, { action: 'open', code }, address)).body]);
  pages.push(['follow-up, wrong code', (await post(`/${lang}/tips/follow-up`, { action: 'open', code: '0000 0000 0000 0000' }, address)).body]);
  return pages;
}

describe('public pages in every language', () => {
  const texts = Object.fromEntries(LANGUAGE_CODES.map((code) => [code, leaves(PUBLIC_TEXT_FILES[code])])) as Record<PublicLanguage, Leaf[]>;

  it('has every key translated: no other language’s text and no unfilled placeholder on any page', { timeout: 240_000 }, async () => {
    let address = 40;
    const problems: string[] = [];
    for (const lang of LANGUAGE_CODES) {
      const own = new Set(texts[lang].map((leaf) => leaf.value));
      // Every text of every other language that this language does not share (names, numbers and the like are shared).
      const foreign = LANGUAGE_CODES.filter((other) => other !== lang).flatMap((other) => texts[other].filter((leaf) => leaf.value.length >= 6 && !own.has(leaf.value)).map((leaf) => ({ ...leaf, other })));
      for (const [page, body] of await pagesIn(lang, `203.0.113.${address++}`)) {
        expect(body, `${lang} ${page}`).toContain(`<html lang="${lang}"`);
        const nodes = ownTexts(body, lang);
        for (const leaf of foreign) {
          // A text with placeholders is found by its fixed start (when that is long enough to be telling).
          const [start = ''] = leaf.value.split(/\{\w+\}/);
          const templated = start !== leaf.value;
          const hit = nodes.find((node) => (templated ? start.trim().length >= 12 && node.startsWith(start.trim()) : node === leaf.value || node.startsWith(`${leaf.value} `) || node.endsWith(` ${leaf.value}`)));
          if (hit) problems.push(`${lang} ${page}: ${leaf.other}.${leaf.path} "${hit}"`);
        }
        const placeholder = /\{(?:municipality|plan|version|date|ref|progress|status|owner|count)\}/.exec(nodes.join(' '));
        if (placeholder) problems.push(`${lang} ${page}: unfilled ${placeholder[0]}`);
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it('says on every page that quick exit leaves the page but does not delete the history, and links to how', async () => {
    for (const lang of LANGUAGE_CODES) {
      const body = (await get(`/${lang}/`, '198.51.100.9')).body;
      const hint = (PUBLIC_TEXT_FILES[lang] as { site: { quickExitHint: string; historyLink: string } }).site;
      expect(body).toContain(`aria-describedby="quick-exit-hint"`);
      expect(body).toMatch(new RegExp(`<span id="quick-exit-hint">[^<]+</span> <a class="ds-link" href="/${lang}/safety">`));
      expect(ownTexts(body, lang)).toContain(hint.historyLink);
      const safety = await get(`/${lang}/safety`, '198.51.100.9');
      expect(safety.statusCode).toBe(200);
      expect(safety.body).toContain('href="https://support.apple.com/');
      expect(safety.body).toContain('href="https://support.google.com/chrome/answer/7440301"');
      expect(safety.body).toContain('<meta name="robots" content="index, follow">');
    }
  });
});
