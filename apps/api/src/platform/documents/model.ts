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

export type DocModel = {
  title: string;
  subtitle?: string;
  /** BCP 47 language tag of the text, e.g. 'nb' or 'en'; set on the PDF, DOCX and HTML. */
  lang: string;
  /** Shown small on every page, e.g. "Fortrolig – inneholder personopplysninger". */
  footer?: string;
  /** Document metadata author, e.g. the municipality's name. Never a person's name. */
  author?: string;
  blocks: DocBlock[];
};
