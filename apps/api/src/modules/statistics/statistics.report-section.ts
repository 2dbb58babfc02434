import { categoryLabel, overviewContent } from '@lykt/content/overview';
import type { ChartDefinition, StatisticsTable } from '@lykt/shared';
import type { Database } from '@lykt/db';
import type { DocBlock } from '../../platform/documents/model';
import type { ReportFigure, ReportSection, ReportSectionInput, ReportSectionProvider } from '../reports/report-section';
import { cellOf, headline, pooledRelease, RELEASE_TEXTS, releaseNote, releaseText, reportRelease, tableOf, wholeYear, type ReportRelease } from '../reports/sections/counts';
import { allFewer, type Release } from './statistics.service';

export { wholeYear };

const TEXTS = {
  nb: {
    title: 'Statistikk over saker',
    intro: (period: string) => `Saker som var aktive i ${period}, etter kategoriene KOM bruker i sin årlige statusrapport. Alle kategorier vises, også de uten saker.`,
    pooledIntro: (year: number, period: string) => `Ett år (${year}) gir for små tall til å vise fordelingene; tabellene under gjelder årene ${period} samlet, og nasjonalitet vises som region.`,
    multi: 'En sak kan ha flere utnyttelsesformer.',
    count: 'Antall saker',
    total: 'Totalt',
    chartTitle: 'Nye saker per kvartal',
    chartDescription: 'Antall nye saker i hvert kvartal. Tall under grensen vises som «færre enn».',
    figures: {
      active: 'Aktive saker',
      new: 'Nye saker',
      referralsSent: 'Henvisninger sendt',
      referralsAccepted: 'Henvisninger akseptert',
      childWelfare: 'Saker med barnevernstiltak',
      police: 'Saker anmeldt til politiet',
      reflection: 'Saker med refleksjonsperiode',
    },
  },
  en: {
    title: 'Case statistics',
    intro: (period: string) => `Cases active in ${period}, in the categories KOM uses in its yearly status report. Every category is listed, including those with no cases.`,
    pooledIntro: (year: number, period: string) => `One year (${year}) gives counts too small to show the breakdowns; the tables below cover the years ${period} together, and nationality is shown by region.`,
    multi: 'A case may have several forms of exploitation.',
    count: 'Cases',
    total: 'Total',
    chartTitle: 'New cases per quarter',
    chartDescription: 'Number of new cases in each quarter. Counts below the threshold read "fewer than".',
    figures: {
      active: 'Active cases',
      new: 'New cases',
      referralsSent: 'Referrals sent',
      referralsAccepted: 'Referrals accepted',
      childWelfare: 'Cases with a child-welfare measure',
      police: 'Cases reported to the police',
      reflection: 'Cases with a reflection period',
    },
  },
} as const;

const REPORT_TABLES = ['case.new_or_continuing', 'case.gender', 'case.minor', 'case.form', 'case.nationality', 'case.service', 'case.residence', 'case.outcome'] as const;

/**
 * The council report's statistics section: the year's case figures in KOM's categories, read from
 * the year's published release (the same figures the statistics page and exports show). When the
 * year's case total is "fewer than k", the breakdowns come from the three years pooled, and the
 * section says so. A breakdown in which every figure is "fewer than k" is left out with one sentence.
 */
export async function buildStatisticsSection(db: Database, input: ReportSectionInput): Promise<ReportSection> {
  const t = TEXTS[input.lang];
  const r = RELEASE_TEXTS[input.lang];
  const source: ReportRelease = await reportRelease(db, input);
  if (source.status !== 'released') return { key: 'statistics', title: t.title, hasData: false, emptyText: source.text, blocks: [] };
  const { release, year } = source;
  const total = (id: string) => (rel: Release) => tableOf(rel, id)?.total ?? null;
  const pooled = total('case.gender')(release) === null || total('referral.status')(release) === null ? await pooledRelease(db, input, year) : null;
  const head = (read: (rel: Release) => number | null, key: string, question: ReportFigure['question'], label: string) => headline(input, release, pooled, read, { key, question, label });
  const headlines = [
    head(total('case.gender'), 'cases.active', 'prevalence', t.figures.active),
    head((rel) => cellOf(rel, 'case.new_or_continuing', 'new'), 'cases.new', 'prevalence', t.figures.new),
    head(total('referral.status'), 'referrals.sent', 'assistance', t.figures.referralsSent),
    head((rel) => cellOf(rel, 'referral.status', 'accepted'), 'referrals.accepted', 'assistance', t.figures.referralsAccepted),
    head((rel) => cellOf(rel, 'case.child_welfare_measure', 'yes'), 'cases.childWelfareMeasures', 'assistance', t.figures.childWelfare),
    head((rel) => cellOf(rel, 'case.police_report', 'yes'), 'cases.policeReports', 'assistance', t.figures.police),
    head((rel) => cellOf(rel, 'case.residence', 'reflection_period'), 'cases.reflectionPeriods', 'assistance', t.figures.reflection),
  ];
  const usePooledTables = pooled !== null && total('case.gender')(release) === null && total('case.gender')(pooled) !== null;
  const tablesFrom = usePooledTables && pooled ? pooled : release;
  const labels = overviewContent().labels;
  const blocks: DocBlock[] = [
    { type: 'paragraph', text: t.intro(String(year)) },
    { type: 'keyValue', items: headlines.map((item) => ({ label: item.figure.label, value: item.text })) },
  ];
  if (pooled && headlines.some((item) => item.pooledUsed)) blocks.push({ type: 'paragraph', text: r.pooled(pooled.info.periodKey.replace('-', '–')) });
  if (usePooledTables) blocks.push({ type: 'paragraph', text: t.pooledIntro(year, tablesFrom.info.periodKey.replace('-', '–')) });
  const k = tablesFrom.parameters.threshold;
  const show = releaseText(input, k);
  for (const id of REPORT_TABLES) {
    const table = tableOf(tablesFrom, id);
    if (!table) continue;
    const caption = labels.dimensions[table.dimension]?.[input.lang] ?? table.dimension;
    if (allFewer(table)) {
      blocks.push({ type: 'paragraph', text: r.dropped(caption, k) });
      continue;
    }
    blocks.push(tableBlock(table, caption, input.lang, t, show, releaseNote(input, tablesFrom)));
  }
  const quarters = tableOf(release, 'case.quarter');
  if (quarters && !allFewer(quarters)) {
    const text = releaseText(input, release.parameters.threshold);
    const chart: ChartDefinition = {
      id: 'statistics-new-cases',
      kind: 'bar',
      title: t.chartTitle,
      description: t.chartDescription,
      categoryLabel: labels.dimensions.quarter?.[input.lang] ?? 'Quarter',
      valueLabel: t.count,
      categories: quarters.rows.map((row) => `Q${row.key.slice(-1)}`),
      series: [{ key: 'new', label: t.count, values: quarters.rows.map((row) => row.total), display: quarters.rows.map((row) => text(row.total)) }],
      note: releaseNote(input, release),
    };
    blocks.push({ type: 'chart', chart });
  } else {
    blocks.push({ type: 'paragraph', text: r.dropped(t.chartTitle, release.parameters.threshold) });
  }
  return { key: 'statistics', title: t.title, hasData: true, blocks, figures: headlines.map((item) => item.figure) };
}

/** A table with every category of its fixed list, in order, and the total. */
function tableBlock(table: StatisticsTable, caption: string, lang: 'nb' | 'en', t: (typeof TEXTS)['nb' | 'en'], show: (value: number | null) => string, note: string): DocBlock {
  const rows = table.rows.map((row) => [categoryLabel(row.key, lang), show(row.total)]);
  rows.push([t.total, show(table.total)]);
  return { type: 'table', caption, headers: [caption, t.count], rows, note: table.multiValued ? `${note} ${t.multi}` : note };
}

export const statisticsSection: ReportSectionProvider = {
  key: 'statistics',
  order: 60,
  build: buildStatisticsSection,
};
