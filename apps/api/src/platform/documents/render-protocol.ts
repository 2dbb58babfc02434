import type { DocModel } from './model';
import type { XlsxSheet } from './xlsx';

/**
 * Messages between the server and a document worker (render-pool.ts ⇄ render.worker.ts). Plain
 * data only: they cross the thread boundary by structured clone (a Buffer arrives as a Uint8Array).
 */
export type RenderJob =
  | { id: number; kind: 'pdf' | 'docx'; model: DocModel; createdAt: Date | null }
  | { id: number; kind: 'xlsx'; sheets: XlsxSheet[] };

export type RenderJobKind = RenderJob['kind'];

/** The answer to a job: the file's bytes, or the error's name and stable code (never its message: it may carry data). */
export type RenderResult = { id: number; ok: true; body: Uint8Array } | { id: number; ok: false; name: string; code: string | null };
