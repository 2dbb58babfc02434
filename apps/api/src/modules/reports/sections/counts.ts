import { fillText, reportTexts } from '@lykt/content/report-texts';
import type { Database } from '@lykt/db';
import type { ChartDefinition, StatisticsTable } from '@lykt/shared';
import { numberFormatFor } from '../../../platform/documents/options';
import { releaseFor, releasePeriod, type Release, type ReleasePeriod } from '../../statistics/statistics.service';
import type { DocBlock } from '../../../platform/documents/model';
import type { ProtectedCounts } from '../disclosure';
import { lastLocalDate, localDate, type QuarterBucket } from '../period';
import type { PublishedValue, ReportFigure, ReportSectionInput } from '../report-section';

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

/** Texts of the sections that read published statistics releases. */
export const RELEASE_TEXTS = {
  nb: {
    open: (year: number) => `Tallene for ${year} publiseres når året er over. Før det vises de bare for saksteamet.`,
    notAYear: 'Tallene publiseres for hele kalenderår; velg et kalenderår for rapporten.',
    fewer: (k: number) => `færre enn ${k}`,
    pooled: (period: string) => `Ett år gir for små tall til å vises; tallet for årene ${period} samlet står i parentes.`,
    pooledValue: (period: string, value: string) => `${period} samlet: ${value}`,
    dropped: (what: string, k: number) => `${what} er utelatt: hvert tall i den er færre enn ${k}.`,
    note: (k: number, d: number, number: number, date: string) =>
      `Fra publisert utgave ${number} av statistikken (${date}). Tallene har støy (cellenøkkelmetoden): hvert kan avvike med opptil ${d} fra det sanne. Tall under ${k} vises som «færre enn ${k}», også null.`,
  },
  en: {
    open: (year: number) => `The figures for ${year} are published when the year is over. Until then only the case team sees them.`,
    notAYear: 'Figures are published for whole calendar years; choose a calendar year for the report.',
    fewer: (k: number) => `fewer than ${k}`,
    pooled: (period: string) => `One year gives counts too small to show; the figure for the years ${period} together is given in brackets.`,
    pooledValue: (period: string, value: string) => `${period} together: ${value}`,
    dropped: (what: string, k: number) => `${what} is left out: every figure in it is fewer than ${k}.`,
    note: (k: number, d: number, number: number, date: string) =>
      `From published release ${number} of the statistics (${date}). The figures carry noise (cell-key method): each may differ by up to ${d} from the true count. Counts below ${k} read "fewer than ${k}", zeros included.`,
  },
} as const;

/** Where a section's figures come from: the latest release of the report's calendar year, or why there is none. */
export type ReportRelease = { status: 'released'; year: number; release: Release } | { status: 'unavailable'; text: string };

/** The calendar year [from, to) covers exactly, or null. */
export function wholeYear(input: Pick<ReportSectionInput, 'from' | 'to'>): number | null {
  const first = localDate(input.from);
  const last = lastLocalDate(input.to);
  const year = Number(first.slice(0, 4));
  return first === `${year}-01-01` && last === `${year}-12-31` ? year : null;
}

/**
 * The release a report section reads. A closed year that has no release yet is published now (the
 * first read after the period closed); an open year gets no figures outside the case team.
 */
export async function reportRelease(db: Database, input: ReportSectionInput): Promise<ReportRelease> {
  const t = RELEASE_TEXTS[input.lang];
  const year = wholeYear(input);
  if (year === null) return { status: 'unavailable', text: t.notAYear };
  const release = await releaseOnce(db, input, releasePeriod(year));
  if (!release) return { status: 'unavailable', text: t.open(year) };
  return { status: 'released', year, release };
}

/** The three calendar years ending with year, pooled: used when one year is too small. */
export async function pooledRelease(db: Database, input: ReportSectionInput, year: number): Promise<Release | null> {
  return releaseOnce(db, input, releasePeriod(year, 3));
}

/** A period's release, read once per report build when the input carries the build's `releases`. */
function releaseOnce(db: Database, input: ReportSectionInput, period: ReleasePeriod): Promise<Release | null> {
  const cache = input.releases;
  if (!cache) return releaseFor(db, input.municipalityId, period);
  let release = cache.get(period.key);
  if (!release) {
    release = releaseFor(db, input.municipalityId, period);
    cache.set(period.key, release);
  }
  return release;
}

/** A published figure as the report's contract carries it: a number, or the range "fewer than k". */
export function publishedValue(value: number | null, k: number): PublishedValue {
  return value === null ? { kind: 'range', low: 0, high: k - 1 } : { kind: 'exact', value };
}

/** How a published figure reads: the number, or "fewer than k". */
export function releaseText(input: ReportSectionInput, k: number): (value: number | null) => string {
  const format = numberFormatFor(input.lang);
  const fewer = RELEASE_TEXTS[input.lang].fewer(k);
  return (value) => (value === null ? fewer : format(value));
}

/** The method note under a section's figures: which release, and how it was protected. */
export function releaseNote(input: ReportSectionInput, release: Release): string {
  return RELEASE_TEXTS[input.lang].note(release.parameters.threshold, release.parameters.noiseMax, release.info.number, localDate(new Date(release.info.publishedAt)));
}

export function tableOf(release: Release, id: string): StatisticsTable | undefined {
  return release.tables.find((table) => table.id === id);
}

/** A one-way table's published figure for one category (null: fewer than k, or no such table). */
export function cellOf(release: Release, id: string, key: string): number | null {
  return tableOf(release, id)?.rows.find((row) => row.key === key)?.total ?? null;
}

/** "2024–2026" for a pooled release's key "2024-2026". */
export function periodLabel(release: Release): string {
  return release.info.periodKey.replace('-', '–');
}

/**
 * A headline figure: the year's published value, or, when the year's value is "fewer than k" and
 * the pooled three years give a number, that number for the pooled period (and the text says so).
 */
export function headline(
  input: ReportSectionInput,
  year: Release,
  pooled: Release | null,
  read: (release: Release) => number | null,
  figure: Omit<ReportFigure, 'value' | 'period'>,
): { text: string; figure: ReportFigure; pooledUsed: boolean } {
  const k = year.parameters.threshold;
  const text = releaseText(input, k);
  const own = read(year);
  const pooledValue = own === null && pooled ? read(pooled) : null;
  if (own === null && pooled && pooledValue !== null) {
    return {
      text: `${text(own)} (${RELEASE_TEXTS[input.lang].pooledValue(periodLabel(pooled), releaseText(input, pooled.parameters.threshold)(pooledValue))})`,
      figure: { ...figure, value: publishedValue(pooledValue, pooled.parameters.threshold), period: periodLabel(pooled) },
      pooledUsed: true,
    };
  }
  return { text: text(own), figure: { ...figure, value: publishedValue(own, k) }, pooledUsed: false };
}

/** A section's per-quarter chart: its texts and one series per table of quarterly counts in the release. */
export type QuarterChart = {
  id: string;
  texts: { title: string; description: string; categoryLabel: string; valueLabel: string };
  series: ReadonlyArray<{ key: string; label: string; tableId: string }>;
};

/**
 * The body of a section read from a release: its intro, the headline figures, a line when a figure is
 * given for pooled years, the per-quarter chart (or one sentence why it is left out, when every figure
 * in it is "fewer than k") and the release note.
 */
export function releasedSectionBlocks(
  input: ReportSectionInput,
  release: Release,
  pooled: Release | null,
  intro: string,
  headlines: ReadonlyArray<{ label: string; item: ReturnType<typeof headline> }>,
  quarters: QuarterChart,
): DocBlock[] {
  const t = RELEASE_TEXTS[input.lang];
  const k = release.parameters.threshold;
  const text = releaseText(input, k);
  const blocks: DocBlock[] = [
    { type: 'paragraph', text: intro },
    { type: 'keyValue', items: headlines.map(({ label, item }) => ({ label, value: item.text })) },
  ];
  if (pooled && headlines.some(({ item }) => item.pooledUsed)) blocks.push({ type: 'paragraph', text: t.pooled(pooled.info.periodKey.replace('-', '–')) });
  const series = quarters.series.map((item) => ({ key: item.key, label: item.label, values: (tableOf(release, item.tableId)?.rows ?? []).map((row) => row.total) }));
  if (series.every((item) => item.values.every((value) => value === null))) {
    blocks.push({ type: 'paragraph', text: t.dropped(quarters.texts.title, k) });
  } else {
    const chart: ChartDefinition = {
      id: quarters.id,
      kind: 'bar',
      ...quarters.texts,
      categories: ['Q1', 'Q2', 'Q3', 'Q4'],
      series: series.map((item) => ({ ...item, display: item.values.map(text) })),
      note: releaseNote(input, release),
    };
    blocks.push({ type: 'chart', chart });
  }
  blocks.push({ type: 'paragraph', text: releaseNote(input, release) });
  return blocks;
}
