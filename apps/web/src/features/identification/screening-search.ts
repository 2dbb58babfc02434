import { SCREENING_CONTEXTS, SCREENING_SORT_KEYS, SIGNAL_LEVELS, sortValues, type ScreeningContext, type SignalLevel } from '@lykt/shared';
import { cursorParam, oneOf, type KeysetSearch } from '../../lib/use-list-search';

export const SCREENING_SORTS = sortValues(SCREENING_SORT_KEYS);
export type ScreeningSort = (typeof SCREENING_SORTS)[number];

/** Filters, sort and page of the screening list, kept in the address (coded values and days only, never free text). */
export interface ScreeningsSearch extends KeysetSearch {
  context?: ScreeningContext | undefined;
  level?: SignalLevel | undefined;
  minor?: 'true' | 'false' | undefined;
  mine?: 'true' | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: ScreeningSort | undefined;
}

function isoDay(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : undefined;
}

const asText = (value: unknown) => (typeof value === 'boolean' ? String(value) : value);

/** Reads the screening list's address; unknown or stale values fall back to no filter. */
export function parseScreeningsSearch(search: Record<string, unknown>): ScreeningsSearch {
  return {
    context: oneOf(SCREENING_CONTEXTS, search.context),
    level: oneOf(SIGNAL_LEVELS, search.level),
    minor: oneOf(['true', 'false'] as const, asText(search.minor)),
    mine: oneOf(['true'] as const, asText(search.mine)),
    from: isoDay(search.from),
    to: isoDay(search.to),
    sort: oneOf(SCREENING_SORTS, search.sort),
    cursor: cursorParam(search.cursor),
  };
}
