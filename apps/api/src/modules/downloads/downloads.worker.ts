import { eq, sql } from 'drizzle-orm';
import { rowsOf, schema } from '@lykt/db';
import { DOWNLOAD_KEEP_HOURS, DOWNLOAD_STEP_PROGRESS, DownloadRequestSchema, type DownloadRequest, type Role } from '@lykt/shared';
import { runWithContext, type UserActor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { errorCodeOf } from '../../platform/jobs/jobs';
import { exportVersion } from '../reports/reports.service';
import { exportStatistics } from '../statistics/statistics.export';
import { assertMay, FILE_FIELD, setStep, type DownloadRow } from './downloads.service';

/**
 * Makes queued downloads. The table is the queue: a task is claimed with FOR UPDATE SKIP LOCKED,
 * so on PostgreSQL any number of API processes can share it and each task is made once; on
 * PGlite the one process does it. A request kicks the worker of the process that took it; a
 * poll (every POLL_MS, started with the routes) picks up what another process queued or a
 * restart left. Tasks run one at a time per process.
 */
export const POLL_MS = 2_000;
const draining = new WeakMap<Deps, Promise<void>>();

/** Starts draining the queue in this process unless it already is (returns at once). */
export function kickDownloads(deps: Deps): void {
  void drainDownloads(deps);
}

/** Makes queued downloads until none is left; resolves when done (tests wait on it). */
export function drainDownloads(deps: Deps): Promise<void> {
  const running = draining.get(deps);
  if (running) return running;
  const run = (async () => {
    try {
      while (await processNextDownload(deps)) {
        /* next */
      }
    } catch {
      // The database was unreachable: the next kick or poll tries again (tasks stay queued).
    } finally {
      draining.delete(deps);
    }
  })();
  draining.set(deps, run);
  return run;
}

/** Claims and makes one queued download; false when none was waiting. */
export async function processNextDownload(deps: Deps): Promise<boolean> {
  const claimed = rowsOf<{ id: string }>(
    await deps.db.execute(sql`
      update download_task set status = 'running', step = 'gathering', progress = ${DOWNLOAD_STEP_PROGRESS.gathering}, started_at = now()
      where id = (select id from download_task where status = 'queued' order by created_at limit 1 for update skip locked)
      returning id`),
  );
  const id = claimed[0]?.id;
  if (!id) return false;
  const [row] = await deps.db.select().from(schema.downloadTask).where(eq(schema.downloadTask.id, id)).limit(1);
  if (!row) return true;
  try {
    const file = await make(deps, row);
    await setStep(deps.db, row.id, 'saving', DOWNLOAD_STEP_PROGRESS.saving);
    const fileEnc = await deps.keyring.encrypt(deps.db, row.municipalityId, FILE_FIELD, file.body.toString('base64'));
    const now = new Date();
    await deps.db
      .update(schema.downloadTask)
      .set({ status: 'ready', step: 'ready', progress: 100, fileEnc, fileName: file.fileName, contentType: file.contentType, size: file.body.length, finishedAt: now, expiresAt: new Date(now.getTime() + DOWNLOAD_KEEP_HOURS * 3_600_000) })
      .where(eq(schema.downloadTask.id, row.id));
  } catch (error) {
    const now = new Date();
    // Only a stable code is kept: an error's message may carry data.
    await deps.db
      .update(schema.downloadTask)
      .set({ status: 'failed', errorCode: errorCodeOf(error), finishedAt: now, expiresAt: new Date(now.getTime() + DOWNLOAD_KEEP_HOURS * 3_600_000) })
      .where(eq(schema.downloadTask.id, row.id));
  }
  return true;
}

/** Makes the file as the user who asked, with the role they hold now (a role taken away stops it). */
async function make(deps: Deps, row: DownloadRow): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  const request: DownloadRequest = DownloadRequestSchema.parse(row.params);
  const [user] = await deps.db.select().from(schema.appUser).where(eq(schema.appUser.id, row.userId)).limit(1);
  if (!user || user.municipalityId !== row.municipalityId || user.deactivatedAt !== null) throw Object.assign(new Error('user gone'), { code: 'FORBIDDEN' });
  const actor: UserActor = { kind: 'user', userId: user.id, municipalityId: user.municipalityId, organisationId: user.organisationId, role: user.role as Role, sessionId: 'background-download', name: user.name };
  assertMay(actor.role, request);
  const onStep = () => setStep(deps.db, row.id, 'rendering', DOWNLOAD_STEP_PROGRESS.rendering);
  // The exporters audit their export as this user (report.exported, statistics.exported).
  return runWithContext({ requestId: null, actor }, () =>
    request.kind === 'report' ? exportVersion(deps, actor, request.reportId, request.version, request.format, onStep) : exportStatistics(deps, actor, request.query, onStep),
  );
}
