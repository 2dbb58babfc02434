export { duplicateKey } from '@lykt/shared';

/** The first given name, for a referral that shares only that. */
export function firstNameOf(name: string | null): string | null {
  if (!name) return null;
  const [first] = name.trim().split(/\s+/);
  return first && first.length > 0 ? first : null;
}

/** Adds days to a date (UTC). */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** Adds calendar months to a date (UTC). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}
