import type { AddPrevalenceListResult, CreatePrevalenceStudyBody, OverlapTableBody, PrevalenceEstimateRecord, PrevalenceStudySummary } from '@lykt/shared';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { prevalenceKeys } from './queries';

const url = (id: string, rest = '') => `/prevalence/studies/${encodeURIComponent(id)}${rest}`;
const refresh = (queryClient: QueryClient, id?: string) => queryClient.invalidateQueries({ queryKey: id ? prevalenceKeys.study(id) : prevalenceKeys.studies() });

export function createStudyMutationOptions(queryClient: QueryClient) {
  return mutationOptions({ mutationFn: (body: CreatePrevalenceStudyBody) => api.post<PrevalenceStudySummary>('/prevalence/studies', body), onSuccess: () => refresh(queryClient) });
}

export function addListMutationOptions(queryClient: QueryClient, id: string) {
  return mutationOptions({ mutationFn: (body: { name: string; csv: string }) => api.post<AddPrevalenceListResult>(url(id, '/lists'), body), onSuccess: () => refresh(queryClient, id) });
}

export function addCasesListMutationOptions(queryClient: QueryClient, id: string) {
  return mutationOptions({ mutationFn: (body: { name: string }) => api.post<AddPrevalenceListResult>(url(id, '/lists/cases'), body), onSuccess: () => refresh(queryClient, id) });
}

export function enterTableMutationOptions(queryClient: QueryClient, id: string) {
  return mutationOptions({ mutationFn: (body: OverlapTableBody) => api.put<PrevalenceStudySummary>(url(id, '/table'), body), onSuccess: () => refresh(queryClient, id) });
}

export function estimateMutationOptions(queryClient: QueryClient, id: string) {
  return mutationOptions({ mutationFn: () => api.post<PrevalenceEstimateRecord>(url(id, '/estimates'), { method: 'stepwise' }), onSuccess: () => refresh(queryClient, id) });
}
