import { strFromU8, unzipSync } from 'fflate';

/**
 * Test helpers that open rendered documents the way a reader's software does: the PDF through
 * pdf.js (text, metadata, language and the tag tree), the DOCX as the zip of XML parts it is.
 * Used by tests only.
 */
export type PdfInspection = {
  pages: number;
  /** All text, page by page, items joined with spaces. */
  text: string;
  title: string | undefined;
  lang: string | undefined;
  /** The catalog's MarkInfo says the document is tagged. */
  marked: boolean;
  /** Structure roles found in the tag tree, in document order (e.g. Document, H1, P, Table, TR, TH). */
  roles: string[];
  /** Alternative texts of Figure elements. */
  figureAlts: string[];
};

type StructNode = { role?: string; alt?: string; children?: StructNode[] };

export async function inspectPdf(buffer: Buffer): Promise<PdfInspection> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(buffer), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const texts: string[] = [];
  const roles: string[] = [];
  const figureAlts: string[] = [];
  const walk = (node: StructNode | null | undefined): void => {
    if (!node) return;
    if (node.role) roles.push(node.role);
    if (node.role === 'Figure' && node.alt) figureAlts.push(node.alt);
    for (const child of node.children ?? []) walk(child);
  };
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    walk((await page.getStructTree()) as StructNode | null);
  }
  const metadata = await document.getMetadata();
  const info = metadata.info as { Title?: string; Language?: string };
  const markInfo = (await document.getMarkInfo()) as { Marked?: boolean } | null;
  const result: PdfInspection = { pages: document.numPages, text: texts.join('\n'), title: info.Title, lang: info.Language ?? languageOf(buffer), marked: markInfo?.Marked === true, roles, figureAlts };
  await document.destroy();
  return result;
}

/** The catalog's /Lang entry (pdf.js exposes it only through info.Language in newer builds). */
function languageOf(buffer: Buffer): string | undefined {
  const match = /\/Lang\s*\(([^)]*)\)/.exec(buffer.toString('latin1'));
  return match?.[1];
}

/** The DOCX's parts by path, XML decoded as text (e.g. files['word/document.xml']). */
export function unzipDocx(buffer: Buffer): Record<string, string> {
  const entries = unzipSync(new Uint8Array(buffer));
  const files: Record<string, string> = {};
  for (const [name, data] of Object.entries(entries)) files[name] = name.endsWith('.png') ? `[${data.length} bytes]` : strFromU8(data);
  return files;
}

/** A DOCX part's text: the contents of its <w:t> runs, concatenated. */
export function docxText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1] ?? '').join(' ');
}

/** An image drawn on a PDF page: its placed size and how much of its height a clip leaves visible, in points. */
export type PdfImagePlacement = { page: number; width: number; height: number; visibleHeight: number };

type Matrix = [number, number, number, number, number, number];
type Box = { x0: number; y0: number; x1: number; y1: number };

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

function boxOf(m: Matrix, x0: number, y0: number, x1: number, y1: number): Box {
  const points = [
    [x0, y0],
    [x1, y0],
    [x0, y1],
    [x1, y1],
  ].map(([x = 0, y = 0]) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]] as const);
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

const intersect = (a: Box, b: Box): Box => ({ x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) });

/**
 * Every raster image drawn in a PDF, with the size it is placed at on the page (from the current
 * transformation matrix when it is painted) and the height left visible by the clipping paths in
 * force, the way a viewer would show it. Reads pdf.js's operator list.
 */
export async function pdfImagePlacements(buffer: Buffer): Promise<PdfImagePlacement[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { OPS } = pdfjs;
  const document = await pdfjs.getDocument({ data: new Uint8Array(buffer), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const placements: PdfImagePlacement[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const list = await page.getOperatorList();
    const [px0 = 0, py0 = 0, px1 = 0, py1 = 0] = page.view;
    let state = { ctm: [1, 0, 0, 1, 0, 0] as Matrix, clip: { x0: px0, y0: py0, x1: px1, y1: py1 } };
    const stack: Array<typeof state> = [];
    let pathBox: Box | null = null;
    list.fnArray.forEach((fn, index) => {
      const args = list.argsArray[index] as unknown[] | null;
      switch (fn) {
        case OPS.save:
          stack.push({ ...state });
          break;
        case OPS.restore:
          state = stack.pop() ?? state;
          break;
        case OPS.transform:
          state = { ...state, ctm: multiply(state.ctm, args as Matrix) };
          break;
        case OPS.paintFormXObjectBegin: {
          stack.push({ ...state });
          const matrix = args?.[0];
          if (Array.isArray(matrix) && matrix.length === 6) state = { ...state, ctm: multiply(state.ctm, matrix as Matrix) };
          break;
        }
        case OPS.paintFormXObjectEnd:
          state = stack.pop() ?? state;
          break;
        case OPS.constructPath: {
          const minMax = args?.[2];
          if (Array.isArray(minMax) && minMax.length === 4) {
            const [x0, y0, x1, y1] = minMax as number[];
            pathBox = boxOf(state.ctm, x0 ?? 0, y0 ?? 0, x1 ?? 0, y1 ?? 0);
          }
          break;
        }
        case OPS.clip:
        case OPS.eoClip:
          if (pathBox) state = { ...state, clip: intersect(state.clip, pathBox) };
          break;
        case OPS.paintImageXObject:
        case OPS.paintInlineImageXObject:
        case OPS.paintImageMaskXObject: {
          const box = boxOf(state.ctm, 0, 0, 1, 1);
          const visible = intersect(box, state.clip);
          placements.push({ page: number, width: box.x1 - box.x0, height: box.y1 - box.y0, visibleHeight: Math.max(0, visible.y1 - visible.y0) });
          break;
        }
      }
    });
  }
  await document.destroy();
  return placements;
}

/** The drawings of a DOCX in document order: their name (docPr) and declared size in points. */
export function docxDrawings(documentXml: string): Array<{ name: string; width: number; height: number }> {
  return [...documentXml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>[\s\S]*?<wp:docPr [^>]*name="([^"]*)"/g)].map((match) => ({
    name: match[3] ?? '',
    // 12 700 EMU to the point.
    width: Number(match[1]) / 12_700,
    height: Number(match[2]) / 12_700,
  }));
}
