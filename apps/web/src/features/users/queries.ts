import type { SessionListSchema, User, UserList } from '@lykt/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';

import type { UsersSearch } from '../../routes/search';

export type { UserList };
export type SessionList = z.infer<typeof SessionListSchema>;
export type Session = SessionList['items'][number];

/** Filters, sort and page of the users list, as sent to GET /users. */
export type UserListParams = UsersSearch & { limit: number };

export const usersKeys = {
  all: ['users'] as const,
  lists: () => [...usersKeys.all, 'list'] as const,
  list: (params: UserListParams) => [...usersKeys.lists(), params] as const,
  detail: (id: string) => [...usersKeys.all, 'detail', id] as const,
  sessions: (id: string) => [...usersKeys.all, 'sessions', id] as const,
};

/** A page of users matching the filters. */
export function usersQueryOptions(params: UserListParams) {
  return queryOptions({
    queryKey: usersKeys.list(params),
    queryFn: ({ signal }) => api.get<UserList>('/users', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One user. */
export function userQueryOptions(id: string) {
  return queryOptions({
    queryKey: usersKeys.detail(id),
    queryFn: ({ signal }) => api.get<User>(`/users/${encodeURIComponent(id)}`, { signal }),
  });
}

/** A user's active sessions (viewing them is audited). */
export function userSessionsQueryOptions(id: string) {
  return queryOptions({
    queryKey: usersKeys.sessions(id),
    queryFn: ({ signal }) => api.get<SessionList>(`/users/${encodeURIComponent(id)}/sessions`, { signal }),
    // Every read writes an audit event, so do not refetch just because the window got focus.
    refetchOnWindowFocus: false,
    staleTime: 60_000,
  });
}
