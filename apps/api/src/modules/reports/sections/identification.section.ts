import { and, eq, gte, lt } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';
import { reportTexts } from '@lykt/content/report-texts';
import type { ChartDefinition } from '@lykt/shared';
import { protectCounts } from '../disclosure';
import { bucketIndex, quarterBuckets, localDate } from '../period';
import type { ReportSection, ReportSectionInput, ReportSectionProvider } from '../report-section';
import { countText, protectedSeries, quarterLabels, suppressionNote } from './counts';

function perBucket(length: number, instants: readonly Date[], buckets: Parameters<typeof bucketIndex>[0]): number[] {
  const counts = Array.from({ length }, () => 0);
  for (const instant of instants) {
    const index = bucketIndex(buckets, instant);
    if (index >= 0) counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}

/**
 * Screenings and concerns in the period: totals, concerns about a possible minor, and both per
 * quarter. Only coded, non-identifying columns are read (dates and the minor flag), and every
 * figure passes the shared disclosure control before it is printed.
 */
export async function buildIdentificationSection(db: Database, input: ReportSectionInput): Promise<ReportSection> {
  const texts = reportTexts(input.lang).identification;
  const screenings = await db
    .select({ createdAt: schema.screening.createdAt })
    .from(schema.screening)
    .where(and(eq(schema.screening.municipalityId, input.municipalityId), gte(schema.screening.createdAt, input.from), lt(schema.screening.createdAt, input.to)));
  const concerns = await db
    .select({ createdAt: schema.concern.createdAt, possibleMinor: schema.concern.possibleMinor })
    .from(schema.concern)
    .where(and(eq(schema.concern.municipalityId, input.municipalityId), gte(schema.concern.createdAt, input.from), lt(schema.concern.createdAt, input.to)));
  if (screenings.length === 0 && concerns.length === 0) return { key: 'identification', title: texts.title, hasData: false, emptyText: texts.empty, blocks: [] };

  const buckets = quarterBuckets(input.from, input.to);
  const rows = buckets.map((bucket) => bucket.key);
  const context = { period: `${localDate(input.from)}/${localDate(input.to)}` };
  const minors = concerns.filter((row) => row.possibleMinor).length;
  const protectedCounts = protectCounts(
    [
      { id: 'screenings', population: 'screening', dimension: 'quarter', rows, counts: perBucket(rows.length, screenings.map((row) => row.createdAt), buckets), additive: true, context },
      { id: 'concerns', population: 'concern', dimension: 'quarter', rows, counts: perBucket(rows.length, concerns.map((row) => row.createdAt), buckets), additive: true, context },
      { id: 'minors', population: 'concern', dimension: 'possible_minor', rows: ['yes', 'no'], counts: [minors, concerns.length - minors], additive: true, context },
    ],
    input.suppressionThreshold,
  );
  const shown = (id: string) => protectedCounts.get(id) ?? { cells: rows.map(() => null), total: null };
  const text = countText(input);
  const chart: ChartDefinition = {
    id: 'identification-per-quarter',
    kind: 'bar',
    title: texts.chart.title,
    description: texts.chart.description,
    categoryLabel: texts.chart.categoryLabel,
    valueLabel: texts.chart.valueLabel,
    categories: quarterLabels(input, buckets),
    series: [protectedSeries('screenings', texts.chart.screenings, shown('screenings'), text), protectedSeries('concerns', texts.chart.concerns, shown('concerns'), text)],
    note: suppressionNote(input),
  };
  return {
    key: 'identification',
    title: texts.title,
    hasData: true,
    blocks: [
      { type: 'paragraph', text: texts.intro },
      {
        type: 'keyValue',
        items: [
          { label: texts.figures.screenings, value: text(shown('screenings').total) },
          { label: texts.figures.concerns, value: text(shown('concerns').total) },
          { label: texts.figures.possibleMinor, value: text(shown('minors').cells[0] ?? null) },
        ],
      },
      { type: 'chart', chart },
    ],
  };
}

export const identificationSection: ReportSectionProvider = { key: 'identification', order: 30, build: buildIdentificationSection };
