import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@lykt/db';
import type { HtcdsExport, KomSummary, StatisticsPage, StatisticsTable } from '@lykt/shared';
import { call, createHarness, errorCode, expectEachForbidden, seedTenant, signIn, type Session, type TestHarness } from '../../../test/harness';
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

describe('statistics: the protected page', () => {
  it('withholds the single rare nationality and what would give it back', async () => {
    const response = await get(main.sessions.viewer, `/api/v1/statistics?year=${YEAR}`);
    expect(response.statusCode).toBe(200);
    const page = response.json<StatisticsPage>();
    expect(page.internal).toBe(false);
    expect(page.suppressionThreshold).toBe(5);
    const nationality = table(page, 'case.nationality');
    // VN (1 case) is grouped into its region, which is still small, so it is withheld; never shown as a country.
    expect(nationality.rows.map((r) => r.key)).not.toContain('VN');
    expect(row(nationality, 'region:southeast_asia')?.total).toBeNull();
    expect(nationality.rows.filter((r) => r.total === null).length).toBeGreaterThanOrEqual(2);
    expect(nationality.total).toBe(23);
    // The minor: 1 of 23 cases; withheld, and so is a second cell of the same table.
    const minor = table(page, 'case.minor');
    expect(row(minor, 'minor')?.total).toBeNull();
    expect(minor.rows.filter((r) => r.total === null).length).toBeGreaterThanOrEqual(2);
    // Zeros that disclose nothing are shown.
    expect(row(table(page, 'case.form'), 'organ_removal')?.total).toBe(0);
    // New and continuing: 22 new this year and one continuing (withheld, with a complement).
    const newOrContinuing = table(page, 'case.new_or_continuing');
    expect(newOrContinuing.rows.every((r) => r.total === null)).toBe(true);
    // Months and quarters come from one protected table: no month can be computed from its quarter.
    const months = table(page, 'screening.month');
    const quarters = table(page, 'screening.quarter');
    expect(row(months, `${YEAR}-09`)?.total).toBeNull();
    expect(row(quarters, `${YEAR}-Q3`)?.total).toBeNull();
    expect(months.rows.filter((r) => r.total === null).length).toBeGreaterThanOrEqual(2);
    // No shown figure anywhere is between 1 and k-1.
    for (const t of page.tables) for (const r of t.rows) for (const value of [...r.values, r.total]) if (value !== null) expect(value === 0 || value >= 5, `${t.id} ${r.key}`).toBe(true);
    expect(page.withheld).toBeGreaterThan(0);
    expect(page.trend.find((entry) => entry.year === YEAR && entry.source === 'case')?.total).toBe(23);
  });

  it('shows exact figures on the internal page only, marked internal, and audits the read', async () => {
    const before = await auditCount(main.ids.municipalityId, 'statistics.internal.viewed');
    const page = (await get(main.sessions.coordinator, `/api/v1/statistics/internal?year=${YEAR}`)).json<StatisticsPage>();
    expect(page.internal).toBe(true);
    expect(row(table(page, 'case.nationality'), 'VN')?.total).toBe(1);
    expect(row(table(page, 'case.minor'), 'minor')?.total).toBe(1);
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
    expect(text).toContain('"minor","Mindreårig","skjult*"');
    expect(text).toContain('Færre enn 5');
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
    expect(values).toContain('withheld*');
    expect(workbook.worksheets.length).toBeGreaterThan(20);
  });

  it("gives the KOM summary in KOM's categories, protected", async () => {
    const summary = (await get(main.sessions.viewer, `/api/v1/statistics/kom?year=${YEAR}&lang=en`)).json<KomSummary>();
    expect(summary.categories.map((category) => category.key)).toContain('residence_status');
    const forms = summary.categories.find((category) => category.key === 'exploitation_form');
    expect(forms?.multiValued).toBe(true);
    expect(forms?.rows.find((r) => r.key === 'sexual')?.count).toBe(9);
    const csv = await get(main.sessions.viewer, `/api/v1/statistics/kom?year=${YEAR}&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Nasjonalitet');
  });

  it('exports HTCDS records k-anonymised, with a report, no personal fields, audited', async () => {
    const before = await auditCount(main.ids.municipalityId, 'statistics.htcds.exported');
    const data = (await get(main.sessions.coordinator, `/api/v1/statistics/htcds?year=${YEAR}&format=json`)).json<HtcdsExport>();
    expect(data.variant).toBe('k_anonymised');
    expect(data.k).toBe(5);
    expect(data.report.casesInPeriod).toBe(23);
    expect(data.report.exported + data.report.dropped).toBe(23);
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
    expect(coded.records).toHaveLength(23);
    expect(coded.records.find((record) => record.prs_Nationality === 'VN')?.vic_TypeOfLabourExploitation).toBe('Other');
    expect(coded.records[0]?.cas_Status).toBe('Active');
    const csv = await get(main.sessions.coordinator, `/api/v1/statistics/htcds?year=${YEAR}`);
    expect(csv.body.split('\r\n')[0]).toContain('cas_Status');
    expect(await auditCount(main.ids.municipalityId, 'statistics.htcds.exported')).toBe(before + 3);
  });
});

describe('statistics: council report section', () => {
  it('prints the protected case figures for a whole year, and nothing for a part of one', async () => {
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
    expect(text).toContain('skjult*');
    expect(text).not.toContain('Vietnam');
    const minorTable = section.blocks.find((block) => block.type === 'table' && block.caption === 'Mindreårig eller voksen');
    expect(JSON.stringify(minorTable)).not.toMatch(/"Mindreårig","1"/);
    expect(section.blocks.some((block) => block.type === 'chart')).toBe(true);
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
    await h.deps.db.insert(schema.trainingCompletion).values(
      [users.frontline, users.caseworker, users.coordinator, users.partner, users.viewer, users.admin].map((user, index) => ({
        municipalityId: main.ids.municipalityId,
        userId: user.id,
        organisationId: main.ids.organisationId,
        moduleKey: index === 0 ? 'children' : 'basics',
        moduleVersion: 1,
        score: 100,
        completedAt: at(4),
        validUntil: `${YEAR + 2}-04-10`,
      })),
    );
    const internal = (await get(main.sessions.coordinator, `/api/v1/statistics/internal?year=${YEAR}`)).json<StatisticsPage>();
    expect(row(table(internal, 'training.module'), 'basics')?.total).toBe(5);
    expect(row(table(internal, 'training.module'), 'children')?.total).toBe(1);
    const page = (await get(main.sessions.viewer, `/api/v1/statistics?year=${YEAR}`)).json<StatisticsPage>();
    expect(page.sources).toContain('training');
    expect(row(table(page, 'training.module'), 'children')?.total).toBeNull();
    expect(row(table(page, 'training.module'), 'basics')?.total).toBeNull();
    expect(table(page, 'training.module').total).toBe(6);
    const nb = (await get(main.sessions.viewer, `/api/v1/statistics/export?year=${YEAR}&format=csv&table=training.module`)).body;
    expect(nb).toContain('"Kode","Kurs","Antall"');
    expect(nb).toContain('"basics","Grunnkurs: menneskehandel i kommunen","skjult*"');
    const en = (await get(main.sessions.viewer, `/api/v1/statistics/export?year=${YEAR}&format=csv&table=training.module&lang=en`)).body;
    expect(en).toContain('"basics","Basics: human trafficking in the municipality","withheld*"');
  });
});
