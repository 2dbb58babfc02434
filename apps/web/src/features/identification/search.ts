import { CONCERN_SORT_KEYS, CONCERN_STATUSES, SCREENING_CONTEXTS, sortValues, type ConcernListQuery, type ConcernStatus } from '@lykt/shared';
import { cursorParam, oneOf, type KeysetSearch } from '../../lib/use-list-search';

/** Filters, sort and page of the concern list, kept in the address (e.g. `/concerns?status=new&assigned=none` from the home page). */
export interface ConcernsSearch extends KeysetSearch {
  status?: ConcernStatus | undefined;
  assigned?: 'none' | 'me' | undefined;
  context?: (typeof SCREENING_CONTEXTS)[number] | undefined;
  minor?: 'true' | 'false' | undefined;
  sort?: ConcernListQuery['sort'] | undefined;
}

const CONCERN_SORTS = sortValues(CONCERN_SORT_KEYS);

/** Reads the concern list's address; unknown or stale values fall back to no filter. */
export function parseConcernsSearch(search: Record<string, unknown>): ConcernsSearch {
  return {
    status: oneOf(CONCERN_STATUSES, search.status),
    assigned: oneOf(['none', 'me'] as const, search.assigned),
    context: oneOf(SCREENING_CONTEXTS, search.context),
    minor: oneOf(['true', 'false'] as const, typeof search.minor === 'boolean' ? String(search.minor) : search.minor),
    sort: oneOf(CONCERN_SORTS, search.sort),
    cursor: cursorParam(search.cursor),
  };
}
