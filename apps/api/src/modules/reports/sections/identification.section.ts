import type { Database } from '@lykt/db';
import { reportTexts } from '@lykt/content/report-texts';
import type { ReportFigure, ReportSection, ReportSectionInput, ReportSectionProvider } from '../report-section';
import { cellOf, headline, pooledRelease, releasedSectionBlocks, reportRelease, tableOf } from './counts';

/**
 * Screenings and concerns in the report's year: totals, concerns about a possible minor, and both
 * per quarter, read from the year's published statistics release (never live counts). A headline
 * figure that is "fewer than k" for the year is also given for the three years pooled.
 */
export async function buildIdentificationSection(db: Database, input: ReportSectionInput): Promise<ReportSection> {
  const texts = reportTexts(input.lang).identification;
  const source = await reportRelease(db, input);
  if (source.status !== 'released') return { key: 'identification', title: texts.title, hasData: false, emptyText: source.text, blocks: [] };
  const { release, year } = source;
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

  const blocks = releasedSectionBlocks(
    input,
    release,
    pooled,
    texts.intro,
    [
      { label: texts.figures.screenings, item: screenings },
      { label: texts.figures.concerns, item: concerns },
      { label: texts.figures.possibleMinor, item: minors },
    ],
    {
      id: 'identification-per-quarter',
      texts: texts.chart,
      series: [
        { key: 'screenings', label: texts.chart.screenings, tableId: 'screening.quarter' },
        { key: 'concerns', label: texts.chart.concerns, tableId: 'concern.quarter' },
      ],
    },
  );
  return { key: 'identification', title: texts.title, hasData: true, blocks, figures };
}

export const identificationSection: ReportSectionProvider = { key: 'identification', order: 30, build: buildIdentificationSection };
