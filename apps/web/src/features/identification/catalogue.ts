import { currentCatalogue } from '@lykt/content/indicators';
import type { IndicatorCatalogue } from '@lykt/shared';
import { formatRegion } from '../../lib/format';

/** The indicator catalogue, bundled with the app so scoring needs no round trip per question. */
export const CATALOGUE: IndicatorCatalogue = currentCatalogue();

/** Catalogue texts exist in bokmål and English; other languages read bokmål. */
export function catalogueText(text: { nb: string; en: string }, language: string): string {
  return language === 'en' ? text.en : text.nb;
}

/** Nationalities offered in the screening (ISO 3166-1 alpha-2); names come from the browser. */
export const NATIONALITIES = ['NO', 'SE', 'PL', 'LT', 'LV', 'RO', 'BG', 'UA', 'RU', 'SY', 'ER', 'SO', 'AF', 'IQ', 'NG', 'VN', 'TH', 'PH', 'CN', 'BR'] as const;

export function countryName(code: string, language: string): string {
  return formatRegion(code, language);
}
