import { procurementReportTexts } from '@lykt/content/procurement';
import type { Database } from '@lykt/db';
import { lastLocalDate, localDate } from '../reports/period';
import type { ReportFigure, ReportSection, ReportSectionInput, ReportSectionProvider } from '../reports/report-section';
import { countText, suppressionNote } from '../reports/sections/counts';
import { countFigures, FIGURE_KEYS, protectFigures } from './procurement.figures';

/**
 * The council report's procurement section: contracts in high-risk sectors, checks planned and done,
 * findings and sanctions, each count under the municipality's threshold k withheld like every other
 * figure in the report. No contract, supplier or finding text is printed.
 */
export async function buildProcurementSection(db: Database, input: ReportSectionInput): Promise<ReportSection> {
  const texts = procurementReportTexts[input.lang];
  const figures = await countFigures(db, input.municipalityId, localDate(input.from), lastLocalDate(input.to));
  if (figures.contracts === 0) return { key: 'procurement', title: texts.title, hasData: false, emptyText: texts.empty, blocks: [] };
  const shown = protectFigures(figures, input.suppressionThreshold);
  const text = countText(input);
  const value = (count: number | null): ReportFigure['value'] => (count === null ? { kind: 'withheld' } : { kind: 'exact', value: count });
  return {
    key: 'procurement',
    title: texts.title,
    hasData: true,
    blocks: [
      { type: 'paragraph', text: texts.intro },
      { type: 'table', caption: texts.tableCaption, headers: [texts.columns.figure, texts.columns.count], rows: FIGURE_KEYS.map((key) => [texts.rows[key], text(shown[key])]) },
      { type: 'paragraph', text: suppressionNote(input) },
    ],
    figures: [
      { key: 'procurement.contracts.high_risk', question: 'tools', label: texts.figures.highRisk, value: value(shown.highRiskContracts) },
      { key: 'procurement.checks.done', question: 'tools', label: texts.figures.checksDone, value: value(shown.checksDone) },
    ],
  };
}

/** After training (70): the plan's area H. */
export const procurementSection: ReportSectionProvider = { key: 'procurement', order: 75, build: buildProcurementSection };
