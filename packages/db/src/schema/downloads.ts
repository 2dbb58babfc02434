import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './platform';
import { municipalityRef, ts } from './columns';

/**
 * Long downloads (council report documents, statistics exports) made in the background
 * (docs/ARCHITECTURE.md, "Background downloads"). Only the user who asked sees the task and can
 * fetch the file. The file is kept encrypted (`file_enc`, field "download_task.file") until
 * `expires_at`, then deleted with its row by the hourly download-retention job.
 */
export const downloadTask = pgTable(
  'download_task',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    /** 'report' or 'statistics'. */
    kind: text('kind').notNull(),
    /** What to make: ids, year, format and language only (never personal data). */
    params: jsonb('params').notNull(),
    /** 'queued', 'running', 'ready' or 'failed'. */
    status: text('status').notNull().default('queued'),
    /** The step under way: 'queued', 'gathering', 'rendering', 'saving', 'ready'. */
    step: text('step').notNull().default('queued'),
    progress: integer('progress').notNull().default(0),
    fileName: text('file_name'),
    contentType: text('content_type'),
    size: integer('size'),
    /** The file, encrypted under the municipality's data key; null until ready. */
    fileEnc: text('file_enc'),
    /** A stable error code when it failed (the message is never stored: it may carry data). */
    errorCode: text('error_code'),
    createdAt: ts('created_at').notNull().defaultNow(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
    expiresAt: ts('expires_at'),
    downloadedAt: ts('downloaded_at'),
  },
  (t) => [index('download_task_user_idx').on(t.municipalityId, t.userId, t.createdAt), index('download_task_status_idx').on(t.status, t.createdAt)],
);
