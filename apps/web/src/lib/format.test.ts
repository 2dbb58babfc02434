import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatList, formatMonth, formatNumber, formatRegion, todayInputValue } from './format';

describe('the one formatter of dates, numbers and names', () => {
  it('shows a calendar day as that day in the reader’s language, never as ISO', () => {
    expect(formatDate('2025-11-28', 'nb')).toBe('28.11.2025');
    expect(formatDate('2025-11-28', 'en')).toBe('28/11/2025');
    expect(formatDate('2025-11-28', 'nb')).not.toContain('2025-11-28');
    expect(formatDate(null, 'nb')).toBe('');
  });

  it('formats timestamps, numbers and lists per language', () => {
    expect(formatDateTime('2025-11-28T11:05:00Z', 'nb')).toMatch(/^28\.11\.2025/);
    expect(formatNumber(100000, 'nb')).toBe('100\u00a0000');
    expect(formatNumber(100000, 'en')).toBe('100,000');
    expect(formatList(['Ada', 'Bo', 'Cy'], 'nb')).toBe('Ada, Bo og Cy');
    expect(formatList(['Ada', 'Bo', 'Cy'], 'en')).toBe('Ada, Bo and Cy');
  });

  it('formats months, countries and shares per language, and accepts "en-GB"-style languages', () => {
    expect(formatMonth('2025-11', 'nb')).toBe('nov. 2025');
    expect(formatMonth('2025-11', 'en')).toBe('Nov 2025');
    expect(formatMonth('2025-11', 'nb', 'name')).toBe('november');
    expect(formatMonth('not-a-month', 'nb')).toBe('not-a-month');
    expect(formatRegion('SE', 'nb')).toBe('Sverige');
    expect(formatRegion('SE', 'en-GB')).toBe('Sweden');
    expect(formatNumber(12.345, 'nb', { maximumFractionDigits: 1 })).toBe('12,3');
    expect(formatDate('2025-11-28', 'en-GB')).toBe('28/11/2025');
  });

  it('gives today as a date field value in the local time zone, not the UTC day', () => {
    expect(todayInputValue(new Date(2025, 0, 1, 0, 30))).toBe('2025-01-01');
    expect(todayInputValue(new Date(2025, 11, 31, 23, 59))).toBe('2025-12-31');
  });
});
