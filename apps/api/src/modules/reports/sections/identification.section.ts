import type { Database } from '@lykt/db';
import { reportTexts } from '@lykt/content/report-texts';
import type { ChartDefinition } from '@lykt/shared';
import type { DocBlock } from '../../../platform/documents/model';
import type { ReportFigure, ReportSection, ReportSectionInput, ReportSectionProvider } from '../report-section';
import { cellOf, headline, pooledRelease, RELEASE_TEXTS, releaseNote, releaseText, reportRelease, tableOf } from './counts';

/**
 * Screenings and concerns in the report's year: totals, concerns about a possible minor, and both
 * per quarter, read from the year's published statistics release (never live counts). A headline
 * figure that is "fewer than k" for the year is also given for the three years pooled.
 */
export async function buildIdentificationSection(db: Database, input: ReportSectionInput): Promise<ReportSection> {
  const texts = reportTexts(input.lang).identification;
  const t = RELEASE_TEXTS[input.lang];
  const source = await reportRelease(db, input);
  if (source.status !== 'released') return { key: 'identification', title: texts.title, hasData: false, emptyText: source.text, blocks: [] };
  const { release, year } = source;
  const k = release.parameters.threshold;
  const totalOf = (id: string) => (r: typeof release) => tableOf(r, id)?.total ?? null;
  const readers = {
    screenings: totalOf('screening.gender'),
    concerns: totalOf('concern.gender'),
    minors: (r: typeof release) => cellOf(r, 'concern.minor', 'minor'),
  };
  const needsPool = Object.values(readers).some((read) => read(release) === null);
  const pooled = needsPool ? await pooledRelease(db, input, year) : null;
  const screenings = headline(input, release, pooled, readers.screenings, { key: 'screenings.count', question: 'identification', label: texts.figures.screenings });
  const concerns = headline(input, release, pooled, readers.concerns, { key: 'concerns.received', question: 'identification', label: texts.figures.concerns });
  const minors = headline(input, release, pooled, readers.minors, { key: 'concerns.possibleMinor', question: 'identification', label: texts.figures.possibleMinor });
  const figures: ReportFigure[] = [screenings.figure, concerns.figure, minors.figure];

  const text = releaseText(input, k);
  const quarterValues = (id: string) => (tableOf(release, id)?.rows ?? []).map((row) => row.total);
  const series = [
    { key: 'screenings', label: texts.chart.screenings, values: quarterValues('screening.quarter') },
    { key: 'concerns', label: texts.chart.concerns, values: quarterValues('concern.quarter') },
  ];
  const blocks: DocBlock[] = [
    { type: 'paragraph', text: texts.intro },
    {
      type: 'keyValue',
      items: [
        { label: texts.figures.screenings, value: screenings.text },
        { label: texts.figures.concerns, value: concerns.text },
        { label: texts.figures.possibleMinor, value: minors.text },
      ],
    },
  ];
  if (pooled && [screenings, concerns, minors].some((item) => item.pooledUsed)) blocks.push({ type: 'paragraph', text: t.pooled(pooled.info.periodKey.replace('-', '–')) });
  if (series.every((item) => item.values.every((value) => value === null))) {
    blocks.push({ type: 'paragraph', text: t.dropped(texts.chart.title, k) });
  } else {
    const chart: ChartDefinition = {
      id: 'identification-per-quarter',
      kind: 'bar',
      title: texts.chart.title,
      description: texts.chart.description,
      categoryLabel: texts.chart.categoryLabel,
      valueLabel: texts.chart.valueLabel,
      categories: ['Q1', 'Q2', 'Q3', 'Q4'],
      series: series.map((item) => ({ ...item, display: item.values.map(text) })),
      note: releaseNote(input, release),
    };
    blocks.push({ type: 'chart', chart });
  }
  blocks.push({ type: 'paragraph', text: releaseNote(input, release) });
  return { key: 'identification', title: texts.title, hasData: true, blocks, figures };
}

export const identificationSection: ReportSectionProvider = { key: 'identification', order: 30, build: buildIdentificationSection };
