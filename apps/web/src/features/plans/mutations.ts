import type { AdoptBody, MeasureBody, MeasureDetail, MeasureUpdateBody, PlanCreateBody, PlanSummary, PlanVersionDetail } from '@lykt/shared';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { plansKeys } from './queries';

const refreshPlans = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: plansKeys.all });

/** Creates a plan, empty or from the template. */
export function createPlanMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['plans', 'create'],
    mutationFn: (body: PlanCreateBody) => api.post<PlanSummary>('/plans', body),
    onSuccess: () => refreshPlans(queryClient),
  });
}

/** Adopts a draft version. */
export function adoptMutationOptions(queryClient: QueryClient, planId: string, version: number) {
  return mutationOptions({
    mutationKey: ['plans', 'adopt', planId, version],
    mutationFn: (body: AdoptBody) => api.post<PlanVersionDetail>(`/plans/${encodeURIComponent(planId)}/versions/${version}/adopt`, body),
    onSuccess: () => refreshPlans(queryClient),
  });
}

/** Starts the next version as a draft. */
export function reviseMutationOptions(queryClient: QueryClient, planId: string) {
  return mutationOptions({
    mutationKey: ['plans', 'revise', planId],
    mutationFn: () => api.post<PlanVersionDetail>(`/plans/${encodeURIComponent(planId)}/revisions`),
    onSuccess: () => refreshPlans(queryClient),
  });
}

/** Adds a measure to a draft. */
export function createMeasureMutationOptions(queryClient: QueryClient, planId: string, version: number) {
  return mutationOptions({
    mutationKey: ['plans', 'measure', 'create', planId, version],
    mutationFn: (body: MeasureBody) => api.post<MeasureDetail>(`/plans/${encodeURIComponent(planId)}/versions/${version}/measures`, body),
    onSuccess: () => refreshPlans(queryClient),
  });
}

/** Replaces a measure of a draft. */
export function updateMeasureMutationOptions(queryClient: QueryClient, measureId: string) {
  return mutationOptions({
    mutationKey: ['plans', 'measure', 'update', measureId],
    mutationFn: (body: MeasureBody) => api.put<MeasureDetail>(`/measures/${encodeURIComponent(measureId)}`, body),
    onSuccess: () => refreshPlans(queryClient),
  });
}

/** Removes a measure (and its sub-measures) from a draft. */
export function deleteMeasureMutationOptions(queryClient: QueryClient, measureId: string) {
  return mutationOptions({
    mutationKey: ['plans', 'measure', 'delete', measureId],
    mutationFn: () => api.delete<{ ok: true }>(`/measures/${encodeURIComponent(measureId)}`),
    onSuccess: () => refreshPlans(queryClient),
  });
}

/** Posts a dated update on a measure. */
export function postUpdateMutationOptions(queryClient: QueryClient, measureId: string) {
  return mutationOptions({
    mutationKey: ['plans', 'measure', 'update-post', measureId],
    mutationFn: (body: MeasureUpdateBody) => api.post<MeasureDetail>(`/measures/${encodeURIComponent(measureId)}/updates`, body),
    onSuccess: () => refreshPlans(queryClient),
  });
}
