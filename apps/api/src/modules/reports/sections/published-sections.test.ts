import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { norwegianYear } from '@lykt/shared';
import { schema } from '@lykt/db';
import { createHarness, seedTenant, type TestHarness } from '../../../../test/harness';
import { insertScreenings, times } from '../../statistics/statistics.fixtures';
import { yearPeriod } from '../period';
import type { ReportSectionInput } from '../report-section';
import { identificationSection } from './identification.section';
import { tipsSection } from './tips.section';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const CLOSED = 2025;
const input = (municipalityId: string, year: number, lang: 'nb' | 'en' = 'nb'): ReportSectionInput => ({ municipalityId, ...yearPeriod(year), lang, suppressionThreshold: 5 });

async function tipsOn(municipalityId: string, days: string[], danger = false) {
  await h.deps.db.insert(schema.tip).values(
    days.map((day) => ({
      municipalityId,
      receiptHash: randomUUID(),
      language: 'nb',
      placeKind: 'unknown',
      minor: 'unknown',
      immediateDanger: danger,
      anonymous: true,
      contentEnc: 'x',
      submittedOn: day,
      lastActivityOn: day,
    })),
  );
}

describe('report sections that count people and events', () => {
  it('give no figures for an open year, and say when they come', async () => {
    const tenant = await seedTenant(h);
    const year = norwegianYear();
    for (const provider of [identificationSection, tipsSection]) {
      const section = await provider.build(h.deps.db, input(tenant.municipality.id, year));
      expect(section.hasData).toBe(false);
      expect(section.emptyText).toContain(`Tallene for ${year} publiseres når året er over`);
      expect(section.figures ?? []).toEqual([]);
    }
  });

  it('read a closed year from its published release: ranges, pooled years when one is too small, and headline figures', async () => {
    const tenant = await seedTenant(h);
    const municipalityId = tenant.municipality.id;
    const ids = { municipalityId, userId: tenant.users.frontline.id, organisationId: tenant.organisation.id };
    // 2025: 12 screenings in Q1, 2 in Q2, and one tip (1 + at most 3 of noise stays below 5). 2024: 10 more tips, so three pooled years are large enough.
    await insertScreenings(h.deps.db, ids, [...times(12, { createdAt: new Date(Date.UTC(CLOSED, 1, 3, 12)) }), ...times(2, { createdAt: new Date(Date.UTC(CLOSED, 4, 3, 12)) })]);
    await tipsOn(municipalityId, ['2025-03-01']);
    await tipsOn(municipalityId, Array.from({ length: 10 }, (_, index) => `2024-0${1 + (index % 9)}-10`));

    const identification = await identificationSection.build(h.deps.db, input(municipalityId, CLOSED));
    expect(identification.hasData).toBe(true);
    const all = JSON.stringify(identification.blocks);
    expect(all).not.toContain('skjult');
    const screenings = identification.figures?.find((figure) => figure.key === 'screenings.count');
    expect(screenings?.question).toBe('identification');
    if (screenings?.value.kind !== 'exact') throw new Error(`screenings: ${JSON.stringify(screenings?.value)}`);
    expect(Math.abs(screenings.value.value - 14)).toBeLessThanOrEqual(3);
    // Concerns: none; the figure is the range "fewer than 5", never 0.
    expect(identification.figures?.find((figure) => figure.key === 'concerns.received')?.value).toEqual({ kind: 'range', low: 0, high: 4 });
    expect(all).toContain('færre enn 5');
    // Q2 (2 screenings): "fewer than 5", or (noise +3) the figure 5; never a number below 5.
    const chart = identification.blocks.find((block) => block.type === 'chart');
    if (chart?.type !== 'chart') throw new Error('no chart');
    const q2 = chart.chart.series[0]?.values[1] ?? null;
    if (q2 === null) expect(chart.chart.series[0]?.display?.[1]).toBe('færre enn 5');
    else expect(q2).toBe(5);

    // Tips: 1 in 2025 (fewer than 5), 11 in 2023–2025 pooled: the pooled figure is given, and said so.
    const tips = await tipsSection.build(h.deps.db, input(municipalityId, CLOSED));
    const received = tips.figures?.find((figure) => figure.key === 'tips.received');
    expect(received?.period).toBe('2023–2025');
    if (received?.value.kind !== 'exact') throw new Error(`tips: ${JSON.stringify(received?.value)}`);
    expect(Math.abs(received.value.value - 11)).toBeLessThanOrEqual(3);
    const text = JSON.stringify(tips.blocks);
    expect(text).toContain('2023–2025 samlet');
    expect(text).toContain('Ett år gir for små tall');
    // The per-quarter chart would be all "fewer than 5": it is left out with one sentence.
    expect(tips.blocks.some((block) => block.type === 'chart')).toBe(false);
    expect(text).toContain('er utelatt: hvert tall i den er færre enn 5');

    // The same figures on every build: read from the stored release, not recomputed.
    await tipsOn(municipalityId, ['2025-07-01', '2025-07-02', '2025-07-03', '2025-07-04']);
    const again = await tipsSection.build(h.deps.db, input(municipalityId, CLOSED));
    expect(again.figures).toEqual(tips.figures);
  });

  it('read a release once per report: sections built with one releases map share each period\'s release', async () => {
    const tenant = await seedTenant(h);
    const municipalityId = tenant.municipality.id;
    await tipsOn(municipalityId, ['2025-03-01']);
    await tipsOn(municipalityId, Array.from({ length: 10 }, (_, index) => `2024-0${1 + (index % 9)}-10`));
    const releases: NonNullable<ReportSectionInput['releases']> = new Map();
    const shared = { ...input(municipalityId, CLOSED), releases };
    const identification = await identificationSection.build(h.deps.db, shared);
    const year = releases.get(String(CLOSED));
    expect(year).toBeDefined();
    const tips = await tipsSection.build(h.deps.db, shared);
    // The tips section found the year's release in the map (the same promise, not a second read),
    // and added the pooled one it needed.
    expect(releases.get(String(CLOSED))).toBe(year);
    expect([...releases.keys()].sort()).toEqual([`${CLOSED - 2}-${CLOSED}`, String(CLOSED)]);
    // The same figures as sections built on their own.
    expect(tips.figures).toEqual((await tipsSection.build(h.deps.db, input(municipalityId, CLOSED))).figures);
    expect(identification.figures).toEqual((await identificationSection.build(h.deps.db, input(municipalityId, CLOSED))).figures);
  });
});
