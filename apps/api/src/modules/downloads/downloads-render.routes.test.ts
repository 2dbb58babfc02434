import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Download } from '@lykt/shared';
import { freshDatabases } from '../../../test/fresh-databases';
import { call, createHarness, errorCode, seedTenant, signIn, type Session, type TestHarness } from '../../../test/harness';
import { renderPool } from '../../platform/documents/render-pool';
import { drainDownloads } from './downloads.worker';

/**
 * Documents render in worker threads (platform/documents/render-pool.ts). When a worker cannot
 * make the file (heap limit, killed mid-render), the download is marked failed with a stable code
 * the web app words for the user (RENDER_LIMIT, RENDER_FAILED), nothing answers 500, and the next
 * export works with a new worker.
 */

// The download worker claims the oldest queued task of any municipality, and every app polls the one
// queue: on PostgreSQL the file gets a database of its own (dropped after the file), so its worker with a
// tiny heap limit never fails another test file's download, and no other process makes its downloads.
const ownDatabase = freshDatabases(process.env.TEST_DATABASE_URL, 'lykt_downloads_render');
let h: TestHarness;
beforeAll(async () => {
  h = await createHarness({}, { ownDatabase });
});
afterEach(() => {
  renderPool.configure(h.deps.config.render);
});
afterAll(async () => {
  await h.close();
});

async function until(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function finished(session: Session, id: string): Promise<Download> {
  await drainDownloads(h.deps);
  const response = await call(h, session, 'GET', `/api/v1/downloads/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Download>();
}

async function askReport(session: Session, reportId: string, format: 'pdf' | 'docx'): Promise<Download> {
  const asked = await call(h, session, 'POST', '/api/v1/downloads', { kind: 'report', reportId, version: 1, format });
  expect(asked.statusCode, asked.body).toBe(202);
  return asked.json<Download>();
}

describe('background downloads when the document worker cannot make the file', () => {
  it('marks a report over the heap limit failed with RENDER_LIMIT; the next export works', async () => {
    const tenant = await seedTenant(h);
    const coordinator = await signIn(h, tenant.users.coordinator);
    const report = (await call(h, coordinator, 'POST', '/api/v1/reports', { year: 2026 })).json<{ id: string }>();

    renderPool.configure({ ...h.deps.config.render, memoryMb: 4 });
    const failed = await finished(coordinator, (await askReport(coordinator, report.id, 'pdf')).id);
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'RENDER_LIMIT', fileName: null });
    const early = await call(h, coordinator, 'GET', `/api/v1/downloads/${failed.id}/file`);
    expect(early.statusCode).toBe(409);

    // The direct export route answers 503 with the stable code and words a person understands.
    const direct = await call(h, coordinator, 'GET', `/api/v1/reports/${report.id}/versions/1/export/docx`);
    expect(direct.statusCode).toBe(503);
    expect(errorCode(direct)).toBe('RENDER_LIMIT');
    expect(direct.json<{ error: { message: string } }>().error.message).toMatch(/needed more memory than one document may take/);

    renderPool.configure(h.deps.config.render);
    const ready = await finished(coordinator, (await askReport(coordinator, report.id, 'pdf')).id);
    expect(ready).toMatchObject({ status: 'ready', errorCode: null });
    const file = await call(h, coordinator, 'GET', `/api/v1/downloads/${ready.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('marks a report whose worker is killed mid-render failed with RENDER_FAILED; the next export works', async () => {
    const tenant = await seedTenant(h);
    const coordinator = await signIn(h, tenant.users.coordinator);
    const report = (await call(h, coordinator, 'POST', '/api/v1/reports', { year: 2026 })).json<{ id: string }>();

    const asked = await askReport(coordinator, report.id, 'docx');
    await until(() => renderPool.stats().busy === 1, 'the render to start');
    const during = await call(h, coordinator, 'GET', `/api/v1/downloads/${asked.id}`);
    expect(during.json<Download>()).toMatchObject({ status: 'running', step: 'rendering' });
    await renderPool.terminateAll();
    const failed = await finished(coordinator, asked.id);
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'RENDER_FAILED' });

    const ready = await finished(coordinator, (await askReport(coordinator, report.id, 'docx')).id);
    expect(ready).toMatchObject({ status: 'ready', errorCode: null });
    const file = await call(h, coordinator, 'GET', `/api/v1/downloads/${ready.id}/file`);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('makes the statistics workbook in the worker too (its heap limit applies to it)', async () => {
    const tenant = await seedTenant(h);
    const coordinator = await signIn(h, tenant.users.coordinator);
    renderPool.configure({ ...h.deps.config.render, memoryMb: 4 });
    const asked = await call(h, coordinator, 'POST', '/api/v1/downloads', { kind: 'statistics', query: { year: 2025, format: 'xlsx', lang: 'nb' } });
    expect(asked.statusCode, asked.body).toBe(202);
    const failed = await finished(coordinator, asked.json<Download>().id);
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'RENDER_LIMIT' });
  });
});
