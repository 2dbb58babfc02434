import type { Database } from '@lykt/db';
import { reportTexts } from '@lykt/content/report-texts';
import type { ReportSection, ReportSectionInput, ReportSectionProvider } from '../report-section';
import { cellOf, headline, pooledRelease, releasedSectionBlocks, reportRelease, tableOf } from './counts';

/**
 * Tips received through the public tip page in the report's year: total, immediate danger, turned
 * into a concern, and per quarter, read from the year's published statistics release. Tips are
 * counted, so a tipster could add one: the release's perturbation keeps that from revealing others.
 */
export async function buildTipsSection(db: Database, input: ReportSectionInput): Promise<ReportSection> {
  const texts = reportTexts(input.lang).tips;
  const source = await reportRelease(db, input);
  if (source.status !== 'released') return { key: 'tips', title: texts.title, hasData: false, emptyText: source.text, blocks: [] };
  const { release, year } = source;
  const readers = {
    tips: (r: typeof release) => tableOf(r, 'tip.place')?.total ?? null,
    danger: (r: typeof release) => cellOf(r, 'tip.immediate_danger', 'yes'),
    concerns: (r: typeof release) => cellOf(r, 'tip.became_concern', 'yes'),
  };
  const pooled = Object.values(readers).some((read) => read(release) === null) ? await pooledRelease(db, input, year) : null;
  const tips = headline(input, release, pooled, readers.tips, { key: 'tips.received', question: 'prevalence', label: texts.figures.tips });
  const danger = headline(input, release, pooled, readers.danger, { key: 'tips.immediateDanger', question: 'prevalence', label: texts.figures.danger });
  const concerns = headline(input, release, pooled, readers.concerns, { key: 'tips.becameConcern', question: 'identification', label: texts.figures.concerns });

  const blocks = releasedSectionBlocks(
    input,
    release,
    pooled,
    texts.intro,
    [
      { label: texts.figures.tips, item: tips },
      { label: texts.figures.danger, item: danger },
      { label: texts.figures.concerns, item: concerns },
    ],
    { id: 'tips-per-quarter', texts: texts.chart, series: [{ key: 'tips', label: texts.chart.series, tableId: 'tip.quarter' }] },
  );
  return { key: 'tips', title: texts.title, hasData: true, blocks, figures: [tips.figure, danger.figure, concerns.figure] };
}

export const tipsSection: ReportSectionProvider = { key: 'tips', order: 40, build: buildTipsSection };
