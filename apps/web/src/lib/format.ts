const LOCALES: Record<string, string> = { nb: 'nb-NO', en: 'en-GB' };

/** The locale for an app language ("en", "en-GB", "nb"...); Norwegian Bokmål unless English. */
function localeFor(language: string): string {
  return LOCALES[language] ?? (language.toLowerCase().startsWith('en') ? 'en-GB' : 'nb-NO');
}

/** A date and time in the reader's language, e.g. "28.11.2025, 12:05". Empty input gives null. */
export function formatDateTime(iso: string | null | undefined, language: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

/** A number in the reader's language; `maximumFractionDigits` for shares and rates. */
export function formatNumber(value: number, language: string, options: { minimumFractionDigits?: number; maximumFractionDigits?: number } = {}): string {
  return new Intl.NumberFormat(localeFor(language), options).format(value);
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
export function formatList(items: readonly string[], language: string, type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return new Intl.ListFormat(localeFor(language), { style: 'long', type }).format(items);
}

/** A month ("2025-11") in the reader's language: "nov. 2025" (short) or "november" (name only). */
export function formatMonth(month: string, language: string, style: 'short' | 'name' = 'short'): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  if (!/^\d{4}-\d{2}$/.test(month) || Number.isNaN(date.getTime())) return month;
  const options: Intl.DateTimeFormatOptions = style === 'name' ? { month: 'long', timeZone: 'UTC' } : { month: 'short', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(localeFor(language), options).format(date);
}

/** A country's name (ISO 3166-1 alpha-2 code) in the reader's language; the code when the browser has no name. */
export function formatRegion(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([localeFor(language)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Today as the value of a date field (YYYY-MM-DD) in the reader's own time zone. Not
 * `toISOString().slice(0, 10)`: that is the UTC day, which is yesterday in Norway after midnight.
 */
export function todayInputValue(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
