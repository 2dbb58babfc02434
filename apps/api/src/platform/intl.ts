/**
 * Shared Intl formatters. Each `new Intl.DateTimeFormat` / `NumberFormat` / `PluralRules` /
 * `DisplayNames` builds ICU objects in native memory that V8 does not count against its heap, so
 * making one per formatted value (hundreds per council report) grew the server's memory by about
 * 3 MiB per report request until a major collection came, which a large heap postpones. A
 * formatter is immutable once made: one per locale and options serves every request.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules | Intl.DisplayNames>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules | Intl.DisplayNames>(kind: string, locales: string | string[], options: object, make: () => T): T {
  const key = `${kind}\u0000${JSON.stringify(locales)}\u0000${JSON.stringify(options)}`;
  const known = formatters.get(key);
  if (known) return known as T;
  const made = make();
  formatters.set(key, made);
  return made;
}

export function dateTimeFormat(locales: string | string[], options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return cached('dt', locales, options, () => new Intl.DateTimeFormat(locales, options));
}

export function numberFormat(locales: string | string[], options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached('nf', locales, options, () => new Intl.NumberFormat(locales, options));
}

export function pluralRules(locales: string | string[], options: Intl.PluralRulesOptions = {}): Intl.PluralRules {
  return cached('pr', locales, options, () => new Intl.PluralRules(locales, options));
}

export function displayNames(locales: string | string[], options: Intl.DisplayNamesOptions): Intl.DisplayNames {
  return cached('dn', locales, options, () => new Intl.DisplayNames(locales, options));
}
