/**
 * One chart definition, drawn by the web app (as inline SVG beside its data table)
 * and by the server (into PDF and DOCX). A chart never carries more than its table:
 * every value shown in the picture is also a cell in the table, so the table is the
 * accessible equivalent and the chart adds nothing a screen reader would miss.
 */
export const CHART_KINDS = ['bar', 'stacked_bar', 'line'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export type ChartSeries = {
  key: string;
  label: string;
  /** One value per category. null means the value is withheld (suppressed) and is drawn as a gap. */
  values: Array<number | null>;
  /** Optional text per category for the table, e.g. "fewer than 5" for a suppressed cell or "42 %". */
  display?: Array<string | null>;
};

export type ChartDefinition = {
  /** Stable id, unique on a page (also used for the figure's id in HTML). */
  id: string;
  kind: ChartKind;
  title: string;
  /** One or two sentences that say what the chart shows (becomes the SVG <desc>). */
  description?: string;
  categoryLabel: string;
  valueLabel: string;
  /** Category labels along the x axis, e.g. months, areas, organisations. */
  categories: string[];
  series: ChartSeries[];
  /** Upper end of the value axis when it is fixed, e.g. 100 for percentages. */
  max?: number;
  /** Footnote shown under the chart and table, e.g. the suppression rule. */
  note?: string;
};

export type ChartTable = { caption: string; headers: string[]; rows: string[][]; note?: string };

/** The data table that stands beside a chart: one row per category, one column per series. */
export function chartTable(definition: ChartDefinition, formatNumber: (value: number) => string = String): ChartTable {
  const headers = [definition.categoryLabel, ...definition.series.map((series) => series.label)];
  const rows = definition.categories.map((category, index) => [
    category,
    ...definition.series.map((series) => {
      const shown = series.display?.[index];
      if (shown !== undefined && shown !== null) return shown;
      const value = series.values[index];
      return value === null || value === undefined ? '–' : formatNumber(value);
    }),
  ]);
  return { caption: definition.title, headers, rows, ...(definition.note ? { note: definition.note } : {}) };
}
