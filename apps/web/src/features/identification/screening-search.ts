import { SCREENING_CONTEXTS, SCREENING_SORT_KEYS, SIGNAL_LEVELS, sortValues, type ScreeningContext, type SignalLevel } from '@lykt/shared';
import { cursorParam, oneOf, type KeysetSearch } from '../../lib/use-list-search';

export const SCREENING_SORTS = sortValues(SCREENING_SORT_KEYS);
export type ScreeningSort = (typeof SCREENING_SORTS)[number];

/** Filters, sort and page of the screening list, kept in the address (coded values and days only, never free text). */
export interface ScreeningsSearch extends KeysetSearch {
  context?: ScreeningContext | undefined;
  level?: SignalLevel | undefined;
  /** A boolean, so the address reads `minor=true` (a string would be written as `"true"`). */
  minor?: boolean | undefined;
  mine?: true | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: ScreeningSort | undefined;
}

function isoDay(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : undefined;
}

/** `true`/`false` from the address (a boolean) or a form field (text); anything else is no filter. */
function flag(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

/** Reads the screening list's address; unknown or stale values fall back to no filter. */
export function parseScreeningsSearch(search: Record<string, unknown>): ScreeningsSearch {
  return {
    context: oneOf(SCREENING_CONTEXTS, search.context),
    level: oneOf(SIGNAL_LEVELS, search.level),
    minor: flag(search.minor),
    mine: flag(search.mine) === true ? true : undefined,
    from: isoDay(search.from),
    to: isoDay(search.to),
    sort: oneOf(SCREENING_SORTS, search.sort),
    cursor: cursorParam(search.cursor),
  };
}
