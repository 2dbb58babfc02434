import { categoryLabel, overviewContent } from '@lykt/content/overview';
import type { ChartDefinition, StatisticsTable } from '@lykt/shared';
import type { Database } from '@lykt/db';
import type { DocBlock } from '../../platform/documents/model';
import { localDate, lastLocalDate } from '../reports/period';
import type { ReportSection, ReportSectionInput, ReportSectionProvider } from '../reports/report-section';
import { loadYearFacts } from './statistics.service';
import { protectedTables } from './statistics.tables';

const TEXTS = {
  nb: {
    title: 'Statistikk over saker',
    empty: 'Ingen saker i perioden.',
    notAYear: 'Statistikken lages for ett helt kalenderår om gangen; velg et kalenderår for rapporten.',
    intro: (year: number) => `Saker som var aktive i ${year}, etter kategoriene KOM bruker i sin årlige statusrapport. Små tall er skjult.`,
    withheld: 'skjult*',
    note: (k: number) => `* Færre enn ${k}, eller skjult slik at et tall under ${k} ikke kan regnes ut fra andre tall.`,
    multi: 'En sak kan ha flere utnyttelsesformer.',
    count: 'Antall saker',
    total: 'Totalt',
    chartTitle: 'Nye saker per kvartal',
    chartDescription: 'Antall nye saker i hvert kvartal. Skjulte tall vises som hull.',
  },
  en: {
    title: 'Case statistics',
    empty: 'No cases in the period.',
    notAYear: 'Statistics are made for one whole calendar year at a time; choose a calendar year for the report.',
    intro: (year: number) => `Cases active in ${year}, in the categories KOM uses in its yearly status report. Small counts are withheld.`,
    withheld: 'withheld*',
    note: (k: number) => `* Fewer than ${k}, or withheld so that a figure below ${k} cannot be worked out from other figures.`,
    multi: 'A case may have several forms of exploitation.',
    count: 'Cases',
    total: 'Total',
    chartTitle: 'New cases per quarter',
    chartDescription: 'Number of new cases in each quarter. Withheld figures are drawn as gaps.',
  },
} as const;

const REPORT_TABLES = ['case.new_or_continuing', 'case.gender', 'case.minor', 'case.form', 'case.nationality', 'case.service', 'case.residence', 'case.outcome'] as const;

/** The calendar year [from, to) covers exactly, or null. */
export function wholeYear(input: Pick<ReportSectionInput, 'from' | 'to'>): number | null {
  const first = localDate(input.from);
  const last = lastLocalDate(input.to);
  const year = Number(first.slice(0, 4));
  return first === `${year}-01-01` && last === `${year}-12-31` ? year : null;
}

/**
 * The council report's statistics section: the year's case figures in KOM's categories, from the
 * same protected page the statistics page and exports show, so no figure differs between them.
 */
export async function buildStatisticsSection(db: Database, input: ReportSectionInput): Promise<ReportSection> {
  const t = TEXTS[input.lang];
  const year = wholeYear(input);
  if (year === null)
    return {
      key: 'statistics',
      title: t.title,
      hasData: false,
      emptyText: t.notAYear,
      blocks: [],
    };
  const facts = await loadYearFacts(db, input.municipalityId, year);
  if (facts.case.length === 0)
    return {
      key: 'statistics',
      title: t.title,
      hasData: false,
      emptyText: t.empty,
      blocks: [],
    };
  const page = protectedTables(facts, input.suppressionThreshold, input.roundingBase ?? 1);
  const show = (value: number | null) => (value === null ? t.withheld : String(value));
  const labels = overviewContent().labels;
  const blocks: DocBlock[] = [{ type: 'paragraph', text: t.intro(year) }];
  for (const id of REPORT_TABLES) {
    const table = page.tables.find((candidate) => candidate.id === id);
    if (!table) continue;
    blocks.push(tableBlock(table, labels.dimensions[table.dimension]?.[input.lang] ?? table.dimension, input.lang, t, show, page.threshold));
  }
  const quarters = page.tables.find((candidate) => candidate.id === 'case.quarter');
  if (quarters) {
    const chart: ChartDefinition = {
      id: 'statistics-new-cases',
      kind: 'bar',
      title: t.chartTitle,
      description: t.chartDescription,
      categoryLabel: labels.dimensions.quarter?.[input.lang] ?? 'Quarter',
      valueLabel: t.count,
      categories: quarters.rows.map((row) => `Q${row.key.slice(-1)}`),
      series: [
        {
          key: 'new',
          label: t.count,
          values: quarters.rows.map((row) => row.total),
          display: quarters.rows.map((row) => show(row.total)),
        },
      ],
      note: t.note(page.threshold),
    };
    blocks.push({ type: 'chart', chart });
  }
  return { key: 'statistics', title: t.title, hasData: true, blocks };
}

function tableBlock(table: StatisticsTable, caption: string, lang: 'nb' | 'en', t: (typeof TEXTS)['nb' | 'en'], show: (value: number | null) => string, k: number): DocBlock {
  const rows = table.rows.filter((row) => row.total !== 0).map((row) => [categoryLabel(row.key, lang), show(row.total)]);
  rows.push([t.total, show(table.total)]);
  return {
    type: 'table',
    caption,
    headers: [caption, t.count],
    rows,
    note: table.multiValued ? `${t.note(k)} ${t.multi}` : t.note(k),
  };
}

export const statisticsSection: ReportSectionProvider = {
  key: 'statistics',
  order: 60,
  build: buildStatisticsSection,
};
