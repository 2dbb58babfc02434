import type { Organisation, OrganisationBody } from '@lykt/shared';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { organisationsKeys } from './queries';

function storeOrganisation(queryClient: QueryClient, organisation: Organisation): Promise<void> {
  queryClient.setQueryData(organisationsKeys.detail(organisation.id), organisation);
  return queryClient.invalidateQueries({ queryKey: organisationsKeys.lists() });
}

/** Adds an organisation to the partner registry. */
export function createOrganisationMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['organisations', 'create'],
    mutationFn: (body: OrganisationBody) => api.post<Organisation>('/organisations', body),
    onSuccess: (organisation) => storeOrganisation(queryClient, organisation),
  });
}

/** Replaces an organisation's details and contact persons. */
export function updateOrganisationMutationOptions(queryClient: QueryClient, id: string) {
  return mutationOptions({
    mutationKey: ['organisations', 'update', id],
    mutationFn: (body: OrganisationBody) => api.put<Organisation>(`/organisations/${encodeURIComponent(id)}`, body),
    onSuccess: (organisation) => storeOrganisation(queryClient, organisation),
  });
}

/** Archives an organisation (it stays in the history). */
export function archiveOrganisationMutationOptions(queryClient: QueryClient, id: string) {
  return mutationOptions({
    mutationKey: ['organisations', 'archive', id],
    mutationFn: () => api.delete<Organisation>(`/organisations/${encodeURIComponent(id)}`),
    onSuccess: (organisation) => storeOrganisation(queryClient, organisation),
  });
}
