import type { ChartDefinition } from '@lykt/shared';

/**
 * A document the server renders to PDF (tagged, PDF/UA-minded), DOCX and HTML from one model:
 * council reports, meeting minutes, case exports, certificates and one-page staff material.
 * Text only, no HTML: renderers escape and lay it out themselves.
 */
export type DocBlock =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[]; ordered?: boolean }
  | { type: 'table'; caption: string; headers: string[]; rows: string[][]; note?: string }
  | { type: 'chart'; chart: ChartDefinition }
  | { type: 'keyValue'; items: Array<{ label: string; value: string }> }
  | { type: 'pageBreak' };

/** Which state of the data a document shows; printed under the title in the document's language. */
export type DocEdition = {
  /** The day the figures are as of, YYYY-MM-DD ("Data per 4. desember 2026"). */
  dataAsOf: string;
  /** The document's version number, e.g. a report's 2nd version. */
  version?: number;
  status?: 'draft' | 'final';
  /** ISO 8601 time a final version was frozen; printed as its own line in Norwegian time. */
  frozenAt?: string;
};

/** An image shown at the top of the first page, e.g. the municipality's logo (already validated). */
export type DocLogo = {
  data: Buffer;
  type: 'png' | 'jpg';
  /** Alternative text, e.g. "Øvre Ås kommune". */
  alt: string;
};

export type DocModel = {
  title: string;
  subtitle?: string;
  /** BCP 47 language tag of the text, e.g. 'nb' or 'en'; set on the PDF, DOCX and HTML. */
  lang: string;
  /** Shown small on every page, e.g. "Fortrolig – inneholder personopplysninger". */
  footer?: string;
  /** Document metadata author, e.g. the municipality's name. Never a person's name. */
  author?: string;
  /** Date, version and frozen time, printed under the title. */
  edition?: DocEdition;
  /** A table of contents of the level 1 and 2 headings after the title (PDF with page numbers and links; DOCX as a TOC field). The PDF always gets bookmarks. */
  toc?: boolean;
  logo?: DocLogo;
  blocks: DocBlock[];
};

/** Up to about two lines of body text: a paragraph this short before a table or chart introduces it. */
const INTRODUCTION_MAX_CHARS = 180;

/**
 * Whether the block at `index` is a short paragraph right before a table or chart ("Framdrift i
 * området: 75 %." before the area's measures): the renderers keep the two on one page, so a page
 * never ends with a section's opening lines while its table starts on the next.
 */
export function introducesNext(blocks: readonly DocBlock[], index: number): boolean {
  const item = blocks[index];
  const next = blocks[index + 1];
  return item?.type === 'paragraph' && item.text.length <= INTRODUCTION_MAX_CHARS && (next?.type === 'table' || next?.type === 'chart');
}
