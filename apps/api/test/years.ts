import { localDate } from '../src/modules/reports/period';

/**
 * The calendar year now in Norway (the municipality's clock, as periodClosed reads it): the one year
 * still open, whose statistics are not published. Not the UTC year: from 23:00 UTC on 31 December
 * Norway is already in the next one.
 */
export function openYear(now: Date = new Date()): number {
  return Number(localDate(now).slice(0, 4));
}
