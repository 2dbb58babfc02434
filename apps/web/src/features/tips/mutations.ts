import type { TipDetail, TipMessageBody, TipPublicSettings, TipToConcernBody, TipToConcernResult, TipUpdateBody } from '@lykt/shared';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { tipsKeys } from './queries';

function storeTip(queryClient: QueryClient, tip: TipDetail): Promise<void> {
  queryClient.setQueryData(tipsKeys.detail(tip.id), tip);
  return queryClient.invalidateQueries({ queryKey: tipsKeys.lists() });
}

/** Changes a tip's status, labels or assignment. */
export function updateTipMutationOptions(queryClient: QueryClient, id: string) {
  return mutationOptions({
    mutationKey: ['tips', 'update', id],
    mutationFn: (body: TipUpdateBody) => api.patch<TipDetail>(`/tips/${encodeURIComponent(id)}`, body),
    onSuccess: (tip) => storeTip(queryClient, tip),
  });
}

/** Sends a reply the tipster can read, or adds an internal note. */
export function addTipMessageMutationOptions(queryClient: QueryClient, id: string) {
  return mutationOptions({
    mutationKey: ['tips', 'message', id],
    mutationFn: (body: TipMessageBody) => api.post<TipDetail>(`/tips/${encodeURIComponent(id)}/messages`, body),
    onSuccess: (tip) => storeTip(queryClient, tip),
  });
}

/** Saves the public pages' settings. */
export function saveTipSettingsMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['tips', 'settings'],
    mutationFn: (body: TipPublicSettings) => api.put<TipPublicSettings>('/tips/settings', body),
    onSuccess: (settings) => {
      queryClient.setQueryData(tipsKeys.settings(), settings);
    },
  });
}

/** Turns a tip into a concern on the identification pathway. */
export function convertTipMutationOptions(queryClient: QueryClient, id: string) {
  return mutationOptions({
    mutationKey: ['tips', 'concern', id],
    mutationFn: (body: TipToConcernBody) => api.post<TipToConcernResult>(`/tips/${encodeURIComponent(id)}/concern`, body),
    onSuccess: (result) => storeTip(queryClient, result.tip),
  });
}
