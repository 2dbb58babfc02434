import type { PrevalenceStudy, PrevalenceStudySummary } from '@lykt/shared';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const prevalenceKeys = {
  all: ['prevalence'] as const,
  studies: () => [...prevalenceKeys.all, 'studies'] as const,
  study: (id: string) => [...prevalenceKeys.all, 'study', id] as const,
};

export function studiesQueryOptions() {
  return queryOptions({ queryKey: prevalenceKeys.studies(), queryFn: ({ signal }) => api.get<PrevalenceStudySummary[]>('/prevalence/studies', { signal }) });
}

export function studyQueryOptions(id: string) {
  return queryOptions({ queryKey: prevalenceKeys.study(id), queryFn: ({ signal }) => api.get<PrevalenceStudy>(`/prevalence/studies/${encodeURIComponent(id)}`, { signal }) });
}
