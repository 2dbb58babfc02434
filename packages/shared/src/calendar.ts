/**
 * Calendar days in Norway. A municipality's dates (a deadline, a plan update, a source checked, a
 * task due) are days on the Norwegian calendar, not in UTC: between midnight and 01:00 or 02:00 UTC
 * Norway is already on the next day.
 */
export const NORWAY_TIME_ZONE = 'Europe/Oslo';

/** One formatter per time zone: making an Intl formatter builds ICU objects, using one does not. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in a time zone, Norway's unless told. */
export function localDate(instant: Date, timeZone: string = NORWAY_TIME_ZONE): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}

const minuteFormats = new Map<string, Intl.DateTimeFormat>();

/** The date and time to the minute ("YYYY-MM-DD HH:mm", 24-hour clock) of an instant in a time zone, Norway's unless told. */
export function localDateTime(instant: Date, timeZone: string = NORWAY_TIME_ZONE): string {
  let format = minuteFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    minuteFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** Today in Norway (YYYY-MM-DD). */
export function todayInNorway(now: Date = new Date()): string {
  return localDate(now);
}

/**
 * The calendar year in Norway at an instant. A year's statistics close at midnight Norwegian time
 * (the API's periodClosed), not UTC: from 23:00 or 22:00 UTC on 31 December Norway is already in
 * the next year.
 */
export function norwegianYear(now: Date = new Date()): number {
  return Number(localDate(now).slice(0, 4));
}

/** Adds calendar days to a day written YYYY-MM-DD (day arithmetic only, no time zone involved). */
export function addDaysToDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The day in Norway `days` calendar days after the instant's own day there: counted on the
 * calendar, so a week ahead is the same weekday also across a change to or from summer time.
 */
export function localDayPlus(instant: Date, days: number): string {
  return addDaysToDay(localDate(instant), days);
}
