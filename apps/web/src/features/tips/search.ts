import { TIP_STATUSES, type TipStatus } from '@lykt/shared';
import { oneOf, type KeysetSearch } from '../../lib/use-list-search';

/** Filters of the tip inbox, kept in the address (e.g. `/tips?unread=true` from the home page). The inbox is short (one page of up to 200, offset-paged by the API), so sort and cursor stay unused. */
export interface TipsSearch extends KeysetSearch {
  status?: TipStatus | undefined;
  unread?: 'true' | undefined;
}

/** Reads the tip inbox's address; unknown values fall back to no filter. */
export function parseTipsSearch(search: Record<string, unknown>): TipsSearch {
  return { status: oneOf(TIP_STATUSES, search.status), unread: search.unread === true || search.unread === 'true' ? 'true' : undefined };
}
