import type { PublishStatisticsBody, PublishStatisticsResult, StatisticsPage } from '@lykt/shared';
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const statisticsKeys = {
  all: ['statistics'] as const,
  page: (year: number, pool: number, internal: boolean) => [...statisticsKeys.all, internal ? 'internal' : 'published', year, pool] as const,
};

/** One period's statistics page: the published release, or the coordinator's internal page with exact figures. */
export function statisticsQueryOptions(year: number, internal: boolean, pool = 1) {
  return queryOptions({
    queryKey: statisticsKeys.page(year, pool, internal),
    queryFn: ({ signal }) => api.get<StatisticsPage>(internal ? '/statistics/internal' : '/statistics', { query: { year, ...(pool > 1 ? { pool } : {}) }, signal }),
  });
}

/** Publishes a new release of a closed period (coordinator); unchanged figures make none. */
export function publishStatisticsMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['statistics', 'publish'],
    mutationFn: (body: PublishStatisticsBody) => api.post<PublishStatisticsResult>('/statistics/releases', body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: statisticsKeys.all });
    },
  });
}

const periodQuery = (year: number, pool: number) => ({ year: String(year), ...(pool > 1 ? { pool: String(pool) } : {}) });

/** Address of a CSV or XLSX export of one table (or all). The download is audited by the server. */
export function exportHref(year: number, format: 'csv' | 'xlsx', lang: 'nb' | 'en', table?: string, pool = 1): string {
  const query = new URLSearchParams({
    ...periodQuery(year, pool),
    format,
    lang,
    ...(table ? { table } : {}),
  });
  return `/api/v1/statistics/export?${query.toString()}`;
}

export function komHref(year: number, format: 'csv' | 'xlsx', lang: 'nb' | 'en', pool = 1): string {
  return `/api/v1/statistics/kom?${new URLSearchParams({ ...periodQuery(year, pool), format, lang }).toString()}`;
}

export function htcdsHref(year: number, variant: 'coded' | 'k_anonymised'): string {
  return `/api/v1/statistics/htcds?${new URLSearchParams({ year: String(year), variant, format: 'csv' }).toString()}`;
}
