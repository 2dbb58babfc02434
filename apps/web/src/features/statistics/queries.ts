import type { StatisticsPage } from '@lykt/shared';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const statisticsKeys = {
  all: ['statistics'] as const,
  page: (year: number, internal: boolean) => [...statisticsKeys.all, internal ? 'internal' : 'protected', year] as const,
};

/** One year's statistics page: protected, or the coordinator's internal page with exact figures. */
export function statisticsQueryOptions(year: number, internal: boolean) {
  return queryOptions({
    queryKey: statisticsKeys.page(year, internal),
    queryFn: ({ signal }) => api.get<StatisticsPage>(internal ? '/statistics/internal' : '/statistics', { query: { year }, signal }),
  });
}

/** Address of a CSV or XLSX export of one table (or all). The download is audited by the server. */
export function exportHref(year: number, format: 'csv' | 'xlsx', lang: 'nb' | 'en', table?: string): string {
  const query = new URLSearchParams({
    year: String(year),
    format,
    lang,
    ...(table ? { table } : {}),
  });
  return `/api/v1/statistics/export?${query.toString()}`;
}

export function komHref(year: number, format: 'csv' | 'xlsx', lang: 'nb' | 'en'): string {
  return `/api/v1/statistics/kom?${new URLSearchParams({ year: String(year), format, lang }).toString()}`;
}

export function htcdsHref(year: number, variant: 'coded' | 'k_anonymised'): string {
  return `/api/v1/statistics/htcds?${new URLSearchParams({ year: String(year), variant, format: 'csv' }).toString()}`;
}
