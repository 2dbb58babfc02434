import type { ArticleLang, Attempt, AttemptResult, PlanLink, PlanLinkBody, SubmitAttemptBody, TrainingSettings, TrainingSettingsBody } from '@lykt/shared';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { trainingKeys } from './queries';

const refresh = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: trainingKeys.all });

export function startAttemptMutationOptions(key: string, lang: ArticleLang) {
  return mutationOptions({
    mutationKey: ['training', 'attempt', key],
    mutationFn: () => api.post<Attempt>(`/training/modules/${encodeURIComponent(key)}/attempts?lang=${lang}`),
  });
}

export function submitAttemptMutationOptions(queryClient: QueryClient, attemptId: string) {
  return mutationOptions({
    mutationKey: ['training', 'submit', attemptId],
    mutationFn: (body: SubmitAttemptBody) => api.post<AttemptResult>(`/training/attempts/${encodeURIComponent(attemptId)}/submit`, body),
    onSuccess: () => refresh(queryClient),
  });
}

export function saveSettingsMutationOptions(queryClient: QueryClient, key: string) {
  return mutationOptions({
    mutationKey: ['training', 'settings', key],
    mutationFn: (body: TrainingSettingsBody) => api.put<TrainingSettings>(`/training/settings/${encodeURIComponent(key)}`, body),
    onSuccess: () => refresh(queryClient),
  });
}

export function createPlanLinkMutationOptions(queryClient: QueryClient, lang: ArticleLang) {
  return mutationOptions({
    mutationKey: ['training', 'links', 'create'],
    mutationFn: (body: PlanLinkBody) => api.post<PlanLink>(`/training/plan-links?lang=${lang}`, body),
    onSuccess: () => refresh(queryClient),
  });
}

export function applyPlanLinkMutationOptions(queryClient: QueryClient, lang: ArticleLang) {
  return mutationOptions({
    mutationKey: ['training', 'links', 'apply'],
    mutationFn: (linkId: string) => api.post<PlanLink>(`/training/plan-links/${encodeURIComponent(linkId)}/apply?lang=${lang}`),
    onSuccess: async () => {
      await refresh(queryClient);
      await queryClient.invalidateQueries({ queryKey: ['plans'] });
    },
  });
}

export function deletePlanLinkMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['training', 'links', 'delete'],
    mutationFn: (linkId: string) => api.delete<{ ok: true }>(`/training/plan-links/${encodeURIComponent(linkId)}`),
    onSuccess: () => refresh(queryClient),
  });
}
