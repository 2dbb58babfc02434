import type { MeResponse } from '@lykt/shared';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const meQueryKey = ['me'] as const;

/** The signed-in user, their organisation, municipality, permissions and session. */
export function meQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => api.get<MeResponse>('/me', { signal }),
    staleTime: 60_000,
  });
}

/** Reads /me without triggering the global session-lost handler (route guards decide themselves). */
export function fetchMeQuietly(): Promise<MeResponse> {
  return api.get<MeResponse>('/me', { silent: true });
}
