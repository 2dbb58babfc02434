import type { AssigneeListSchema, Concern, ConcernListSchema, Pathway } from '@lykt/shared';
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';
import type { ConcernsSearch } from './search';

export type ConcernList = z.infer<typeof ConcernListSchema>;
export type AssigneeList = z.infer<typeof AssigneeListSchema>;

export const identificationKeys = {
  pathway: ['identification', 'pathway'] as const,
  concerns: ['identification', 'concerns'] as const,
  concernList: (search: ConcernsSearch) => [...identificationKeys.concerns, 'list', search] as const,
  concern: (id: string) => [...identificationKeys.concerns, 'detail', id] as const,
  assignees: ['identification', 'assignees'] as const,
};

export const CONCERN_PAGE_SIZE = 25;

/** The municipality's referral pathway with contacts from the partner registry. */
export function pathwayQueryOptions() {
  return queryOptions({ queryKey: identificationKeys.pathway, queryFn: ({ signal }) => api.get<Pathway>('/pathway', { signal }) });
}

/** Concerns the user may see: all for the coordinator, own or assigned for others. */
export function concernsQueryOptions(search: ConcernsSearch) {
  return queryOptions({
    queryKey: identificationKeys.concernList(search),
    queryFn: ({ signal }) => api.get<ConcernList>('/concerns', { query: { ...search, limit: CONCERN_PAGE_SIZE }, signal }),
  });
}

/** One concern (the read is audited on the server). */
export function concernQueryOptions(id: string) {
  return queryOptions({
    queryKey: identificationKeys.concern(id),
    queryFn: ({ signal }) => api.get<Concern>(`/concerns/${encodeURIComponent(id)}`, { signal }),
  });
}

export function assigneesQueryOptions() {
  return queryOptions({ queryKey: identificationKeys.assignees, queryFn: ({ signal }) => api.get<AssigneeList>('/concerns/assignees', { signal }) });
}
