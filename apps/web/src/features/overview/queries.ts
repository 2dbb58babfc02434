import type { LocalMap, Maturity, Site } from '@lykt/shared';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const overviewKeys = {
  all: ['overview'] as const,
  map: () => [...overviewKeys.all, 'map'] as const,
  maturity: () => [...overviewKeys.all, 'maturity'] as const,
};

export function mapQueryOptions() {
  return queryOptions({
    queryKey: overviewKeys.map(),
    queryFn: ({ signal }) => api.get<LocalMap>('/overview/map', { signal }),
  });
}

export function maturityQueryOptions() {
  return queryOptions({
    queryKey: overviewKeys.maturity(),
    queryFn: ({ signal }) => api.get<Maturity>('/overview/maturity', { signal }),
  });
}

export function siteQueryOptions(siteId: string) {
  return queryOptions({ queryKey: [...overviewKeys.all, 'site', siteId] as const, queryFn: ({ signal }) => api.get<Site>(`/overview/sites/${encodeURIComponent(siteId)}`, { signal }) });
}
