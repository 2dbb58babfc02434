import type { DocModel } from './model';
import { renderPool } from './render-pool';
import type { XlsxSheet } from './xlsx';

/** What a caller may pass to a render in a worker: plain data only (number formats follow the document's language). */
export type WorkerRenderOptions = {
  /** Stored as the document's creation date; pass it for reproducible output (a frozen report's finalisation time). */
  createdAt?: Date;
};

/**
 * The renderers as the modules call them. Each document is made in a worker thread
 * (render-pool.ts, render.worker.ts): pdfkit (with fontkit), docx, the SVG rasteriser and exceljs
 * are loaded there on the first export and never in the server's main thread, and a render never
 * blocks the event loop. Fails with RENDER_LIMIT or RENDER_FAILED (503) when the worker could not.
 */
export function renderPdf(model: DocModel, options: WorkerRenderOptions = {}): Promise<Buffer> {
  return renderPool.run({ kind: 'pdf', model, createdAt: options.createdAt ?? null });
}

export function renderDocx(model: DocModel, options: WorkerRenderOptions = {}): Promise<Buffer> {
  return renderPool.run({ kind: 'docx', model, createdAt: options.createdAt ?? null });
}

/** A workbook of plain sheets (whole numbers stored as numbers). */
export function renderXlsx(sheets: XlsxSheet[]): Promise<Buffer> {
  return renderPool.run({ kind: 'xlsx', sheets });
}
