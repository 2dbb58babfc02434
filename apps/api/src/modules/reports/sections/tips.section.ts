import { and, eq, gte, lte } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';
import { reportTexts } from '@lykt/content/report-texts';
import type { ChartDefinition } from '@lykt/shared';
import { protectCounts } from '../disclosure';
import { lastLocalDate, localDate, localMidnight, quarterBuckets, bucketIndex } from '../period';
import type { ReportSection, ReportSectionInput, ReportSectionProvider } from '../report-section';
import { countText, protectedSeries, quarterLabels, suppressionNote } from './counts';

/**
 * Tips received through the public tip page in the period: total, immediate danger, turned into a
 * concern, and per quarter. Tips keep only a day, so a tip counts in the quarter of its day. Only
 * coded columns are read; every figure passes the shared disclosure control.
 */
export async function buildTipsSection(db: Database, input: ReportSectionInput): Promise<ReportSection> {
  const texts = reportTexts(input.lang).tips;
  const first = localDate(input.from);
  const last = lastLocalDate(input.to);
  const tips = await db
    .select({ submittedOn: schema.tip.submittedOn, immediateDanger: schema.tip.immediateDanger, concernId: schema.tip.concernId })
    .from(schema.tip)
    .where(and(eq(schema.tip.municipalityId, input.municipalityId), gte(schema.tip.submittedOn, first), lte(schema.tip.submittedOn, last)));
  if (tips.length === 0) return { key: 'tips', title: texts.title, hasData: false, emptyText: texts.empty, blocks: [] };

  const buckets = quarterBuckets(input.from, input.to);
  const rows = buckets.map((bucket) => bucket.key);
  const perQuarter = rows.map(() => 0);
  for (const tip of tips) {
    const [year, month, day] = tip.submittedOn.split('-').map(Number);
    const index = bucketIndex(buckets, localMidnight(year ?? 0, month ?? 1, day ?? 1));
    if (index >= 0) perQuarter[index] = (perQuarter[index] ?? 0) + 1;
  }
  const danger = tips.filter((tip) => tip.immediateDanger).length;
  const turned = tips.filter((tip) => tip.concernId !== null).length;
  const context = { period: `${first}/${last}` };
  const protectedCounts = protectCounts(
    [
      { id: 'quarters', population: 'tip', dimension: 'quarter', rows, counts: perQuarter, additive: true, context },
      { id: 'danger', population: 'tip', dimension: 'immediate_danger', rows: ['yes', 'no'], counts: [danger, tips.length - danger], additive: true, context },
      { id: 'concern', population: 'tip', dimension: 'became_concern', rows: ['yes', 'no'], counts: [turned, tips.length - turned], additive: true, context },
    ],
    input.suppressionThreshold,
  );
  const shown = (id: string) => protectedCounts.get(id) ?? { cells: rows.map(() => null), total: null };
  const text = countText(input);
  const chart: ChartDefinition = {
    id: 'tips-per-quarter',
    kind: 'bar',
    title: texts.chart.title,
    description: texts.chart.description,
    categoryLabel: texts.chart.categoryLabel,
    valueLabel: texts.chart.valueLabel,
    categories: quarterLabels(input, buckets),
    series: [protectedSeries('tips', texts.chart.series, shown('quarters'), text)],
    note: suppressionNote(input),
  };
  return {
    key: 'tips',
    title: texts.title,
    hasData: true,
    blocks: [
      { type: 'paragraph', text: texts.intro },
      {
        type: 'keyValue',
        items: [
          { label: texts.figures.tips, value: text(shown('quarters').total) },
          { label: texts.figures.danger, value: text(shown('danger').cells[0] ?? null) },
          { label: texts.figures.concerns, value: text(shown('concern').cells[0] ?? null) },
        ],
      },
      { type: 'chart', chart },
    ],
  };
}

export const tipsSection: ReportSectionProvider = { key: 'tips', order: 40, build: buildTipsSection };
