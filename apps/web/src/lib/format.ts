const LOCALES: Record<string, string> = { nb: 'nb-NO', en: 'en-GB' };

function localeFor(language: string): string {
  return LOCALES[language] ?? 'nb-NO';
}

/** A date and time in the reader's language, e.g. "28.11.2025, 12:05". Empty input gives null. */
export function formatDateTime(iso: string | null | undefined, language: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

/** A number in the reader's language. */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(localeFor(language)).format(value);
}

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date in the reader's language, e.g. "28.11.2025" or "28/11/2025". A calendar day
 * ("2025-11-28") is shown as that day wherever the reader is; a timestamp as its day in the
 * reader's time zone. The one way the staff app shows a date: never the ISO form.
 */
export function formatDate(value: string | null | undefined, language: string): string {
  if (!value) return '';
  const isDay = DAY_ONLY.test(value);
  const date = new Date(isDay ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'short', ...(isDay ? { timeZone: 'UTC' } : {}) }).format(date);
}

/** Names or other items as a list in the reader's language ("A, B og C" / "A, B and C"). */
export function formatList(items: readonly string[], language: string): string {
  return new Intl.ListFormat(localeFor(language), { style: 'long', type: 'conjunction' }).format(items);
}
