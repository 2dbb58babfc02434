import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, schema } from '@lykt/db';
import { norwegianYear, type HtcdsExport, type KomSummary, type StatisticsPage, type StatisticsTable } from '@lykt/shared';
import { call, createHarness, errorCode, expectEachForbidden, seedTenant, signIn, type Session, type TestHarness } from '../../../test/harness';
import { seedCapabilities } from '../../platform/seed-capabilities';
import { insertCases, insertScreenings, times } from './statistics.fixtures';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const YEAR = 2025;
const at = (month: number, day = 10) => new Date(Date.UTC(YEAR, month - 1, day, 12));

async function seededTenant() {
  const tenant = await seedTenant(h, {
    settings: {
      mfaPolicy: 'off',
      languages: ['nb', 'en'],
      defaultLanguage: 'nb',
      suppressionThreshold: 5,
    },
  });
  const ids = {
    municipalityId: tenant.municipality.id,
    userId: tenant.users.coordinator.id,
    organisationId: tenant.organisation.id,
  };
  // 12 cases from Romania (labour), 9 from Poland (sexual), 1 from Vietnam (minor, labour): the Vietnamese case must never show.
  await insertCases(h.deps.db, ids, [
    ...times(12, {
      createdAt: at(2),
      nationality: 'RO',
      forms: ['labour'],
      gender: 'male',
    }),
    ...times(9, {
      createdAt: at(5),
      nationality: 'PL',
      forms: ['sexual'],
      gender: 'female',
      sectors: ['none'],
    }),
    {
      createdAt: at(7),
      nationality: 'VN',
      forms: ['labour'],
      isMinor: true,
      ageBand: '16_17',
      gender: 'male',
      residence: 'asylum_seeker',
    },
    // A continuing case opened the year before, and one closed before the year (not counted).
    { createdAt: new Date(Date.UTC(YEAR - 1, 10, 1)), nationality: 'RO' },
    {
      createdAt: new Date(Date.UTC(YEAR - 2, 1, 1)),
      closedAt: new Date(Date.UTC(YEAR - 1, 5, 1)),
      status: 'closed',
      nationality: 'RO',
    },
  ]);
  await insertScreenings(h.deps.db, ids, [...times(7, { createdAt: at(3) }), ...times(2, { createdAt: at(9), gender: 'female' })]);
  const sessions = {
    coordinator: await signIn(h, tenant.users.coordinator),
    viewer: await signIn(h, tenant.users.viewer),
  };
  return { tenant, ids, sessions };
}

let main: Awaited<ReturnType<typeof seededTenant>>;
beforeAll(async () => {
  main = await seededTenant();
});

const get = (session: Session | null, url: string) => call(h, session, 'GET', url);
const table = (page: StatisticsPage, id: string): StatisticsTable => {
  const found = page.tables.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};
const row = (t: StatisticsTable, key: string) => t.rows.find((candidate) => candidate.key === key);
const auditCount = async (municipalityId: string, action: string) =>
  (
    await h.deps.db
      .select()
      .from(schema.auditEvent)
      .where(and(eq(schema.auditEvent.municipalityId, municipalityId), eq(schema.auditEvent.action, action)))
  ).length;

const ENDPOINTS = [
  `/api/v1/statistics?year=${YEAR}`,
  `/api/v1/statistics/internal?year=${YEAR}`,
  `/api/v1/statistics/export?year=${YEAR}&format=csv`,
  `/api/v1/statistics/kom?year=${YEAR}`,
  `/api/v1/statistics/htcds?year=${YEAR}`,
];

describe('statistics: access', () => {
  it('answers 401 without a session', async () => {
    for (const url of ENDPOINTS) {
      const response = await get(null, url);
      expect(response.statusCode, url).toBe(401);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
    }
  });

  it('answers 403 to roles outside the need to know', async () => {
    const { users } = main.tenant;
    for (const role of ['frontline', 'partner', 'caseworker', 'admin'] as const) {
      const session = await signIn(h, users[role]);
      await expectEachForbidden(
        h,
        session,
        ENDPOINTS.map((url) => ({ method: 'GET' as const, url })),
      );
    }
    // The viewer sees the protected page and its exports, never exact figures or case records.
    await expectEachForbidden(h, main.sessions.viewer, [
      { method: 'GET', url: `/api/v1/statistics/internal?year=${YEAR}` },
      { method: 'GET', url: `/api/v1/statistics/htcds?year=${YEAR}` },
    ]);
  });

  it("never counts another municipality's records", async () => {
    const other = await seedTenant(h, {
      settings: {
        mfaPolicy: 'off',
        languages: ['nb'],
        defaultLanguage: 'nb',
        suppressionThreshold: 5,
      },
    });
    const session = await signIn(h, other.users.coordinator);
    const page = (await get(session, `/api/v1/statistics/internal?year=${YEAR}`)).json<StatisticsPage>();
    expect(table(page, 'case.gender').total).toBe(0);
    expect(page.sources).toEqual([]);
  });
});

describe('statistics: bad input', () => {
  it('refuses bad filters with 400 VALIDATION_ERROR and writes nothing', async () => {
    const before = await h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, main.ids.municipalityId));
    for (const url of [
      '/api/v1/statistics?year=abc',
      '/api/v1/statistics?year=1999',
      '/api/v1/statistics?year=2025.5',
      '/api/v1/statistics?from=2025-01-01',
      `/api/v1/statistics/export?year=${YEAR}&format=pdf`,
      `/api/v1/statistics/export?year=${YEAR}`,
      `/api/v1/statistics/export?year=${YEAR}&format=csv&table=DROP%20TABLE`,
      `/api/v1/statistics/htcds?year=${YEAR}&k=2`,
      `/api/v1/statistics/htcds?year=${YEAR}&variant=raw`,
      `/api/v1/statistics/kom?year=${YEAR}&format=docx`,
      '/api/v1/statistics?pool=2',
    ]) {
      const response = await get(main.sessions.coordinator, url);
      expect(response.statusCode, url).toBe(400);
      expect(errorCode(response), url).toBe('VALIDATION_ERROR');
    }
    const after = await h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, main.ids.municipalityId));
    expect(after.length).toBe(before.length);
  });

  it('answers 404 for a table that does not exist', async () => {
    const response = await get(main.sessions.coordinator, `/api/v1/statistics/export?year=${YEAR}&format=csv&table=case.shoe_size`);
    expect(response.statusCode).toBe(404);
    expect(errorCode(response)).toBe('NOT_FOUND');
  });
});

/** A published figure is "fewer than 5" (null) or a number of at least 5 within D = 3 of the true count; never anything else. */
function expectPublished(value: number | null | undefined, truth: number, where = ''): void {
  if (value === null || value === undefined) expect(truth, `${where}: fewer than 5 for a true ${truth}`).toBeLessThanOrEqual(5 - 1 + 3);
  else {
    expect(value, where).toBeGreaterThanOrEqual(5);
    expect(Math.abs(value - truth), `${where}: ${value} for a true ${truth}`).toBeLessThanOrEqual(3);
  }
}

/** The published (perturbed, suppressed) count of minors in the year's current release, as the page shows it. */
async function publishedMinors(): Promise<number | null> {
  const page = (await get(main.sessions.viewer, `/api/v1/statistics?year=${YEAR}`)).json<StatisticsPage>();
  const value = row(table(page, 'case.minor'), 'minor')?.total ?? null;
  expectPublished(value, 2, 'minors in the current release');
  return value;
}

describe('statistics: the published page', () => {
  it('shows the stored release of a closed year: perturbed figures, nothing below k, fixed categories', async () => {
    const response = await get(main.sessions.viewer, `/api/v1/statistics?year=${YEAR}`);
    expect(response.statusCode).toBe(200);
    const page = response.json<StatisticsPage>();
    expect(page.internal).toBe(false);
    expect(page.status).toBe('released');
    expect(page.release).toMatchObject({ periodKind: 'year', periodKey: String(YEAR), number: 1, automatic: true });
    expect(page.suppressionThreshold).toBe(5);
    expect(page).toMatchObject({ noiseMax: 3, noiseVariance: 1 });
    // Nationality: always the fixed regions and "unknown", never a country, whatever occurs.
    const { nationalityCategories } = await import('./statistics.tables');
    const nationality = page.tables.find((candidate) => candidate.id === 'case.nationality');
    if (nationality) {
      expect(nationality.rows.map((r) => r.key)).toEqual(nationalityCategories());
      expect(row(nationality, 'region:southeast_asia')?.total).toBeNull();
      expectPublished(nationality.total, 23, 'nationality total');
    } else expect(page.dropped).toContain('case.nationality');
    // The one minor is never shown as a number.
    expect(row(table(page, 'case.minor'), 'minor')?.total).toBeNull();
    expectPublished(row(table(page, 'case.minor'), 'adult')?.total, 22, 'adults');
    // Zeros read "fewer than 5" like any small count: a listed category tells nothing.
    expect(row(table(page, 'case.form'), 'organ_removal')?.total).toBeNull();
    expectPublished(row(table(page, 'case.new_or_continuing'), 'new')?.total, 22, 'new');
    expect(row(table(page, 'case.new_or_continuing'), 'continuing')?.total).toBeNull();
    // Every figure on the page: nothing between 1 and k-1, and every total within D of the truth.
    for (const t of page.tables) for (const r of t.rows) for (const value of [...r.values, r.total]) if (value !== null) expect(value, `${t.id} ${r.key}`).toBeGreaterThanOrEqual(5);
    expectPublished(table(page, 'case.gender').total, 23, 'case total');
    // Nine screenings: the total is always shown (9 ± 3 ≥ k); the monthly breakdown may be dropped
    // when every month reads below k, which depends on the random record keys.
    const screeningTotal = page.trend.find((entry) => entry.year === YEAR && entry.source === 'screening')?.total;
    expectPublished(screeningTotal, 9, 'screenings');
    const months = page.tables.find((candidate) => candidate.id === 'screening.month');
    if (months) expect(months.total).toBe(screeningTotal);
    else expect(page.dropped).toContain('screening.month');
    // The same record set gives the same figure wherever it appears.
    for (const id of ['case.gender', 'case.minor', 'case.form', 'case.service']) expect(table(page, id).total).toBe(table(page, 'case.gender').total);
    expect(page.trend.find((entry) => entry.year === YEAR && entry.source === 'case')?.total).toBe(table(page, 'case.gender').total);
    // A breakdown where every figure is below k is left out and listed as dropped.
    for (const id of page.dropped) expect(page.tables.some((candidate) => candidate.id === id)).toBe(false);
    expect(page.dropped).toContain('concern.gender');
  });

  it('never recomputes a release: adding a record changes nothing until a new release, which the coordinator publishes, audited', async () => {
    const first = (await get(main.sessions.viewer, `/api/v1/statistics?year=${YEAR}`)).json<StatisticsPage>();
    const publishedBefore = await auditCount(main.ids.municipalityId, 'statistics.release.published');
    // The reported attack: read, add one record, read again.
    // The record's key is 0, so every cell it joins keeps its cell key and its noise and counts one
    // more: the new release's total reads exactly one more, whatever keys the other records drew.
    // (With a random key, every changed figure could by chance be published as before; then no new
    // release is due, and the release numbers this file expects would not follow.)
    await insertCases(h.deps.db, main.ids, [{ createdAt: at(11), nationality: 'VN', forms: ['labour'], isMinor: true, ageBand: '16_17', gender: 'male', statisticsKey: 0 }], 'LATE-');
    const again = (await get(main.sessions.viewer, `/api/v1/statistics?year=${YEAR}`)).json<StatisticsPage>();
    expect(again.tables).toEqual(first.tables);
    expect(again.release?.number).toBe(1);
    // Only the coordinator publishes; the viewer may not.
    const refused = await call(h, main.sessions.viewer, 'POST', '/api/v1/statistics/releases', { year: YEAR });
    expect(refused.statusCode).toBe(403);
    const published = await call(h, main.sessions.coordinator, 'POST', '/api/v1/statistics/releases', { year: YEAR });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ created: true, release: { number: 2, automatic: false } });
    expect(await auditCount(main.ids.municipalityId, 'statistics.release.published')).toBe(publishedBefore + 1);
    // Unchanged figures make no new release.
    const unchanged = await call(h, main.sessions.coordinator, 'POST', '/api/v1/statistics/releases', { year: YEAR });
    expect(unchanged.json()).toMatchObject({ created: false, release: { number: 2 } });
    const latest = (await get(main.sessions.viewer, `/api/v1/statistics?year=${YEAR}`)).json<StatisticsPage>();
    expect(latest.release?.number).toBe(2);
    expectPublished(table(latest, 'case.gender').total, 24, 'case total in release 2');
    expect(table(latest, 'case.gender').total).toBe((table(first, 'case.gender').total ?? 0) + 1);
    expectPublished(row(table(latest, 'case.minor'), 'minor')?.total, 2, 'minors in release 2');
  });

  it('publishes nothing for an open year, and refuses to publish or export it', async () => {
    const year = norwegianYear();
    const page = (await get(main.sessions.viewer, `/api/v1/statistics?year=${year}`)).json<StatisticsPage>();
    expect(page).toMatchObject({ status: 'open', release: null, tables: [] });
    expect(page.trend.find((entry) => entry.year === year)?.released).toBe(false);
    for (const response of [
      await call(h, main.sessions.coordinator, 'POST', '/api/v1/statistics/releases', { year }),
      await get(main.sessions.viewer, `/api/v1/statistics/export?year=${year}&format=csv`),
      await get(main.sessions.viewer, `/api/v1/statistics/kom?year=${year}`),
    ]) {
      expect(response.statusCode).toBe(409);
      expect(errorCode(response)).toBe('PERIOD_OPEN');
    }
    const bad = await call(h, main.sessions.coordinator, 'POST', '/api/v1/statistics/releases', { year: 'last' });
    expect(bad.statusCode).toBe(400);
    expect(errorCode(bad)).toBe('VALIDATION_ERROR');
  });

  it('pools three years when asked, without month or quarter tables', async () => {
    const page = (await get(main.sessions.viewer, `/api/v1/statistics?year=${YEAR}&pool=3`)).json<StatisticsPage>();
    expect(page.release).toMatchObject({ periodKind: 'years', periodKey: `${YEAR - 2}-${YEAR}` });
    expect(page.tables.some((t) => t.dimension === 'month' || t.dimension === 'quarter')).toBe(false);
    expectPublished(table(page, 'case.gender').total, 25, 'cases active 2023-2025');
  });

  it('shows exact figures on the internal page only, marked internal, and audits the read', async () => {
    const before = await auditCount(main.ids.municipalityId, 'statistics.internal.viewed');
    const page = (await get(main.sessions.coordinator, `/api/v1/statistics/internal?year=${YEAR}`)).json<StatisticsPage>();
    expect(page.internal).toBe(true);
    expect(row(table(page, 'case.nationality'), 'VN')?.total).toBe(2);
    expect(row(table(page, 'case.minor'), 'minor')?.total).toBe(2);
    expect(row(table(page, 'case.new_or_continuing'), 'continuing')?.total).toBe(1);
    expect(table(page, 'screening.month').total).toBe(9);
    expect(await auditCount(main.ids.municipalityId, 'statistics.internal.viewed')).toBe(before + 1);
  });
});

describe('statistics: exports', () => {
  it('exports a table as CSV with the same protected figures as the page, audited', async () => {
    const before = await auditCount(main.ids.municipalityId, 'statistics.exported');
    const response = await get(main.sessions.viewer, `/api/v1/statistics/export?year=${YEAR}&format=csv&table=case.minor&lang=nb`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="statistikk-${YEAR}-case.minor.csv"`);
    const text = response.body;
    expect(text).toContain('"Kode","Mindreårig eller voksen","Antall"');
    // The export shows the release's figure exactly as the page does: below 5 (whatever the noise
    // made of the true 2) as "fewer than 5", else the published, perturbed number.
    const minor = await publishedMinors();
    expect(text).toContain(`"minor","Mindreårig","${minor === null ? 'færre enn 5' : String(minor)}"`);
    expect(text).toContain('«Færre enn 5», også null');
    expect(text).toContain(`Publisert utgave 2 for ${YEAR}`);
    expect(text).not.toMatch(/"minor","Mindreårig","1"/);
    expect(await auditCount(main.ids.municipalityId, 'statistics.exported')).toBe(before + 1);
  });

  it("names categories as the page does, in bokmål by default and in English by lang=en, beside the stable code", async () => {
    const nb = (await get(main.sessions.viewer, `/api/v1/statistics/export?year=${YEAR}&format=csv&table=screening.gender`)).body;
    expect(nb).toContain('"Kode","Kjønn","Antall"');
    expect(nb).toMatch(/"female","Kvinne","/);
    expect(nb).not.toMatch(/"female","female"/);
    const en = (await get(main.sessions.viewer, `/api/v1/statistics/export?year=${YEAR}&format=csv&table=screening.gender&lang=en`)).body;
    expect(en).toContain('"Code","Gender","Count"');
    expect(en).toMatch(/"female","Female","/);
    const months = (await get(main.sessions.viewer, `/api/v1/statistics/export?year=${YEAR}&format=csv&table=screening.month&lang=en`)).body;
    expect(months).toContain(`"${YEAR}-09","September","`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await call(h, main.sessions.viewer, 'GET', `/api/v1/statistics/export?year=${YEAR}&format=xlsx&table=case.minor&lang=en`)).rawPayload as unknown as ArrayBuffer);
    const values = workbook.getWorksheet('case.minor')?.getSheetValues().flat().map(String) ?? [];
    expect(values).toEqual(expect.arrayContaining(['Code', 'Minor or adult', 'minor', 'Minor', 'adult', 'Adult']));
    const kom = (await get(main.sessions.viewer, `/api/v1/statistics/kom?year=${YEAR}&lang=en`)).json<KomSummary>();
    expect(kom.categories.find((category) => category.key === 'exploitation_form')?.rows.find((r) => r.key === 'sexual')?.label).toBe('Sexual exploitation');
  });

  it('exports every table as XLSX, one sheet each, that reads back', async () => {
    const response = await call(h, main.sessions.viewer, 'GET', `/api/v1/statistics/export?year=${YEAR}&format=xlsx&lang=en`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('case.minor');
    expect(sheet).toBeDefined();
    const values = sheet?.getSheetValues().flat().map(String) ?? [];
    expect(values).toContain('fewer than 5');
    expect(workbook.worksheets.length).toBeGreaterThan(20);
  });

  it("gives the KOM summary in KOM's categories, protected", async () => {
    const summary = (await get(main.sessions.viewer, `/api/v1/statistics/kom?year=${YEAR}&lang=en`)).json<KomSummary>();
    expect(summary.categories.map((category) => category.key)).toContain('residence_status');
    const forms = summary.categories.find((category) => category.key === 'exploitation_form');
    expect(forms?.multiValued).toBe(true);
    expectPublished(forms?.rows.find((r) => r.key === 'sexual')?.count, 9, 'sexual');
    expect(forms?.rows.map((r) => r.key)).toContain('organ_removal');
    const csv = await get(main.sessions.viewer, `/api/v1/statistics/kom?year=${YEAR}&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Nasjonalitet');
  });

  it('exports HTCDS records k-anonymised, with a report, no personal fields, audited', async () => {
    const before = await auditCount(main.ids.municipalityId, 'statistics.htcds.exported');
    const data = (await get(main.sessions.coordinator, `/api/v1/statistics/htcds?year=${YEAR}&format=json`)).json<HtcdsExport>();
    expect(data.variant).toBe('k_anonymised');
    expect(data.k).toBe(5);
    expect(data.report.casesInPeriod).toBe(24);
    expect(data.report.exported + data.report.dropped).toBe(24);
    expect(data.report.dropped).toBeGreaterThanOrEqual(1);
    const classes = new Map<string, number>();
    for (const record of data.records) {
      const key = [record.lykt_Year, record.prs_Gender, record.prs_Nationality, record.lykt_NationalityRegion, record.lykt_AgeBand, record.lykt_Minor].join('|');
      classes.set(key, (classes.get(key) ?? 0) + 1);
    }
    for (const size of classes.values()) expect(size).toBeGreaterThanOrEqual(5);
    expect(data.records.some((record) => record.prs_Nationality === 'VN')).toBe(false);
    for (const field of data.fields) expect(field).not.toMatch(/Name|Birthdate|Email|Phone|Street|Details/);
    const coded = (await get(main.sessions.coordinator, `/api/v1/statistics/htcds?year=${YEAR}&format=json&variant=coded`)).json<HtcdsExport>();
    expect(coded.records).toHaveLength(24);
    expect(coded.records.find((record) => record.prs_Nationality === 'VN')?.vic_TypeOfLabourExploitation).toBe('Other');
    expect(coded.records[0]?.cas_Status).toBe('Active');
    const csv = await get(main.sessions.coordinator, `/api/v1/statistics/htcds?year=${YEAR}`);
    expect(csv.body.split('\r\n')[0]).toContain('cas_Status');
    expect(await auditCount(main.ids.municipalityId, 'statistics.htcds.exported')).toBe(before + 3);
  });
});

describe('statistics: council report section', () => {
  it('prints the published case figures for a whole year with every category, and nothing for a part of one', async () => {
    const { buildStatisticsSection, statisticsSection } = await import('./statistics.report-section');
    const { yearPeriod } = await import('../reports/period');
    expect(statisticsSection.order).toBe(60);
    const section = await buildStatisticsSection(h.deps.db, {
      municipalityId: main.ids.municipalityId,
      ...yearPeriod(YEAR),
      lang: 'nb',
      suppressionThreshold: 5,
    });
    expect(section.hasData).toBe(true);
    const text = JSON.stringify(section.blocks);
    expect(text).toContain('færre enn 5');
    expect(text).not.toContain('skjult');
    expect(text).not.toContain('Vietnam');
    const minorTable = section.blocks.find((block) => block.type === 'table' && block.caption === 'Mindreårig eller voksen');
    const minor = await publishedMinors();
    expect(JSON.stringify(minorTable)).toContain(`["Mindreårig","${minor === null ? 'færre enn 5' : String(minor)}"]`);
    // Forms of exploitation: every category listed, also those no case has.
    const forms = section.blocks.find((block) => block.type === 'table' && block.caption === 'Utnyttelsesform');
    expect(JSON.stringify(forms)).toContain('Organfjerning');
    // Headline figures for the report's key-figures table, from the release.
    const figure = (key: string) => section.figures?.find((item) => item.key === key);
    expect(figure('cases.new')?.value.kind).toBe('exact');
    const continuing = section.figures?.find((item) => item.key === 'cases.reflectionPeriods');
    expect(continuing?.value).toEqual({ kind: 'range', low: 0, high: 4 });
    expect(section.figures?.map((item) => item.key)).toEqual(['cases.active', 'cases.new', 'referrals.sent', 'referrals.accepted', 'cases.childWelfareMeasures', 'cases.policeReports', 'cases.reflectionPeriods']);
    const part = await buildStatisticsSection(h.deps.db, {
      municipalityId: main.ids.municipalityId,
      from: new Date(Date.UTC(YEAR, 2, 1)),
      to: new Date(Date.UTC(YEAR, 5, 1)),
      lang: 'en',
      suppressionThreshold: 5,
    });
    expect(part.hasData).toBe(false);
  });
});

describe('statistics: training figures', () => {
  it('counts completed training per course and kind of service, protected like every other figure', async () => {
    const users = main.tenant.users;
    // Eleven completed the basics course: with k = 5 and noise of at most 3 the published count is
    // always 8 or more, so the table is published whatever record keys this run draws.
    const extra = await Promise.all(
      Array.from({ length: 6 }, () => buildUser(h.deps.db, seedCapabilities(h.deps.keyring), { municipalityId: main.ids.municipalityId, organisationId: main.ids.organisationId, role: 'frontline' })),
    );
    await h.deps.db.insert(schema.trainingCompletion).values(
      [users.frontline, users.caseworker, users.coordinator, users.partner, users.viewer, users.admin, ...extra].map((user, index) => ({
        municipalityId: main.ids.municipalityId,
        userId: user.id,
        organisationId: main.ids.organisationId,
        moduleKey: index === 0 ? 'children-services' : 'basics',
        moduleVersion: 1,
        score: 100,
        completedAt: at(4),
        validUntil: `${YEAR + 2}-04-10`,
      })),
    );
    const internal = (await get(main.sessions.coordinator, `/api/v1/statistics/internal?year=${YEAR}`)).json<StatisticsPage>();
    expect(row(table(internal, 'training.module'), 'basics')?.total).toBe(11);
    expect(row(table(internal, 'training.module'), 'children-services')?.total).toBe(1);
    // Registered after the year's release: in the published figures only after a new release.
    expect(await call(h, main.sessions.coordinator, 'POST', '/api/v1/statistics/releases', { year: YEAR })).toMatchObject({ statusCode: 200 });
    const page = (await get(main.sessions.viewer, `/api/v1/statistics?year=${YEAR}`)).json<StatisticsPage>();
    expect(page.release?.number).toBe(3);
    const modules = table(page, 'training.module');
    expect(row(modules, 'children-services')?.total).toBeNull();
    expectPublished(row(modules, 'basics')?.total, 11, 'basics');
    expectPublished(modules.total, 12, 'training total');
    expect(modules.rows.map((r) => r.key)).toEqual(expect.arrayContaining(['basics', 'adult-services', 'children-services']));
    const nb = (await get(main.sessions.viewer, `/api/v1/statistics/export?year=${YEAR}&format=csv&table=training.module`)).body;
    expect(nb).toContain('"Kode","Kurs","Antall"');
    expect(nb).toContain('"children-services",');
    expect(nb).not.toMatch(/"children-services","[^"]*","1"/);
  });
});
