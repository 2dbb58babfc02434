/**
 * The few words the renderers themselves print (page numbers, the pointer from a chart to its
 * table). Everything else in a document comes from its DocModel, written by the module in the
 * document's language.
 */
type RendererLabels = {
  page: (page: number, total: number) => string;
  /** The page label around its two numbers, for DOCX where Word fills in the page fields. */
  pageParts: [string, string, string];
  chartData: string;
};

const LABELS: Record<'nb' | 'en', RendererLabels> = {
  nb: { page: (page, total) => `Side ${page} av ${total}`, pageParts: ['Side ', ' av ', ''], chartData: 'Tallene står i tabellen under figuren.' },
  en: { page: (page, total) => `Page ${page} of ${total}`, pageParts: ['Page ', ' of ', ''], chartData: 'The figures are in the table below the chart.' },
};

/** Labels for a BCP 47 tag: Norwegian (nb, nn, no and their regions) or English for anything else. */
export function rendererLabels(lang: string): RendererLabels {
  return /^(nb|nn|no)\b/i.test(lang) ? LABELS.nb : LABELS.en;
}
