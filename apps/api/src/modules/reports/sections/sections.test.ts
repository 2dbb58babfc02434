import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { norwegianYear } from '@lykt/shared';
import { buildOrganisation, schema } from '@lykt/db';
import { createHarness, seedTenant, type TestHarness } from '../../../../test/harness';
import type { DocBlock } from '../../../platform/documents/model';
import { periodClosed, releasePeriod } from '../../statistics/statistics.service';
import { yearPeriod } from '../period';
import type { ReportSectionInput } from '../report-section';
import { reportSectionProviders } from './index';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const facts = { ageBand: 'adult', possibleMinor: false, gender: 'unknown', nationality: null, sector: 'unknown', placeKind: 'unknown', immediateDanger: false, wantsHelp: 'unknown' };

async function tenantWithData() {
  const tenant = await seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
  const municipalityId = tenant.municipality.id;
  const db = h.deps.db;
  const police = await buildOrganisation(db, municipalityId, { name: 'Politiet', kind: 'police', isInternal: false });
  const [plan] = await db.insert(schema.plan).values({ municipalityId, title: 'Tiltaksplan 2026–2029', periodStart: '2026-01-01', periodEnd: '2029-12-31' }).returning();
  if (!plan) throw new Error('no plan');
  const [version] = await db
    .insert(schema.planVersion)
    .values({ municipalityId, planId: plan.id, number: 1, status: 'adopted', decisionRef: 'KS-sak 12/26', decisionDate: '2026-02-10', adoptedAt: new Date('2026-02-10T12:00:00Z') })
    .returning();
  if (!version) throw new Error('no version');
  const measure = (area: string, title: string, status: string, progress: number, ownerOrganisationId: string | null = null, parentId: string | null = null) => ({
    id: randomUUID(),
    municipalityId,
    planVersionId: version.id,
    lineageId: randomUUID(),
    parentId,
    area,
    title,
    status,
    progress,
    ownerOrganisationId,
  });
  const parent = measure('D', 'Felles indikatorliste for førstelinjen', 'in_progress', 0, police.id);
  await db.insert(schema.planMeasure).values([
    measure('A', 'Kommunestyret vedtar planen', 'done', 100),
    parent,
    measure('D', 'Opplæring av NAV-veiledere', 'done', 100, police.id, parent.id),
    measure('D', 'Opplæring av helsesykepleiere', 'delayed', 20, null, parent.id),
    measure('G', 'Botilbud for utsatte', 'not_started', 0),
  ]);
  await db.insert(schema.planMeasureUpdate).values([
    { municipalityId, planId: plan.id, lineageId: parent.lineageId, measureId: parent.id, source: 'manual', occurredOn: '2026-03-01', text: 'Startet' },
    { municipalityId, planId: plan.id, lineageId: parent.lineageId, measureId: parent.id, source: 'manual', occurredOn: '2025-12-01', text: 'Før perioden' },
  ]);
  const [member] = await db.insert(schema.coopMember).values({ municipalityId, organisationId: police.id, name: 'Kari Fiktiv', groupRole: 'member' }).returning();
  const [meeting] = await db.insert(schema.coopMeeting).values({ municipalityId, startsAt: new Date('2026-04-15T08:00:00Z'), place: 'Rådhuset' }).returning();
  await db.insert(schema.coopMeeting).values({ municipalityId, startsAt: new Date('2025-11-15T08:00:00Z'), place: 'Utenfor perioden' });
  if (!member || !meeting) throw new Error('no meeting');
  await db.insert(schema.coopMeetingAttendance).values({ municipalityId, meetingId: meeting.id, memberId: member.id, present: true });
  const screening = (createdAt: Date) => ({
    municipalityId,
    createdByUserId: tenant.users.frontline.id,
    organisationId: tenant.organisation.id,
    context: 'health',
    catalogueVersion: 'test',
    suspectedForms: [],
    facts,
    possibleMinor: false,
    answers: [],
    profile: {},
    level: 'low',
    nextStepRuleIds: [],
    createdAt,
  });
  // Q1: 7 screenings, Q2: 2 (small: withheld, and a complement with it).
  await db.insert(schema.screening).values([...Array.from({ length: 7 }, () => screening(new Date('2026-02-01T10:00:00Z'))), screening(new Date('2026-05-01T10:00:00Z')), screening(new Date('2026-05-02T10:00:00Z'))]);
  return { tenant, municipalityId };
}

const input = (municipalityId: string, lang: 'nb' | 'en' = 'nb', year = 2026): ReportSectionInput => ({ municipalityId, ...yearPeriod(year), lang, suppressionThreshold: 5 });
const text = (blocks: DocBlock[]): string => JSON.stringify(blocks);

describe('council report sections', () => {
  it('are listed in report order', () => {
    expect(reportSectionProviders().map((provider) => provider.order)).toEqual([...reportSectionProviders().map((provider) => provider.order)].sort((a, b) => a - b));
    expect(reportSectionProviders().slice(0, 6).map((provider) => provider.key)).toEqual(['plan', 'cooperation', 'map', 'maturity', 'identification', 'tips']);
  });

  it('state plainly that there is no data for an empty municipality', async () => {
    const tenant = await seedTenant(h);
    // The year still open: a closed one publishes its (empty) statistics release on first read, so its release sections have data.
    const year = norwegianYear();
    expect(periodClosed(releasePeriod(year))).toBe(false);
    for (const provider of reportSectionProviders()) {
      const section = await provider.build(h.deps.db, input(tenant.municipality.id, 'nb', year));
      expect(section.hasData, provider.key).toBe(false);
      expect(section.emptyText, provider.key).toBeTruthy();
      expect(section.blocks).toEqual([]);
    }
  });

  it('report the plan by council question with progress, owners and a chart', async () => {
    const { municipalityId } = await tenantWithData();
    const [plan] = reportSectionProviders();
    if (!plan) throw new Error('no provider');
    const section = await plan.build(h.deps.db, input(municipalityId));
    expect(section.hasData).toBe(true);
    const all = text(section.blocks);
    expect(all).toContain('Tiltaksplan 2026–2029');
    expect(all).toContain('KS-sak 12/26');
    expect(all).toContain('Hvordan forebygger vi?');
    expect(all).toContain('Hvordan avdekker vi?');
    expect(all).toContain('– Opplæring av NAV-veiledere');
    expect(all).toContain('Politiet');
    expect(all).toContain('Forsinket');
    expect(all).toContain('1 oppdatering ble registrert');
    expect(all).not.toContain('1 oppdateringer');
    expect(section.figures).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'plan.measures.done', value: { kind: 'exact', value: 2 } }), expect.objectContaining({ key: 'plan.measures.total', value: { kind: 'exact', value: 5 } })]));
    // The delayed measure is listed with its owner and the latest explanation.
    expect(all).toContain('Forsinkede tiltak');
    const chart = section.blocks.find((block) => block.type === 'chart');
    expect(chart?.type === 'chart' && chart.chart.series[0]?.values).toEqual([100, 60, 0]);
    const english = await plan.build(h.deps.db, input(municipalityId, 'en'));
    expect(text(english.blocks)).toContain('How do we detect?');
  });

  it('count meetings and attendance in the period only', async () => {
    const { municipalityId } = await tenantWithData();
    const provider = reportSectionProviders().find((item) => item.key === 'cooperation');
    const section = await provider?.build(h.deps.db, input(municipalityId));
    const all = text(section?.blocks ?? []);
    expect(all).toContain('hadde 1 møte i perioden');
    expect(all).not.toContain('1 møter');
    expect(section?.figures).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'cooperation.meetings', value: { kind: 'exact', value: 1 } })]));
    expect(all).toContain('Rådhuset');
    expect(all).not.toContain('Utenfor perioden');
    expect(all).not.toContain('Kari Fiktiv');
  });

  it('give no screening or tip figures for a year that has not closed (published releases: published-sections.test.ts)', async () => {
    const { municipalityId } = await tenantWithData();
    const provider = reportSectionProviders().find((item) => item.key === 'identification');
    const section = await provider?.build(h.deps.db, input(municipalityId));
    const open = !periodClosed(releasePeriod(2026));
    expect(section?.hasData).toBe(!open);
    if (open) expect(section?.emptyText).toContain('publiseres når året er over');
    expect(text(section?.blocks ?? [])).not.toMatch(/"value":"2"/);
    const tips = await reportSectionProviders().find((item) => item.key === 'tips')?.build(h.deps.db, input(municipalityId));
    expect(tips?.hasData).toBe(!open);
  });

});

describe('the situation map and maturity sections', () => {
  async function mapTenant() {
    const tenant = await seedTenant(h);
    const municipalityId = tenant.municipality.id;
    const createdByUserId = tenant.users.coordinator.id;
    const db = h.deps.db;
    await db.insert(schema.mapRiskGroup).values([
      { municipalityId, kind: 'labour_migrants', title: 'Sesongarbeidere', sizeLow: 100, sizeHigh: 150, createdByUserId, createdAt: new Date('2026-02-01T10:00:00Z') },
      { municipalityId, kind: 'labour_migrants', title: 'Byggearbeidere', sizeLow: 40, sizeHigh: 60, createdByUserId, createdAt: new Date('2026-02-01T10:00:00Z') },
      { municipalityId, kind: 'homeless', title: 'Arkivert gruppe', createdByUserId, createdAt: new Date('2026-02-01T10:00:00Z'), archivedAt: new Date('2026-06-01T10:00:00Z') },
    ]);
    const [site] = await db
      .insert(schema.mapSite)
      .values([
        { municipalityId, name: 'Bærgården AS', isicSection: 'A', riskLevel: 'high', createdByUserId, createdAt: new Date('2026-03-01T10:00:00Z') },
        { municipalityId, name: 'Vaskeriet', isicSection: 'N', riskLevel: 'medium', createdByUserId, createdAt: new Date('2026-03-01T10:00:00Z') },
      ])
      .returning();
    if (!site) throw new Error('no site');
    await db.insert(schema.mapInspection).values({ municipalityId, siteId: site.id, inspectedOn: '2026-07-01', agencies: ['police'], createdByUserId });
    await db.insert(schema.mapService).values({ municipalityId, kind: 'shelter', name: 'Krisesenteret', capacity: 4, capacityUnit: 'plasser', createdByUserId, createdAt: new Date('2026-01-05T10:00:00Z') });
    await db.insert(schema.maturityRating).values([
      { municipalityId, year: 2025, areaCode: 'A', level: 'first_steps', ratedByUserId: createdByUserId },
      { municipalityId, year: 2026, areaCode: 'A', level: 'substantial_progress', ratedByUserId: createdByUserId },
      { municipalityId, year: 2026, areaCode: 'D', level: 'early_progress', ratedByUserId: createdByUserId },
      { municipalityId, year: 2027, areaCode: 'D', level: 'mature_practice', ratedByUserId: createdByUserId },
    ]);
    return municipalityId;
  }

  it('count the map by category without naming a site, and leave out what was archived', async () => {
    const municipalityId = await mapTenant();
    const section = await reportSectionProviders().find((provider) => provider.key === 'map')?.build(h.deps.db, input(municipalityId));
    if (!section) throw new Error('no map section');
    const all = text(section.blocks);
    expect(section.hasData).toBe(true);
    expect(all).not.toContain('Bærgården');
    expect(all).not.toContain('Sesongarbeidere');
    const groups = section.blocks.find((block) => block.type === 'table');
    expect(groups?.type === 'table' && groups.rows).toEqual([['Arbeidsinnvandrere', '2', '140–210']]);
    expect(all).toContain('Det ble gjennomført 1 tilsyn');
    expect(all).toContain('4 plasser');
    expect(section.figures).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'map.sites.high', value: { kind: 'exact', value: 1 } })]));
  });

  it('show the maturity self-assessment over the years up to the report year', async () => {
    const municipalityId = await mapTenant();
    const section = await reportSectionProviders().find((provider) => provider.key === 'maturity')?.build(h.deps.db, input(municipalityId));
    if (!section) throw new Error('no maturity section');
    const table = section.blocks.find((block) => block.type === 'table');
    if (table?.type !== 'table') throw new Error('no table');
    expect(table.headers.slice(1)).toEqual(['2025', '2026']);
    expect(table.rows[0]?.slice(1)).toEqual(['Første steg', 'Betydelig fremgang']);
    expect(text(section.blocks)).not.toContain('Moden praksis"');
    expect(section.figures?.[0]?.value).toEqual({ kind: 'exact', value: 1 });
  });
});
