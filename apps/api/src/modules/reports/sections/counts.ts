import { fillText, reportTexts } from '@lykt/content/report-texts';
import type { ChartDefinition } from '@lykt/shared';
import { numberFormatFor } from '../../../platform/documents/pdf';
import type { ProtectedCounts } from '../disclosure';
import type { QuarterBucket } from '../period';
import type { ReportSectionInput } from '../report-section';

/** Helpers shared by the sections that print disclosure-controlled counts. */
export function countText(input: ReportSectionInput): (value: number | null) => string {
  const format = numberFormatFor(input.lang);
  const withheld = reportTexts(input.lang).report.withheld;
  return (value) => (value === null ? withheld : format(value));
}

export function suppressionNote(input: ReportSectionInput): string {
  return fillText(reportTexts(input.lang).report.suppressionNote, { k: input.suppressionThreshold });
}

export function quarterLabels(input: ReportSectionInput, buckets: readonly QuarterBucket[]): string[] {
  const quarters = reportTexts(input.lang).report.quarters;
  const years = new Set(buckets.map((bucket) => bucket.year));
  return buckets.map((bucket) => {
    const label = quarters[bucket.quarter - 1] ?? bucket.key;
    return years.size > 1 ? `${label} ${bucket.year}` : label;
  });
}

/** A chart series from protected counts: withheld cells are gaps labelled as withheld in the table. */
export function protectedSeries(key: string, label: string, counts: ProtectedCounts, text: (value: number | null) => string): ChartDefinition['series'][number] {
  return { key, label, values: counts.cells, display: counts.cells.map((value) => text(value)) };
}
