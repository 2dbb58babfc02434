import { z } from 'zod';
import { REPORT_FORMATS } from './reports';
import { StatisticsExportQuerySchema } from './statistics';

/**
 * Background downloads (issue 14): long exports run as a task the user can leave and come back
 * to. Only the user who asked sees the task and can fetch the file, which is kept encrypted for
 * DOWNLOAD_KEEP_HOURS and then deleted.
 */
export const DOWNLOAD_KEEP_HOURS = 24;
export const DOWNLOAD_STATUSES = ['queued', 'running', 'ready', 'failed'] as const;
export type DownloadStatus = (typeof DOWNLOAD_STATUSES)[number];
export const DOWNLOAD_STEPS = ['queued', 'gathering', 'rendering', 'saving', 'ready'] as const;
export type DownloadStep = (typeof DOWNLOAD_STEPS)[number];
/** The share of the work done when a step starts (shown as the progress bar). */
export const DOWNLOAD_STEP_PROGRESS: Record<DownloadStep, number> = { queued: 0, gathering: 10, rendering: 40, saving: 90, ready: 100 };

export const DownloadRequestSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('report'),
      reportId: z.string().uuid(),
      version: z.number().int().min(1),
      format: z.enum(REPORT_FORMATS),
    })
    .strict(),
  z.object({ kind: z.literal('statistics'), query: StatisticsExportQuerySchema }).strict(),
]);
export type DownloadRequest = z.infer<typeof DownloadRequestSchema>;

export const DownloadSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(['report', 'statistics']),
  /** What was asked for, for the list: e.g. { kind: 'report', format: 'pdf', ... } without personal data. */
  request: DownloadRequestSchema,
  status: z.enum(DOWNLOAD_STATUSES),
  step: z.enum(DOWNLOAD_STEPS),
  progress: z.number().int().min(0).max(100),
  fileName: z.string().nullable(),
  size: z.number().int().nullable(),
  errorCode: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  downloadedAt: z.string().nullable(),
});
export type Download = z.infer<typeof DownloadSchema>;

export const DownloadListSchema = z.object({ items: z.array(DownloadSchema) });
export type DownloadList = z.infer<typeof DownloadListSchema>;

export const DownloadParamsSchema = z.object({ id: z.string().uuid() });
