import type { Screening, ScreeningList } from '@lykt/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ScreeningsSearch } from './screening-search';

/** Screenings per page of the list (keyset-paged). */
export const SCREENING_PAGE_SIZE = 25;

export const screeningKeys = {
  all: ['identification', 'screenings'] as const,
  list: (search: ScreeningsSearch) => [...screeningKeys.all, 'list', search] as const,
  detail: (id: string) => [...screeningKeys.all, 'detail', id] as const,
};

/** Screenings the user may read: all for the coordinator, their own for everyone else (the API decides). */
export function screeningsQueryOptions(search: ScreeningsSearch) {
  return queryOptions({
    queryKey: screeningKeys.list(search),
    queryFn: ({ signal }) => api.get<ScreeningList>('/screenings', { query: { ...search, limit: SCREENING_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One screening. Every fetch is audited as a read (`screening.viewed`), so it is not refetched on focus. */
export function screeningQueryOptions(id: string) {
  return queryOptions({
    queryKey: screeningKeys.detail(id),
    queryFn: ({ signal }) => api.get<Screening>(`/screenings/${encodeURIComponent(id)}`, { signal }),
    refetchOnWindowFocus: false,
    staleTime: 60_000,
  });
}
