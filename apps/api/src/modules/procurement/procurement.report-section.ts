import { fillProcurementText, procurementReportTexts } from '@lykt/content/procurement';
import type { Database } from '@lykt/db';
import type { ReportFigure, ReportSection, ReportSectionInput, ReportSectionProvider } from '../reports/report-section';
import { releaseNote, releaseText, reportRelease } from '../reports/sections/counts';
import { FIGURE_KEYS } from './procurement.figures';
import { figuresFromRelease } from './procurement.statistics';

/**
 * The council report's procurement section: contracts in high-risk sectors, checks planned and done,
 * findings and sanctions, read from the period's statistics release like the report's other counts
 * (cell-key noise, "fewer than k"), so the report, the statistics page and the exports show the same
 * figures and a second report cannot be differenced against the first. No contract, supplier or
 * finding text is printed.
 */
export async function buildProcurementSection(db: Database, input: ReportSectionInput): Promise<ReportSection> {
  const texts = procurementReportTexts[input.lang];
  const source = await reportRelease(db, input);
  if (source.status !== 'released') return { key: 'procurement', title: texts.title, hasData: false, emptyText: source.text, blocks: [] };
  const { release } = source;
  if (!release.tables.some((table) => table.source === 'procurement')) return { key: 'procurement', title: texts.title, hasData: false, emptyText: texts.notInRelease, blocks: [] };
  const shown = figuresFromRelease(release.tables);
  const k = release.parameters.threshold;
  if (FIGURE_KEYS.every((key) => shown[key] === null)) return { key: 'procurement', title: texts.title, hasData: false, emptyText: fillProcurementText(texts.empty, { k }), blocks: [] };
  const text = releaseText(input, k);
  const value = (count: number | null): ReportFigure['value'] => (count === null ? { kind: 'withheld' } : { kind: 'exact', value: count });
  return {
    key: 'procurement',
    title: texts.title,
    hasData: true,
    blocks: [
      { type: 'paragraph', text: texts.intro },
      { type: 'table', caption: texts.tableCaption, headers: [texts.columns.figure, texts.columns.count], rows: FIGURE_KEYS.map((key) => [texts.rows[key], text(shown[key])]) },
      { type: 'paragraph', text: releaseNote(input, release) },
    ],
    figures: [
      { key: 'procurement.contracts.high_risk', question: 'tools', label: texts.figures.highRisk, value: value(shown.highRiskContracts) },
      { key: 'procurement.checks.done', question: 'tools', label: texts.figures.checksDone, value: value(shown.checksDone) },
    ],
  };
}

/** After training (70): the plan's area H. */
export const procurementSection: ReportSectionProvider = { key: 'procurement', order: 75, build: buildProcurementSection };
