import type { DocEdition } from './model';
import { dateTimeFormat, numberFormat, pluralRules } from '../intl';

/** Reports, minutes and certificates speak of Norwegian time, whatever the server's zone. */
export const DOCUMENT_TIME_ZONE = 'Europe/Oslo';

/**
 * The few words the renderers themselves print (page numbers, the pointer from a chart to its
 * table, the edition line, the table of contents). Everything else in a document comes from its
 * DocModel, written by the module in the document's language.
 */
type RendererLabels = {
  locale: string;
  page: (page: number, total: number) => string;
  /** The page label around its two numbers, for DOCX where Word fills in the page fields. */
  pageParts: [string, string, string];
  chartData: string;
  contents: string;
  /** "Data per 4. desember 2026, versjon 2, endelig". */
  edition: (day: string, version: number | undefined, status: DocEdition['status']) => string;
  /** "Endelig versjon frosset 4. desember 2026 kl. 14.05". */
  frozen: (day: string, time: string) => string;
};

const LABELS: Record<'nb' | 'en', RendererLabels> = {
  nb: {
    locale: 'nb-NO',
    page: (page, total) => `Side ${page} av ${total}`,
    pageParts: ['Side ', ' av ', ''],
    chartData: 'Tallene står i tabellen under figuren.',
    contents: 'Innhold',
    edition: (day, version, status) => [`Data per ${day}`, version !== undefined ? `versjon ${version}` : '', status === 'final' ? 'endelig' : status === 'draft' ? 'utkast' : ''].filter(Boolean).join(', '),
    frozen: (day, time) => `Endelig versjon frosset ${day} kl. ${time}`,
  },
  en: {
    locale: 'en-GB',
    page: (page, total) => `Page ${page} of ${total}`,
    pageParts: ['Page ', ' of ', ''],
    chartData: 'The figures are in the table below the chart.',
    contents: 'Contents',
    edition: (day, version, status) => [`Data as of ${day}`, version !== undefined ? `version ${version}` : '', status === 'final' ? 'final' : status === 'draft' ? 'draft' : ''].filter(Boolean).join(', '),
    frozen: (day, time) => `Final version frozen on ${day} at ${time}`,
  },
};

/** Labels for a BCP 47 tag: Norwegian (nb, nn, no and their regions) or English for anything else. */
export function rendererLabels(lang: string): RendererLabels {
  return /^(nb|nn|no)\b/i.test(lang) ? LABELS.nb : LABELS.en;
}

/**
 * The edition lines under a document's title: what date the figures are as of, which version and
 * whether it is final; and for a frozen final version the moment it was frozen (Norwegian time).
 */
export function editionLines(edition: DocEdition, lang: string): string[] {
  const labels = rendererLabels(lang);
  const day = dateTimeFormat(labels.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${edition.dataAsOf}T00:00:00Z`));
  const lines = [labels.edition(day, edition.version, edition.status)];
  if (edition.frozenAt) {
    const frozen = new Date(edition.frozenAt);
    const frozenDay = dateTimeFormat(labels.locale, { dateStyle: 'long', timeZone: DOCUMENT_TIME_ZONE }).format(frozen);
    const time = dateTimeFormat(labels.locale, { timeStyle: 'short', timeZone: DOCUMENT_TIME_ZONE }).format(frozen);
    lines.push(labels.frozen(frozenDay, time));
  }
  return lines;
}

/** Plural forms of one word or phrase: `one` for 1 (and what the language treats like it), `other` for the rest. */
export type PluralForms = { one: string; other: string };

/**
 * A count with the right form of its noun, by the language's plural rules (Intl.PluralRules):
 * countText('nb', 1, { one: 'møte', other: 'møter' }) is "1 møte", with 2 "2 møter".
 * The number is formatted for the language (1 000 in Norwegian).
 */
export function countText(lang: string, count: number, forms: PluralForms): string {
  const locale = rendererLabels(lang).locale;
  const form = pluralRules(locale).select(count) === 'one' ? forms.one : forms.other;
  return `${numberFormat(locale).format(count)} ${form}`;
}
