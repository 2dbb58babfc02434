import type { DocModel } from './model';
import type { RenderOptions } from './options';

/**
 * The renderers as the modules call them. pdfkit (with fontkit), docx and the SVG rasteriser are
 * large: they are loaded on the first export, not at start, so a server that never exports never
 * holds them in memory, and start-up does not pay for them.
 */
export async function renderPdf(model: DocModel, options: RenderOptions = {}): Promise<Buffer> {
  const pdf = await import('./pdf');
  return pdf.renderPdf(model, options);
}

export async function renderDocx(model: DocModel, options: RenderOptions = {}): Promise<Buffer> {
  const docx = await import('./docx');
  return docx.renderDocx(model, options);
}
