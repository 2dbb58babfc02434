import type { Deadlines, MeasureDetail, PlanCompare, PlanSummary, PlanTemplateView, PlanVersionDetail } from '@lykt/shared';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const plansKeys = {
  all: ['plans'] as const,
  list: () => [...plansKeys.all, 'list'] as const,
  plan: (id: string) => [...plansKeys.all, 'plan', id] as const,
  version: (id: string, version: number) => [...plansKeys.all, 'plan', id, 'version', version] as const,
  measure: (id: string) => [...plansKeys.all, 'measure', id] as const,
  deadlines: () => [...plansKeys.all, 'deadlines'] as const,
  compare: (id: string, from: number, to: number) => [...plansKeys.all, 'plan', id, 'compare', from, to] as const,
};

/** The plans the user may see. */
export function plansQueryOptions() {
  return queryOptions({ queryKey: plansKeys.list(), queryFn: ({ signal }) => api.get<{ items: PlanSummary[] }>('/plans', { signal }) });
}

/** One plan version with its measures and roll-up. */
export function planVersionQueryOptions(planId: string, version: number) {
  return queryOptions({
    queryKey: plansKeys.version(planId, version),
    queryFn: ({ signal }) => api.get<PlanVersionDetail>(`/plans/${encodeURIComponent(planId)}/versions/${version}`, { signal }),
  });
}

/** One measure with its sub-measures and timeline. */
export function measureQueryOptions(measureId: string) {
  return queryOptions({ queryKey: plansKeys.measure(measureId), queryFn: ({ signal }) => api.get<MeasureDetail>(`/measures/${encodeURIComponent(measureId)}`, { signal }) });
}

/** Overdue and soon-due measures of the adopted plans. */
export function deadlinesQueryOptions() {
  return queryOptions({ queryKey: plansKeys.deadlines(), queryFn: ({ signal }) => api.get<Deadlines>('/plans/deadlines', { signal }) });
}

/** The action-plan template in a language. */
export function templateQueryOptions(language: 'nb' | 'en') {
  return queryOptions({ queryKey: [...plansKeys.all, 'template', language], queryFn: ({ signal }) => api.get<PlanTemplateView>('/plan-template', { query: { language }, signal }) });
}

/** What changed between two versions. */
export function compareQueryOptions(planId: string, from: number, to: number) {
  return queryOptions({
    queryKey: plansKeys.compare(planId, from, to),
    queryFn: ({ signal }) => api.get<PlanCompare>(`/plans/${encodeURIComponent(planId)}/compare`, { query: { from, to }, signal }),
  });
}
