import type { CloseReason, Concern, ConcernBody, ConcernIdentifyingDetails, Screening, ScreeningBody } from '@lykt/shared';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { identificationKeys } from './queries';

function storeConcern(queryClient: QueryClient, concern: Concern): Promise<void> {
  queryClient.setQueryData(identificationKeys.concern(concern.id), concern);
  return queryClient.invalidateQueries({ queryKey: [...identificationKeys.concerns, 'list'] });
}

/** Saves a screening; the server scores it with the same code and records the catalogue version. */
export function saveScreeningMutationOptions() {
  return mutationOptions({
    mutationKey: ['identification', 'screening', 'save'],
    mutationFn: (body: ScreeningBody) => api.post<Screening>('/screenings', body),
  });
}

export function createConcernMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['identification', 'concern', 'create'],
    mutationFn: (body: ConcernBody) => api.post<Concern>('/concerns', body),
    onSuccess: (concern) => storeConcern(queryClient, concern),
  });
}

export function assignConcernMutationOptions(queryClient: QueryClient, id: string) {
  return mutationOptions({
    mutationKey: ['identification', 'concern', 'assign', id],
    mutationFn: (caseworkerId: string) => api.post<Concern>(`/concerns/${encodeURIComponent(id)}/assignment`, { caseworkerId }),
    onSuccess: (concern) => storeConcern(queryClient, concern),
  });
}

export function askReporterMutationOptions(queryClient: QueryClient, id: string) {
  return mutationOptions({
    mutationKey: ['identification', 'concern', 'ask', id],
    mutationFn: (text: string) => api.post<Concern>(`/concerns/${encodeURIComponent(id)}/questions`, { text }),
    onSuccess: (concern) => storeConcern(queryClient, concern),
  });
}

export function answerQuestionMutationOptions(queryClient: QueryClient, id: string) {
  return mutationOptions({
    mutationKey: ['identification', 'concern', 'answer', id],
    mutationFn: (text: string) => api.post<Concern>(`/concerns/${encodeURIComponent(id)}/answers`, { text }),
    onSuccess: (concern) => storeConcern(queryClient, concern),
  });
}

export function closeConcernMutationOptions(queryClient: QueryClient, id: string) {
  return mutationOptions({
    mutationKey: ['identification', 'concern', 'close', id],
    mutationFn: (reason: CloseReason) => api.post<Concern>(`/concerns/${encodeURIComponent(id)}/closure`, { reason }),
    onSuccess: (concern) => storeConcern(queryClient, concern),
  });
}

/** Reveals the identifying details: an audited read, done only on request and never cached. */
export function revealDetailsMutationOptions(id: string) {
  return mutationOptions({
    mutationKey: ['identification', 'concern', 'details', id],
    mutationFn: () => api.get<ConcernIdentifyingDetails>(`/concerns/${encodeURIComponent(id)}/identifying-details`),
  });
}
