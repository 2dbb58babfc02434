import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@lykt/db';
import type { StatisticsPage } from '@lykt/shared';
import { freshDatabases } from '../../../test/fresh-databases';
import { call, createHarness, seedTenant, signIn, type TestHarness } from '../../../test/harness';
import { insertCases, times } from './statistics.fixtures';
import { publishDueReleases } from './statistics.service';

// The job publishes for every municipality in the database: on PostgreSQL it gets a database of its
// own (dropped after the file), so it never publishes for the tenants other test files are setting up.
const ownDatabase = freshDatabases(process.env.TEST_DATABASE_URL, 'lykt_releases');
let h: TestHarness;
beforeAll(async () => {
  h = await createHarness({}, { ownDatabase });
});
afterAll(async () => {
  await h.close();
});

const YEAR = 2025;
/** The job runs on 2 January of the next year: YEAR is the last closed year. */
const JOB_TIME = new Date(Date.UTC(YEAR + 1, 0, 2, 3));

describe('statistics-releases job (the statistics rollups)', () => {
  it('publishes the five years the page reads once, with the same protection and audit as a first read, and never a second release', async () => {
    const tenant = await seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
    const ids = { municipalityId: tenant.municipality.id, userId: tenant.users.coordinator.id, organisationId: tenant.organisation.id };
    // 12 cases from Romania and 1 from Vietnam in YEAR: the single Vietnamese case must never show.
    await insertCases(h.deps.db, ids, [
      ...times(12, { createdAt: new Date(Date.UTC(YEAR, 2, 10, 12)), nationality: 'RO', forms: ['labour'], gender: 'male' }),
      { createdAt: new Date(Date.UTC(YEAR, 6, 10, 12)), nationality: 'VN', forms: ['labour'], isMinor: true, ageBand: '16_17', gender: 'male' },
    ]);

    await publishDueReleases(h.deps, JOB_TIME);
    const r = schema.statisticsRelease;
    const releases = await h.deps.db.select().from(r).where(eq(r.municipalityId, tenant.municipality.id)).orderBy(asc(r.periodKey));
    expect(releases.map((release) => [release.periodKey, release.releaseNumber, release.publishedBy])).toEqual(
      [YEAR - 4, YEAR - 3, YEAR - 2, YEAR - 1, YEAR].map((year) => [String(year), 1, null]),
    );
    const audits = await h.deps.db
      .select({ action: schema.auditEvent.action, actorUserId: schema.auditEvent.actorUserId })
      .from(schema.auditEvent)
      .where(and(eq(schema.auditEvent.municipalityId, tenant.municipality.id), eq(schema.auditEvent.action, 'statistics.release.published')));
    expect(audits).toHaveLength(5);
    expect(audits.every((audit) => audit.actorUserId === null)).toBe(true);

    // Late registrations do not make the job publish again: a new release stays the coordinator's decision.
    await insertCases(h.deps.db, ids, times(6, { createdAt: new Date(Date.UTC(YEAR, 3, 10, 12)), nationality: 'PL', forms: ['sexual'] }), 'L-');
    await publishDueReleases(h.deps, JOB_TIME);
    expect(await h.deps.db.select({ id: r.id }).from(r).where(eq(r.municipalityId, tenant.municipality.id))).toHaveLength(5);

    // The page reads the stored release: the protected figures, not the later cases, and no "VN" row.
    const viewer = await signIn(h, tenant.users.viewer);
    const response = await call(h, viewer, 'GET', `/api/v1/statistics?year=${YEAR}`);
    expect(response.statusCode).toBe(200);
    const page = response.json<StatisticsPage>();
    expect(page.status).toBe('released');
    expect(page.release?.number).toBe(1);
    const nationality = page.tables.find((table) => table.source === 'case' && table.dimension === 'nationality');
    expect(nationality).toBeDefined();
    expect(JSON.stringify(nationality)).not.toContain('"VN"');
    expect(JSON.stringify(nationality)).not.toContain('"PL"');
    expect(page.trend.filter((point) => point.source === 'case').every((point) => point.released)).toBe(true);
  });
});
