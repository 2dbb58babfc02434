import type { Database } from '@lykt/db';
import { reportTexts } from '@lykt/content/report-texts';
import type { ChartDefinition } from '@lykt/shared';
import type { DocBlock } from '../../../platform/documents/model';
import type { ReportSection, ReportSectionInput, ReportSectionProvider } from '../report-section';
import { cellOf, headline, pooledRelease, RELEASE_TEXTS, releaseNote, releaseText, reportRelease, tableOf } from './counts';

/**
 * Tips received through the public tip page in the report's year: total, immediate danger, turned
 * into a concern, and per quarter, read from the year's published statistics release. Tips are
 * counted, so a tipster could add one: the release's perturbation keeps that from revealing others.
 */
export async function buildTipsSection(db: Database, input: ReportSectionInput): Promise<ReportSection> {
  const texts = reportTexts(input.lang).tips;
  const t = RELEASE_TEXTS[input.lang];
  const source = await reportRelease(db, input);
  if (source.status !== 'released') return { key: 'tips', title: texts.title, hasData: false, emptyText: source.text, blocks: [] };
  const { release, year } = source;
  const k = release.parameters.threshold;
  const readers = {
    tips: (r: typeof release) => tableOf(r, 'tip.place')?.total ?? null,
    danger: (r: typeof release) => cellOf(r, 'tip.immediate_danger', 'yes'),
    concerns: (r: typeof release) => cellOf(r, 'tip.became_concern', 'yes'),
  };
  const pooled = Object.values(readers).some((read) => read(release) === null) ? await pooledRelease(db, input, year) : null;
  const tips = headline(input, release, pooled, readers.tips, { key: 'tips.received', question: 'prevalence', label: texts.figures.tips });
  const danger = headline(input, release, pooled, readers.danger, { key: 'tips.immediateDanger', question: 'prevalence', label: texts.figures.danger });
  const concerns = headline(input, release, pooled, readers.concerns, { key: 'tips.becameConcern', question: 'identification', label: texts.figures.concerns });

  const text = releaseText(input, k);
  const values = (tableOf(release, 'tip.quarter')?.rows ?? []).map((row) => row.total);
  const blocks: DocBlock[] = [
    { type: 'paragraph', text: texts.intro },
    {
      type: 'keyValue',
      items: [
        { label: texts.figures.tips, value: tips.text },
        { label: texts.figures.danger, value: danger.text },
        { label: texts.figures.concerns, value: concerns.text },
      ],
    },
  ];
  if (pooled && [tips, danger, concerns].some((item) => item.pooledUsed)) blocks.push({ type: 'paragraph', text: t.pooled(pooled.info.periodKey.replace('-', '–')) });
  if (values.every((value) => value === null)) {
    blocks.push({ type: 'paragraph', text: t.dropped(texts.chart.title, k) });
  } else {
    const chart: ChartDefinition = {
      id: 'tips-per-quarter',
      kind: 'bar',
      title: texts.chart.title,
      description: texts.chart.description,
      categoryLabel: texts.chart.categoryLabel,
      valueLabel: texts.chart.valueLabel,
      categories: ['Q1', 'Q2', 'Q3', 'Q4'],
      series: [{ key: 'tips', label: texts.chart.series, values, display: values.map(text) }],
      note: releaseNote(input, release),
    };
    blocks.push({ type: 'chart', chart });
  }
  blocks.push({ type: 'paragraph', text: releaseNote(input, release) });
  return { key: 'tips', title: texts.title, hasData: true, blocks, figures: [tips.figure, danger.figure, concerns.figure] };
}

export const tipsSection: ReportSectionProvider = { key: 'tips', order: 40, build: buildTipsSection };
