import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrevalenceStudySummary } from '@lykt/shared';
import { call, createHarness, seedTenant, signIn, type TestHarness } from '../../../test/harness';
import { buildPrevalenceSection } from './prevalence.report-section';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

// A small table with cells of 1 to 4 (which the report must never print).
const TABLE = {
  lists: ['Politiet', 'NAV', 'Helse'],
  rows: [
    { pattern: [1, 0, 0], count: 41 },
    { pattern: [0, 1, 0], count: 37 },
    { pattern: [0, 0, 1], count: 29 },
    { pattern: [1, 1, 0], count: 2 },
    { pattern: [1, 0, 1], count: 3 },
    { pattern: [0, 1, 1], count: 4 },
    { pattern: [1, 1, 1], count: 1 },
  ],
};

describe('the council report prevalence section', { timeout: 60_000 }, () => {
  it('shows only the estimate and interval of a final study, with its meaning and assumptions', async () => {
    const tenant = await seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
    const session = await signIn(h, tenant.users.coordinator);
    const input = (lang: 'nb' | 'en') => ({ municipalityId: tenant.municipality.id, from: new Date('2025-12-31T23:00:00Z'), to: new Date('2026-12-31T23:00:00Z'), lang, suppressionThreshold: 5 });

    const study = (await call(h, session, 'POST', '/api/v1/prevalence/studies', { title: 'Mulige ofre 2026', periodFrom: '2026-01-01', periodTo: '2026-12-31' })).json<PrevalenceStudySummary>();
    await call(h, session, 'PUT', `/api/v1/prevalence/studies/${study.id}/table`, TABLE);
    const estimate = (await call(h, session, 'POST', `/api/v1/prevalence/studies/${study.id}/estimates`, {})).json<{ result: { estimate: number; lower: number; upper: number } }>().result;
    // Not final yet: nothing is published.
    expect((await buildPrevalenceSection(h.deps.db, input('nb'))).hasData).toBe(false);

    expect((await call(h, session, 'POST', `/api/v1/prevalence/studies/${study.id}/finalise`, {})).statusCode).toBe(200);
    const nb = await buildPrevalenceSection(h.deps.db, input('nb'));
    expect(nb.hasData).toBe(true);
    const text = nb.blocks.map((block) => (block.type === 'paragraph' ? block.text : '')).join('\n');
    const format = (n: number) => new Intl.NumberFormat('nb-NO').format(n);
    expect(text).toContain(`${format(estimate.estimate)}, med 95 % konfidensintervall fra ${format(estimate.lower)} til ${format(estimate.upper)}`);
    expect(text).toContain('Av dem var 117 kjent for minst én av de 3 tjenestene');
    expect(text).toMatch(/lukket populasjon/);
    expect(nb.blocks.every((block) => block.type === 'paragraph')).toBe(true);
    // No table and no list names: the overlap table stays with the coordinator.
    for (const list of TABLE.lists) expect(text).not.toContain(list);

    const en = await buildPrevalenceSection(h.deps.db, input('en'));
    expect(en.title).toMatch(/How many are we not seeing/);
  });
});
