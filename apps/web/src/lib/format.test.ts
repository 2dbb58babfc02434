import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatList, formatNumber } from './format';

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
});
