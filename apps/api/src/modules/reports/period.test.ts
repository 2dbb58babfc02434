import { describe, expect, it } from 'vitest';
import { bucketIndex, lastLocalDate, localDate, localDayEnd, localDayStart, localMidnight, quarterBuckets, yearPeriod } from './period';

describe('report periods', () => {
  it('starts a year at Oslo midnight, winter and summer time alike', () => {
    expect(localMidnight(2026, 1, 1).toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(localMidnight(2026, 7, 1).toISOString()).toBe('2026-06-30T22:00:00.000Z');
    const { from, to } = yearPeriod(2026);
    expect(localDate(from)).toBe('2026-01-01');
    expect(lastLocalDate(to)).toBe('2026-12-31');
  });

  it('splits a year into four quarters and places instants in them', () => {
    const { from, to } = yearPeriod(2026);
    const buckets = quarterBuckets(from, to);
    expect(buckets.map((bucket) => bucket.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(bucketIndex(buckets, new Date('2026-03-31T21:59:00Z'))).toBe(0);
    expect(bucketIndex(buckets, new Date('2026-03-31T22:00:00Z'))).toBe(1);
    expect(bucketIndex(buckets, new Date('2027-01-01T00:00:00Z'))).toBe(-1);
  });

  it('gives a local day filter its Oslo start and end, 23 and 25 hours long on the days the clocks change', () => {
    expect(localDayStart('2026-03-04').toISOString()).toBe('2026-03-03T23:00:00.000Z');
    expect(localDayEnd('2026-03-04').toISOString()).toBe('2026-03-04T23:00:00.000Z');
    expect(localDayEnd('2026-01-31').toISOString()).toBe('2026-01-31T23:00:00.000Z');
    expect(localDayEnd('2026-12-31').toISOString()).toBe('2026-12-31T23:00:00.000Z');
    const hours = (day: string) => (localDayEnd(day).getTime() - localDayStart(day).getTime()) / 3_600_000;
    expect([hours('2026-03-29'), hours('2026-10-25'), hours('2026-07-01')]).toEqual([23, 25, 24]);
  });
});
