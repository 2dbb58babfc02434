import { numberFormat } from '../intl';
export type RenderOptions = {
  /** Stored as the document's creation date; pass it for reproducible output (a frozen report's finalisation time). */
  createdAt?: Date;
  /** Formats chart axis numbers; defaults to the document language's Intl.NumberFormat. */
  formatNumber?: (value: number) => string;
};

/** Numbers as the document's language writes them (nb: "1 234,5"; en: "1,234.5"). */
export function numberFormatFor(lang: string): (value: number) => string {
  const format = numberFormat(/^(nb|nn|no)\b/i.test(lang) ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 1 });
  return (value) => format.format(value);
}
