import type { ConcernBody, InspectionBody, Maturity, MaturityBody, PatternBody, RiskGroupBody, ServiceBody, Site, SiteBody, SiteLinkBody } from '@lykt/shared';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { overviewKeys } from './queries';

const refreshMap = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: overviewKeys.map() });

export function createSiteMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['overview', 'site'],
    mutationFn: (body: SiteBody) => api.post('/overview/sites', body),
    onSuccess: () => refreshMap(queryClient),
  });
}

export function createRiskGroupMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['overview', 'risk-group'],
    mutationFn: (body: RiskGroupBody) => api.post('/overview/risk-groups', body),
    onSuccess: () => refreshMap(queryClient),
  });
}

export function createServiceMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['overview', 'service'],
    mutationFn: (body: ServiceBody) => api.post('/overview/services', body),
    onSuccess: () => refreshMap(queryClient),
  });
}

export function createPatternMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['overview', 'pattern'],
    mutationFn: (body: PatternBody) => api.post('/overview/patterns', body),
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
