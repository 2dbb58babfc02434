import type { TipPlaceKind, TipStatus } from './tips';

/**
 * The staff app's labels for a tip's coded fields, in the staff languages. One source for the
 * web (the inbox shows them) and the API (the inbox search maps what a user types to codes, so a
 * Norwegian user finds "Byggeplass" and an English one "Building site" without the server ever
 * searching the tip's own text).
 */
export const TIP_PLACE_LABELS: Record<'nb' | 'en', Record<TipPlaceKind, string>> = {
  nb: {
    home: 'Hjem eller privat bolig',
    workplace: 'Arbeidsplass',
    shop_or_restaurant: 'Butikk, kafé eller restaurant',
    construction: 'Byggeplass',
    farm_or_fishing: 'Gård, fiske eller fiskeindustri',
    massage_or_beauty: 'Massasje-, negle- eller skjønnhetssalong',
    hotel_or_short_stay: 'Hotell eller korttidsleie',
    street_or_public: 'Gate, park eller annet offentlig sted',
    online: 'På nettet',
    transport: 'Transport eller kjøretøy',
    other: 'Annet',
    unknown: 'Vet ikke',
  },
  en: {
    home: 'Home or private residence',
    workplace: 'Workplace',
    shop_or_restaurant: 'Shop, café or restaurant',
    construction: 'Building site',
    farm_or_fishing: 'Farm, fishing or fish processing',
    massage_or_beauty: 'Massage, nail or beauty salon',
    hotel_or_short_stay: 'Hotel or short-term rental',
    street_or_public: 'Street, park or other public place',
    online: 'Online',
    transport: 'Transport or vehicle',
    other: 'Other',
    unknown: 'Unknown',
  },
};

export const TIP_STATUS_LABELS: Record<'nb' | 'en', Record<TipStatus, string>> = {
  nb: { new: 'Ny', in_progress: 'Under arbeid', closed: 'Avsluttet' },
  en: { new: 'New', in_progress: 'In progress', closed: 'Closed' },
};

/** Folds case and the spaces, hyphens and underscores between words, so "building-site", "Building site" and "building_site" compare alike. */
function fold(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('nb').replace(/[\s_-]+/g, ' ').trim();
}

/**
 * The codes whose code or label (in any staff language) contains the typed text: what a list's
 * free-text search on a coded field matches. Empty when nothing fits.
 */
export function codesMatching<C extends string>(typed: string, labels: Record<'nb' | 'en', Record<C, string>>): C[] {
  const needle = fold(typed);
  if (needle === '') return [];
  const codes = Object.keys(labels.nb) as C[];
  return codes.filter((code) => fold(code).includes(needle) || fold(labels.nb[code]).includes(needle) || fold(labels.en[code]).includes(needle));
}
