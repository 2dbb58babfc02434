import type { HomeQueue } from '@lykt/shared';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const homeKeys = { queue: ['home', 'queue'] as const };

/** The signed-in user's work queue: counts for their role, each with its filtered list. */
export function homeQueueQueryOptions() {
  return queryOptions({ queryKey: homeKeys.queue, queryFn: ({ signal }) => api.get<HomeQueue>('/me/queue', { signal }) });
}
