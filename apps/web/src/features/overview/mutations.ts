import type { ConcernBody, InspectionBody, Maturity, MaturityBody, Site, SiteLinkBody } from '@lykt/shared';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { overviewKeys } from './queries';

const refreshMap = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: overviewKeys.map() });

/** The map entries that are added, changed and archived the same way. */
export type EntryPath = 'risk-groups' | 'sites' | 'services' | 'patterns';

const entryUrl = (path: EntryPath, id?: string) => (id === undefined ? `/overview/${path}` : `/overview/${path}/${encodeURIComponent(id)}`);

export function createEntryMutationOptions<Body>(queryClient: QueryClient, path: EntryPath) {
  return mutationOptions({
    mutationKey: ['overview', path],
    mutationFn: (body: Body) => api.post(entryUrl(path), body),
    onSuccess: () => refreshMap(queryClient),
  });
}

export function updateEntryMutationOptions<Body>(queryClient: QueryClient, path: EntryPath, id: string) {
  return mutationOptions({
    mutationKey: ['overview', path, id],
    mutationFn: (body: Body) => api.put(entryUrl(path, id), body),
    onSuccess: () => refreshMap(queryClient),
  });
}

export function archiveEntryMutationOptions(queryClient: QueryClient, path: EntryPath, id: string) {
  return mutationOptions({
    mutationKey: ['overview', path, id, 'archive'],
    mutationFn: () => api.delete(entryUrl(path, id)),
    onSuccess: () => refreshMap(queryClient),
  });
}

export function settingsMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['overview', 'settings'],
    mutationFn: (partnersMayRead: boolean) => api.put('/overview/settings', { partnersMayRead }),
    onSuccess: () => refreshMap(queryClient),
  });
}

export function rateMaturityMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['overview', 'maturity'],
    mutationFn: (body: MaturityBody) => api.put<Maturity>('/overview/maturity', body),
    onSuccess: (maturity) => queryClient.setQueryData(overviewKeys.maturity(), maturity),
  });
}

function storeSite(queryClient: QueryClient, site: Site): Promise<void> {
  queryClient.setQueryData([...overviewKeys.all, 'site', site.id], site);
  return refreshMap(queryClient);
}

export function addInspectionMutationOptions(queryClient: QueryClient, siteId: string) {
  return mutationOptions({
    mutationKey: ['overview', 'inspection', siteId],
    mutationFn: (body: InspectionBody) => api.post<Site>(`/overview/sites/${encodeURIComponent(siteId)}/inspections`, body),
    onSuccess: (site) => storeSite(queryClient, site),
  });
}

export function linkSiteMutationOptions(queryClient: QueryClient, siteId: string) {
  return mutationOptions({
    mutationKey: ['overview', 'link', siteId],
    mutationFn: (body: SiteLinkBody) => api.post<Site>(`/overview/sites/${encodeURIComponent(siteId)}/links`, body),
    onSuccess: (site) => storeSite(queryClient, site),
  });
}

export function startConcernMutationOptions(queryClient: QueryClient, siteId: string, inspectionId: string) {
  return mutationOptions({
    mutationKey: ['overview', 'concern', inspectionId],
    mutationFn: (body: ConcernBody) => api.post<Site>(`/overview/sites/${encodeURIComponent(siteId)}/inspections/${encodeURIComponent(inspectionId)}/concern`, body),
    onSuccess: (site) => storeSite(queryClient, site),
  });
}
