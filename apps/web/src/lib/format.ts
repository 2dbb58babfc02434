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
