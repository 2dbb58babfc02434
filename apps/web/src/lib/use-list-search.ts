/** The search parameters every keyset-paged list keeps in the address besides its filters. */
export interface KeysetSearch {
  sort?: string | undefined;
  cursor?: string | undefined;
}

/**
 * The one way a list changes its address: new filters start again at the first page (a cursor
 * belongs to the filters it was made under), paging keeps the filters. `setSearch` is the
 * route's navigate, so the filters are in the URL and a link can be shared inside the team.
 */
export function useListSearch<S extends KeysetSearch>(search: S, setSearch: (next: S) => void) {
  return {
    apply: (filters: S) => setSearch({ ...filters, cursor: undefined }),
    reset: () => setSearch({} as S),
    next: (cursor: string) => setSearch({ ...search, cursor }),
    first: () => setSearch({ ...search, cursor: undefined }),
  };
}

/** A search parameter that is one of the given values, else undefined (a shared link with a stale value still opens). */
export function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return values.find((candidate) => candidate === value);
}

/** A free-text search parameter, trimmed and capped; empty is undefined. */
export function searchText(value: unknown, max = 100): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
}

/** A cursor parameter: only the characters a cursor is written in. */
export function cursorParam(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,512}$/.test(value) ? value : undefined;
}
