/**
 * 23:30 UTC on the day before today (UTC): a moment already past, so a session signed in now stays
 * valid, at which the date in Norway (UTC+1 in winter, UTC+2 in summer) is already today (UTC),
 * one day ahead of the UTC date. Tests of "the day in Norway" fake the clock to it.
 */
export function justAfterNorwegianMidnight(now = new Date()): { at: Date; norwegianToday: string; norwegianTomorrow: string; dayPlus: (days: number) => string } {
  const day = (offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset)).toISOString().slice(0, 10);
  return {
    at: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1, 23, 30)),
    norwegianToday: day(0),
    norwegianTomorrow: day(1),
    /** The day `days` days after today in Norway (negative: before). */
    dayPlus: day,
  };
}
