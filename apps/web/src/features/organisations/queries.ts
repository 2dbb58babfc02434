import type { Organisation, OrganisationListSchema } from '@lykt/shared';
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';

export type OrganisationList = z.infer<typeof OrganisationListSchema>;

export const organisationsKeys = {
  all: ['organisations'] as const,
  lists: () => [...organisationsKeys.all, 'list'] as const,
  list: (includeArchived: boolean) => [...organisationsKeys.lists(), { includeArchived }] as const,
  detail: (id: string) => [...organisationsKeys.all, 'detail', id] as const,
};

/** The partner registry, optionally with archived organisations. */
export function organisationsQueryOptions(includeArchived = false) {
  return queryOptions({
    queryKey: organisationsKeys.list(includeArchived),
    queryFn: ({ signal }) =>
      api.get<OrganisationList>('/organisations', { query: { includeArchived: includeArchived ? 'true' : 'false' }, signal }),
  });
}

/** One organisation with its contact persons. */
export function organisationQueryOptions(id: string) {
  return queryOptions({
    queryKey: organisationsKeys.detail(id),
    queryFn: ({ signal }) => api.get<Organisation>(`/organisations/${encodeURIComponent(id)}`, { signal }),
  });
}
