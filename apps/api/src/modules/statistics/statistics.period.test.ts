import { describe, expect, it } from 'vitest';
import { lastClosedYear, norwegianYear } from '@lykt/shared';
import { periodClosed, releasePeriod } from './statistics.service';

describe('statistics: which year is closed', () => {
  // Winter time: Norway is UTC+1, so the year turns at 23:00 UTC on 31 December.
  const instants = ['2026-12-31T22:59:59Z', '2026-12-31T23:00:00Z', '2026-12-31T23:30:00Z', '2027-01-01T00:30:00Z', '2026-07-01T12:00:00Z', '2027-06-30T22:30:00Z'].map((iso) => new Date(iso));

  it('counts the year in Norwegian time, not UTC', () => {
    expect(norwegianYear(new Date('2026-12-31T22:59:59Z'))).toBe(2026);
    expect(norwegianYear(new Date('2026-12-31T23:00:00Z'))).toBe(2027);
    expect(lastClosedYear(new Date('2026-12-31T23:30:00Z'))).toBe(2026);
    expect(lastClosedYear(new Date('2026-12-31T22:30:00Z'))).toBe(2025);
  });

  it('agrees with periodClosed at every instant: the default year is closed, the year after it is open', () => {
    for (const now of instants) {
      const year = lastClosedYear(now);
      expect(periodClosed(releasePeriod(year, 1), now), `${now.toISOString()}: ${year} closed`).toBe(true);
      expect(periodClosed(releasePeriod(year + 1, 1), now), `${now.toISOString()}: ${year + 1} open`).toBe(false);
    }
  });
});
