import { localDate, NORWAY_TIME_ZONE } from '@lykt/shared';
import { dateTimeFormat } from '../../platform/intl';
/** The municipality's clock: Norwegian municipalities report in Norwegian local time. */
export const REPORT_TIME_ZONE = NORWAY_TIME_ZONE;

/** Offset of a zone from UTC at an instant, in minutes (Oslo: +60 in winter, +120 in summer). */
function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = dateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(instant);
  const get = (type: string): number => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((local - instant.getTime()) / 60_000);
}

/** The instant of local midnight starting a calendar day (month is 1-12; 13 rolls into the next year). */
export function localMidnight(year: number, month: number, day: number, timeZone = REPORT_TIME_ZONE): Date {
  const guess = new Date(Date.UTC(year, month - 1, day));
  const first = new Date(guess.getTime() - zoneOffsetMinutes(guess, timeZone) * 60_000);
  // Re-check at the found instant: the offset can differ across a DST change.
  return new Date(guess.getTime() - zoneOffsetMinutes(first, timeZone) * 60_000);
}

/** Local midnight `offsetDays` after the start of a calendar day written YYYY-MM-DD. */
function localMidnightOf(day: string, offsetDays: number): Date {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return localMidnight(year, month, date + offsetDays);
}

/** The instants [start, end) of a local calendar day written YYYY-MM-DD (a list's "from" and "to" day filters). */
export const localDayStart = (day: string): Date => localMidnightOf(day, 0);
export const localDayEnd = (day: string): Date => localMidnightOf(day, 1);

/** A calendar year as [from, to) instants in the municipality's time zone. */
export function yearPeriod(year: number): { from: Date; to: Date } {
  return { from: localMidnight(year, 1, 1), to: localMidnight(year + 1, 1, 1) };
}

// The calendar days themselves (shared with the content package's source review).
export { addDaysToDay, localDate, localDayPlus } from '@lykt/shared';

/** The last local day inside a [from, to) period. */
export function lastLocalDate(to: Date): string {
  return localDate(new Date(to.getTime() - 1));
}

export type QuarterBucket = { key: string; year: number; quarter: number; from: Date; to: Date };

/** The calendar quarters that [from, to) touches, in order. */
export function quarterBuckets(from: Date, to: Date): QuarterBucket[] {
  const start = localDate(from);
  let year = Number(start.slice(0, 4));
  let quarter = Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1;
  const buckets: QuarterBucket[] = [];
  for (let guard = 0; guard < 400; guard += 1) {
    const bucketFrom = localMidnight(year, (quarter - 1) * 3 + 1, 1);
    if (bucketFrom.getTime() >= to.getTime()) break;
    const bucketTo = localMidnight(year, quarter * 3 + 1, 1);
    buckets.push({ key: `${year}-Q${quarter}`, year, quarter, from: bucketFrom, to: bucketTo });
    quarter += 1;
    if (quarter > 4) {
      quarter = 1;
      year += 1;
    }
  }
  return buckets;
}

/** Index of the bucket an instant falls in, or -1. */
export function bucketIndex(buckets: readonly QuarterBucket[], instant: Date): number {
  const time = instant.getTime();
  return buckets.findIndex((bucket) => time >= bucket.from.getTime() && time < bucket.to.getTime());
}
