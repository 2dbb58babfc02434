import type { TipAssigneeList, TipDetail, TipList, TipPublicSettings } from '@lykt/shared';
import type { TipsSearch } from './search';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

/** Tips per page of the inbox (keyset-paged). */
export const TIPS_PAGE_SIZE = 50;

export const tipsKeys = {
  all: ['tips'] as const,
  lists: () => [...tipsKeys.all, 'list'] as const,
  list: (search: TipsSearch) => [...tipsKeys.lists(), search] as const,
  detail: (id: string) => [...tipsKeys.all, 'detail', id] as const,
  assignees: () => [...tipsKeys.all, 'assignees'] as const,
  settings: () => [...tipsKeys.all, 'settings'] as const,
};

/** The tip inbox, optionally one status only. */
export function tipsQueryOptions(search: TipsSearch) {
  return queryOptions({
    queryKey: tipsKeys.list(search),
    queryFn: ({ signal }) => api.get<TipList>('/tips', { query: { ...search, limit: TIPS_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One tip with its content and conversation. Every fetch is audited as a read, so it is not refetched on focus. */
export function tipQueryOptions(id: string) {
  return queryOptions({
    queryKey: tipsKeys.detail(id),
    queryFn: ({ signal }) => api.get<TipDetail>(`/tips/${encodeURIComponent(id)}`, { signal }),
    refetchOnWindowFocus: false,
    staleTime: 60_000,
  });
}

/** Coordinators and caseworkers a tip can be assigned to. */
export function tipAssigneesQueryOptions() {
  return queryOptions({ queryKey: tipsKeys.assignees(), queryFn: ({ signal }) => api.get<TipAssigneeList>('/tips/assignees', { signal }) });
}

/** The public pages' switches and the municipality's own contact texts. */
export function tipSettingsQueryOptions() {
  return queryOptions({ queryKey: tipsKeys.settings(), queryFn: ({ signal }) => api.get<TipPublicSettings>('/tips/settings', { signal }) });
}
