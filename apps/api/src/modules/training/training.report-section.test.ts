import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, schema } from '@lykt/db';
import { createHarness, seedTenant, type TestHarness } from '../../../test/harness';
import { seedCapabilities } from '../../platform/seed-capabilities';
import { yearPeriod } from '../reports/period';
import { buildTrainingSection } from './training.report-section';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const settings = { mfaPolicy: 'off' as const, languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 };

describe("the council report's training section", () => {
  it('says there is no data when nobody completed training in the period', async () => {
    const tenant = await seedTenant(h, { settings });
    const section = await buildTrainingSection(h.deps.db, { municipalityId: tenant.municipality.id, ...yearPeriod(2026), lang: 'nb', suppressionThreshold: 5 });
    expect(section).toMatchObject({ key: 'training', title: 'Opplæring', hasData: false, blocks: [] });
    expect(section.emptyText).toBeTruthy();
  });

  it('counts people per module and kind, with small counts withheld', async () => {
    const tenant = await seedTenant(h, { settings });
    const caps = seedCapabilities(h.deps.keyring);
    const school = await buildOrganisation(h.deps.db, tenant.municipality.id, { name: 'Skolen', kind: 'school' });
    const health = await buildOrganisation(h.deps.db, tenant.municipality.id, { name: 'Legevakta', kind: 'health' });
    const teachers = await Promise.all(Array.from({ length: 7 }, () => buildUser(h.deps.db, caps, { municipalityId: tenant.municipality.id, organisationId: school.id, role: 'frontline' })));
    const nurses = await Promise.all(Array.from({ length: 2 }, () => buildUser(h.deps.db, caps, { municipalityId: tenant.municipality.id, organisationId: health.id, role: 'frontline' })));
    const completion = (userId: string, organisationId: string, completedAt: string) => ({
      municipalityId: tenant.municipality.id,
      userId,
      organisationId,
      moduleKey: 'basics',
      moduleVersion: 1,
      score: 100,
      completedAt: new Date(completedAt),
      validUntil: '2028-06-01',
    });
    await h.deps.db.insert(schema.trainingCompletion).values([
      ...teachers.map((teacher) => completion(teacher.id, school.id, '2026-03-01T10:00:00Z')),
      ...nurses.map((nurse) => completion(nurse.id, health.id, '2026-05-01T10:00:00Z')),
      completion(tenant.users.frontline.id, tenant.organisation.id, '2025-05-01T10:00:00Z'),
    ]);
    const section = await buildTrainingSection(h.deps.db, { municipalityId: tenant.municipality.id, ...yearPeriod(2026), lang: 'en', suppressionThreshold: 5 });
    expect(section.hasData).toBe(true);
    const table = section.blocks.find((block) => block.type === 'table');
    expect(table?.type === 'table' && table.rows[0]?.slice(0, 2)).toEqual(['Basics: human trafficking in the municipality', '9']);
    const chart = section.blocks.find((block) => block.type === 'chart');
    if (chart?.type !== 'chart') throw new Error('no chart');
    expect(chart.chart.categories).toEqual(['Health', 'School']);
    // 2 nurses are fewer than 5: withheld, and the school count with it (it would give the 2 away from the total).
    expect(chart.chart.series.map((series) => series.key)).toEqual(['basics', 'children-services', 'adult-services']);
    expect(chart.chart.series[0]?.values).toEqual([null, null]);
    for (const block of section.blocks) expect(JSON.stringify(block)).not.toMatch(/"2"/);
  });
});
