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
