import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@lykt/db';
import { can, ROLES, type Download, type DownloadList } from '@lykt/shared';
import { freshDatabases } from '../../../test/fresh-databases';
import { call, createHarness, errorCode, seedTenant, signIn, type Session, type TestHarness } from '../../../test/harness';
import { runDownloadRetention } from './downloads.service';
import { drainDownloads } from './downloads.worker';

// runDownloadRetention marks and deletes downloads of every municipality in the database (one interrupted
// task expected; a run dated a day later deletes everything), and every app polls the one download queue:
// on PostgreSQL the file gets a database of its own (dropped after the file), so neither it nor another
// test file's process acts on the other's downloads.
const ownDatabase = freshDatabases(process.env.TEST_DATABASE_URL, 'lykt_downloads');
let h: TestHarness;
beforeAll(async () => {
  h = await createHarness({}, { ownDatabase });
});
afterAll(async () => {
  await h.close();
});

const YEAR = 2025;

async function actions(municipalityId: string) {
  return h.deps.db
    .select({ action: schema.auditEvent.action, actorUserId: schema.auditEvent.actorUserId })
    .from(schema.auditEvent)
    .where(eq(schema.auditEvent.municipalityId, municipalityId))
    .orderBy(asc(schema.auditEvent.seq));
}

/** Waits until the download has left the queue (the worker was kicked by the request). */
async function finished(session: Session, id: string): Promise<Download> {
  await drainDownloads(h.deps);
  const response = await call(h, session, 'GET', `/api/v1/downloads/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Download>();
}

describe('background downloads', () => {
  it('makes a council report PDF in the background, keeps it encrypted, and gives it only to the user who asked (audited)', async () => {
    const tenant = await seedTenant(h);
    const coordinator = await signIn(h, tenant.users.coordinator);
    const report = (await call(h, coordinator, 'POST', '/api/v1/reports', { year: 2026 })).json<{ id: string }>();

    const asked = await call(h, coordinator, 'POST', '/api/v1/downloads', { kind: 'report', reportId: report.id, version: 1, format: 'pdf' });
    expect(asked.statusCode, asked.body).toBe(202);
    const queued = asked.json<Download>();
    expect(['queued', 'running', 'ready']).toContain(queued.status);

    const done = await finished(coordinator, queued.id);
    expect(done).toMatchObject({ status: 'ready', step: 'ready', progress: 100, fileName: 'kommunestyrerapport-2026-v1-utkast.pdf', errorCode: null });
    expect(done.size).toBeGreaterThan(1000);
    expect(Date.parse(done.expiresAt ?? '') - Date.parse(done.finishedAt ?? '')).toBe(24 * 3_600_000);

    // At rest the file is a ciphertext, not a PDF.
    const [stored] = await h.deps.db.select().from(schema.downloadTask).where(eq(schema.downloadTask.id, done.id));
    expect(stored?.fileEnc).toMatch(/^v1:/);
    expect(Buffer.from(stored?.fileEnc ?? '').includes('%PDF')).toBe(false);

    // Listed for the asker, with the file.
    const list = (await call(h, coordinator, 'GET', '/api/v1/downloads')).json<DownloadList>();
    expect(list.items.map((item) => item.id)).toEqual([done.id]);
    const file = await call(h, coordinator, 'GET', `/api/v1/downloads/${done.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['cache-control']).toBe('no-store');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // Another user of the same municipality, even one who may read reports, neither sees nor gets it.
    const viewer = await signIn(h, tenant.users.viewer);
    expect((await call(h, viewer, 'GET', '/api/v1/downloads')).json<DownloadList>().items).toEqual([]);
    for (const url of [`/api/v1/downloads/${done.id}`, `/api/v1/downloads/${done.id}/file`]) {
      const response = await call(h, viewer, 'GET', url);
      expect(response.statusCode, url).toBe(404);
      expect(errorCode(response)).toBe('NOT_FOUND');
    }

    const events = await actions(tenant.municipality.id);
    const mine = events.filter((event) => event.action.startsWith('download.') || event.action === 'report.exported');
    expect(mine).toEqual([
      { action: 'download.requested', actorUserId: tenant.users.coordinator.id },
      { action: 'report.exported', actorUserId: tenant.users.coordinator.id },
      { action: 'download.fetched', actorUserId: tenant.users.coordinator.id },
    ]);
  });

  it('makes a statistics XLSX of every table; refuses kinds the role may not export, and unknown shapes', async () => {
    const tenant = await seedTenant(h);
    const coordinator = await signIn(h, tenant.users.coordinator);
    const asked = await call(h, coordinator, 'POST', '/api/v1/downloads', { kind: 'statistics', query: { year: YEAR, format: 'xlsx', lang: 'en' } });
    expect(asked.statusCode, asked.body).toBe(202);
    const done = await finished(coordinator, asked.json<Download>().id);
    expect(done).toMatchObject({ status: 'ready', fileName: `statistikk-${YEAR}-alle.xlsx` });
    const file = await call(h, coordinator, 'GET', `/api/v1/downloads/${done.id}/file`);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await actions(tenant.municipality.id)).map((event) => event.action)).toContain('statistics.exported');

    const noReports = ROLES.find((role) => !can(role, 'reports:read'));
    if (!noReports) throw new Error('every role reads reports');
    const other = await signIn(h, tenant.users[noReports]);
    const report = (await call(h, coordinator, 'POST', '/api/v1/reports', { year: 2026 })).json<{ id: string }>();
    const refused = await call(h, other, 'POST', '/api/v1/downloads', { kind: 'report', reportId: report.id, version: 1, format: 'pdf' });
    expect(refused.statusCode).toBe(403);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    const bad = await call(h, coordinator, 'POST', '/api/v1/downloads', { kind: 'everything' });
    expect(bad.statusCode).toBe(400);
    expect((await call(h, null, 'GET', '/api/v1/downloads')).statusCode).toBe(401);
  });

  it('records a failure with a stable code, and deletes downloads with their files when the keep time has passed', async () => {
    const tenant = await seedTenant(h);
    const coordinator = await signIn(h, tenant.users.coordinator);
    const missing = await call(h, coordinator, 'POST', '/api/v1/downloads', { kind: 'report', reportId: '00000000-0000-4000-8000-000000000000', version: 1, format: 'docx' });
    expect(missing.statusCode).toBe(202);
    const failed = await finished(coordinator, missing.json<Download>().id);
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'NOT_FOUND' });
    const early = await call(h, coordinator, 'GET', `/api/v1/downloads/${failed.id}/file`);
    expect(early.statusCode).toBe(409);

    const asked = await call(h, coordinator, 'POST', '/api/v1/downloads', { kind: 'statistics', query: { year: YEAR, format: 'csv', lang: 'nb' } });
    const ready = await finished(coordinator, asked.json<Download>().id);
    expect(ready.status).toBe('ready');

    // A task cut off mid-run (its process stopped) is marked failed after 15 minutes.
    const [stuck] = await h.deps.db
      .insert(schema.downloadTask)
      .values({ municipalityId: tenant.municipality.id, userId: tenant.users.coordinator.id, kind: 'statistics', params: { kind: 'statistics', query: { year: YEAR, format: 'csv', lang: 'nb' } }, status: 'running', step: 'rendering', progress: 40, startedAt: new Date(Date.now() - 20 * 60_000) })
      .returning();
    expect(await runDownloadRetention(h.deps)).toMatchObject({ interrupted: 1 });
    expect((await call(h, coordinator, 'GET', `/api/v1/downloads/${stuck?.id ?? ''}`)).json<Download>()).toMatchObject({ status: 'failed', errorCode: 'INTERRUPTED' });

    const later = new Date(Date.now() + 25 * 3_600_000);
    expect((await runDownloadRetention(h.deps, later)).deleted).toBeGreaterThanOrEqual(3);
    const left = await h.deps.db.select().from(schema.downloadTask).where(and(eq(schema.downloadTask.municipalityId, tenant.municipality.id)));
    expect(left).toEqual([]);
  });

  it('lets the user remove a download at once (audited)', async () => {
    const tenant = await seedTenant(h);
    const coordinator = await signIn(h, tenant.users.coordinator);
    const asked = await call(h, coordinator, 'POST', '/api/v1/downloads', { kind: 'statistics', query: { year: YEAR, format: 'csv', lang: 'nb' } });
    const ready = await finished(coordinator, asked.json<Download>().id);
    const removed = await call(h, coordinator, 'DELETE', `/api/v1/downloads/${ready.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await call(h, coordinator, 'GET', `/api/v1/downloads/${ready.id}`)).statusCode).toBe(404);
    expect((await actions(tenant.municipality.id)).map((event) => event.action)).toContain('download.deleted');
  });
});
