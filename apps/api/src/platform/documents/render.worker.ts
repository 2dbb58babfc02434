import { parentPort } from 'node:worker_threads';
import type { DocModel } from './model';
import type { RenderJob, RenderResult } from './render-protocol';

/**
 * The document worker: a thread of its own (render-pool.ts starts it with a heap limit) that
 * renders one document at a time, so a long render never blocks the server's event loop and a
 * runaway one ends this thread, not the server. pdfkit, docx, resvg and exceljs are loaded here
 * on the first job of their kind and never in the main thread; the fonts are decoded once per
 * worker (fonts.ts caches them for the thread's life).
 */
const port = parentPort;
if (!port) throw new Error('render.worker.ts runs as a worker thread only');

/** A Buffer in the model (the logo) arrives as a Uint8Array; the renderers expect a Buffer. */
function withBuffers(model: DocModel): DocModel {
  return model.logo ? { ...model, logo: { ...model.logo, data: Buffer.from(model.logo.data.buffer, model.logo.data.byteOffset, model.logo.data.byteLength) } } : model;
}

async function render(job: RenderJob): Promise<Buffer> {
  switch (job.kind) {
    case 'pdf':
      return (await import('./pdf')).renderPdf(withBuffers(job.model), job.createdAt ? { createdAt: job.createdAt } : {});
    case 'docx':
      return (await import('./docx')).renderDocx(withBuffers(job.model), job.createdAt ? { createdAt: job.createdAt } : {});
    case 'xlsx':
      return (await import('./xlsx')).renderXlsx(job.sheets);
  }
}

/** The bytes in an ArrayBuffer of their own, so it can be moved (not copied) to the main thread. */
function ownBytes(buffer: Buffer): Uint8Array {
  if (buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength && buffer.buffer instanceof ArrayBuffer) return buffer;
  const copy = new Uint8Array(buffer.byteLength);
  copy.set(buffer);
  return copy;
}

port.on('message', (job: RenderJob) => {
  render(job).then(
    (buffer) => {
      const body = ownBytes(buffer);
      port.postMessage({ id: job.id, ok: true, body } satisfies RenderResult, [body.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
      port.postMessage({ id: job.id, ok: false, name: typeof name === 'string' ? name.slice(0, 60) : 'Error', code: typeof code === 'string' ? code.slice(0, 60) : null } satisfies RenderResult);
    },
  );
});
