import type { Organisation, OrganisationListSchema } from '@lykt/shared';
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';
import type { OrganisationsSearch } from '../../routes/search';

export type OrganisationList = z.infer<typeof OrganisationListSchema>;

/** The register page's search, kind and sort (other pages take the whole register as options). */
export type OrganisationFilter = Omit<OrganisationsSearch, 'archived'>;

export const organisationsKeys = {
  all: ['organisations'] as const,
  lists: () => [...organisationsKeys.all, 'list'] as const,
  list: (includeArchived: boolean, filter: OrganisationFilter = {}) => [...organisationsKeys.lists(), { includeArchived, ...filter }] as const,
  detail: (id: string) => [...organisationsKeys.all, 'detail', id] as const,
};

/** The partner registry, optionally with archived organisations. */
export function organisationsQueryOptions(includeArchived = false, filter: OrganisationFilter = {}) {
  return queryOptions({
    queryKey: organisationsKeys.list(includeArchived, filter),
    queryFn: ({ signal }) =>
      api.get<OrganisationList>('/organisations', { query: { includeArchived: includeArchived ? 'true' : 'false', ...filter }, signal }),
  });
}

/** One organisation with its contact persons. */
export function organisationQueryOptions(id: string) {
  return queryOptions({
    queryKey: organisationsKeys.detail(id),
    queryFn: ({ signal }) => api.get<Organisation>(`/organisations/${encodeURIComponent(id)}`, { signal }),
  });
}
