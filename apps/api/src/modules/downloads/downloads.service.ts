import { and, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';
import { can, DOWNLOAD_KEEP_HOURS, DownloadRequestSchema, type Download, type DownloadRequest, type DownloadStep, type Permission, type Role } from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { kickDownloads } from './downloads.worker';

export const FILE_FIELD = 'download_task.file';
/** At most this many of one user's downloads wait or run at once. */
export const MAX_PENDING_PER_USER = 5;
/** A task still running after this long was cut off (the process stopped): it is marked failed. */
export const STUCK_AFTER_MS = 15 * 60_000;

export type DownloadRow = typeof schema.downloadTask.$inferSelect;

/** The permission each kind of download needs, checked when asked for, when made and when fetched. */
export function permissionFor(request: DownloadRequest): Permission {
  return request.kind === 'report' ? 'reports:read' : 'statistics:export';
}

export function assertMay(role: Role, request: DownloadRequest): void {
  if (!can(role, permissionFor(request))) throw new AppError('FORBIDDEN', 'Your role does not give access to this.');
}

export function present(row: DownloadRow): Download {
  return {
    id: row.id,
    kind: row.kind as Download['kind'],
    request: DownloadRequestSchema.parse(row.params),
    status: row.status as Download['status'],
    step: row.step as DownloadStep,
    progress: row.progress,
    fileName: row.fileName,
    size: row.size,
    errorCode: row.errorCode,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    downloadedAt: row.downloadedAt?.toISOString() ?? null,
  };
}

const own = (actor: UserActor) => and(eq(schema.downloadTask.municipalityId, actor.municipalityId), eq(schema.downloadTask.userId, actor.userId));
const notExpired = () => or(isNull(schema.downloadTask.expiresAt), gt(schema.downloadTask.expiresAt, new Date()));

/** Queues a download for the user who asks; it is made in the background (downloads.worker.ts). */
export async function requestDownload(deps: Deps, actor: UserActor, request: DownloadRequest): Promise<Download> {
  assertMay(actor.role, request);
  const pending = await deps.db
    .select({ id: schema.downloadTask.id })
    .from(schema.downloadTask)
    .where(and(own(actor), inArray(schema.downloadTask.status, ['queued', 'running'])));
  if (pending.length >= MAX_PENDING_PER_USER) throw new AppError('RATE_LIMITED', `You already have ${pending.length} downloads being made. Wait until one is ready.`);
  const row = await inTransaction(deps, async (tx) => {
    const [inserted] = await tx.insert(schema.downloadTask).values({ municipalityId: actor.municipalityId, userId: actor.userId, kind: request.kind, params: request }).returning();
    if (!inserted) throw new AppError('INTERNAL_ERROR', 'The download could not be queued.');
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'download.requested', entityType: 'download_task', entityId: inserted.id, details: { kind: request.kind, format: request.kind === 'report' ? request.format : request.query.format } });
    return inserted;
  });
  kickDownloads(deps);
  return present(row);
}

/** The user's own downloads, newest first (only theirs: need-to-know), expired ones left out. */
export async function listDownloads(deps: Deps, actor: UserActor): Promise<{ items: Download[] }> {
  const rows = await deps.db.select().from(schema.downloadTask).where(and(own(actor), notExpired())).orderBy(desc(schema.downloadTask.createdAt)).limit(50);
  return { items: rows.map(present) };
}

async function ownRow(db: Database, actor: UserActor, id: string): Promise<DownloadRow> {
  const [row] = await db.select().from(schema.downloadTask).where(and(own(actor), eq(schema.downloadTask.id, id), notExpired())).limit(1);
  if (!row) throw notFound('The download');
  return row;
}

export async function getDownload(deps: Deps, actor: UserActor, id: string): Promise<Download> {
  return present(await ownRow(deps.db, actor, id));
}

/** The finished file, for the user who asked only; the fetch is audited. */
export async function fetchFile(deps: Deps, actor: UserActor, id: string): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  const row = await ownRow(deps.db, actor, id);
  assertMay(actor.role, DownloadRequestSchema.parse(row.params));
  if (row.status !== 'ready' || !row.fileEnc) throw new AppError('CONFLICT', 'The file is not ready yet.');
  const body = Buffer.from(await deps.keyring.decrypt(deps.db, actor.municipalityId, FILE_FIELD, row.fileEnc), 'base64');
  await inTransaction(deps, async (tx) => {
    await tx.update(schema.downloadTask).set({ downloadedAt: new Date() }).where(eq(schema.downloadTask.id, row.id));
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'download.fetched', entityType: 'download_task', entityId: row.id, details: { kind: row.kind, size: body.length } });
  });
  return { body, contentType: row.contentType ?? 'application/octet-stream', fileName: row.fileName ?? 'download' };
}

/** The user removes a download before it expires (the file goes at once); audited. */
export async function deleteDownload(deps: Deps, actor: UserActor, id: string): Promise<void> {
  const row = await ownRow(deps.db, actor, id);
  if (row.status === 'running') throw new AppError('CONFLICT', 'The download is being made; remove it when it is ready.');
  await inTransaction(deps, async (tx) => {
    await tx.delete(schema.downloadTask).where(eq(schema.downloadTask.id, row.id));
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'download.deleted', entityType: 'download_task', entityId: row.id, details: { kind: row.kind } });
  });
}

/**
 * Retention (hourly job): deletes downloads past their day (files with them) and failed ones
 * older than the keep time; marks tasks cut off mid-run (a stopped process) as failed.
 */
export async function runDownloadRetention(deps: Deps, now = new Date()): Promise<{ deleted: number; interrupted: number }> {
  const keepMs = DOWNLOAD_KEEP_HOURS * 3_600_000;
  const interrupted = await deps.db
    .update(schema.downloadTask)
    .set({ status: 'failed', errorCode: 'INTERRUPTED', finishedAt: now, expiresAt: new Date(now.getTime() + keepMs), fileEnc: null })
    .where(and(eq(schema.downloadTask.status, 'running'), lt(schema.downloadTask.startedAt, new Date(now.getTime() - STUCK_AFTER_MS))))
    .returning({ id: schema.downloadTask.id });
  const deleted = await deps.db
    .delete(schema.downloadTask)
    .where(or(lt(schema.downloadTask.expiresAt, now), and(eq(schema.downloadTask.status, 'queued'), lt(schema.downloadTask.createdAt, new Date(now.getTime() - keepMs)))))
    .returning({ id: schema.downloadTask.id });
  return { deleted: deleted.length, interrupted: interrupted.length };
}

/** Moves a running task to a step (progress for the page). */
export async function setStep(db: Database, id: string, step: DownloadStep, progress: number): Promise<void> {
  await db.update(schema.downloadTask).set({ step, progress: sql`greatest(${schema.downloadTask.progress}, ${progress})` }).where(eq(schema.downloadTask.id, id));
}
