import { describe, expect, test } from 'vitest';
import { addDaysToDay, localDate, localDateTime, localDayPlus, norwegianYear, todayInNorway } from './calendar';

describe('days in Norway', () => {
  test('an instant late in the UTC evening is already the next day in Norway, in winter and in summer', () => {
    expect(localDate(new Date('2026-12-06T22:59:59Z'))).toBe('2026-12-06');
    expect(localDate(new Date('2026-12-06T23:00:00Z'))).toBe('2026-12-07');
    expect(localDate(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(localDate(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
    expect(todayInNorway(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(norwegianYear(new Date('2026-12-31T22:59:59Z'))).toBe(2026);
    expect(norwegianYear(new Date('2026-12-31T23:00:00Z'))).toBe(2027);
  });

  test('date and time to the minute in Norway, on a 24-hour clock, across the change to summer time', () => {
    expect(localDateTime(new Date('2026-12-06T23:30:00Z'))).toBe('2026-12-07 00:30');
    expect(localDateTime(new Date('2026-06-30T22:05:00Z'))).toBe('2026-07-01 00:05');
    expect(localDateTime(new Date('2027-03-28T00:59:00Z'))).toBe('2027-03-28 01:59');
    expect(localDateTime(new Date('2027-03-28T01:00:00Z'))).toBe('2027-03-28 03:00');
    expect(localDateTime(new Date('2026-12-06T12:00:00Z'), 'UTC')).toBe('2026-12-06 12:00');
  });

  test('another time zone when asked', () => {
    expect(localDate(new Date('2026-12-06T23:30:00Z'), 'UTC')).toBe('2026-12-06');
  });

  test('calendar days, across month and year ends and leap days', () => {
    expect(addDaysToDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysToDay('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysToDay('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDaysToDay('2027-03-27', 7)).toBe('2027-04-03');
  });

  test('N days ahead is counted on the calendar, also across the change to summer time', () => {
    // 28 March 2027: clocks go from 02:00 to 03:00 in Norway; 7 × 24 h after 23:30 on the 27th is 00:30 on 4 April there.
    expect(localDayPlus(new Date('2027-03-27T22:30:00Z'), 7)).toBe('2027-04-03');
    // Just after midnight in Norway (23:30 UTC the day before), the count starts from Norway's day.
    expect(localDayPlus(new Date('2026-12-06T23:30:00Z'), 1)).toBe('2026-12-08');
  });
});
