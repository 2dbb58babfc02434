import { TIP_PLACE_KINDS, TIP_SORT_KEYS, TIP_STATUSES, sortValues, type TipPlaceKind, type TipStatus } from '@lykt/shared';
import { cursorParam, oneOf, searchText, type KeysetSearch } from '../../lib/use-list-search';

export const TIP_SORTS = sortValues(TIP_SORT_KEYS);
export type TipSort = (typeof TIP_SORTS)[number];

/** The tip inbox in the address (e.g. `/tips?unread=true` from the home page): search, filters, sort and page, keyset-paged by the API. */
export interface TipsSearch extends KeysetSearch {
  q?: string | undefined;
  status?: TipStatus | undefined;
  unread?: 'true' | undefined;
  placeKind?: TipPlaceKind | undefined;
  danger?: 'true' | undefined;
  sort?: TipSort | undefined;
}

const isTrue = (value: unknown) => value === true || value === 'true';

/** Reads the tip inbox's address; unknown values fall back to no filter. */
export function parseTipsSearch(search: Record<string, unknown>): TipsSearch {
  return {
    q: searchText(search.q),
    status: oneOf(TIP_STATUSES, search.status),
    unread: isTrue(search.unread) ? 'true' : undefined,
    placeKind: oneOf(TIP_PLACE_KINDS, search.placeKind),
    danger: isTrue(search.danger) ? 'true' : undefined,
    sort: oneOf(TIP_SORTS, search.sort),
    cursor: cursorParam(search.cursor),
  };
}
