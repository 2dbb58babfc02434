import type { CreateUserBody, EndSessionsResponseSchema, UpdateUserBody, User } from '@lykt/shared';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';
import { usersKeys } from './queries';

type EndSessionsResponse = z.infer<typeof EndSessionsResponseSchema>;

/** Puts a changed user into the cache and refreshes lists that may show it. */
function storeUser(queryClient: QueryClient, user: User): Promise<void> {
  queryClient.setQueryData(usersKeys.detail(user.id), user);
  return queryClient.invalidateQueries({ queryKey: usersKeys.lists() });
}

/** Creates a user. */
export function createUserMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['users', 'create'],
    mutationFn: (body: CreateUserBody) => api.post<User>('/users', body),
    onSuccess: (user) => storeUser(queryClient, user),
  });
}

/** Changes a user's name, role, organisation or active state. */
export function updateUserMutationOptions(queryClient: QueryClient, id: string) {
  return mutationOptions({
    mutationKey: ['users', 'update', id],
    mutationFn: (body: UpdateUserBody) => api.patch<User>(`/users/${encodeURIComponent(id)}`, body),
    onSuccess: (user) => storeUser(queryClient, user),
  });
}

/** Removes a user's MFA so they enrol again at the next sign-in. */
export function resetUserMfaMutationOptions(queryClient: QueryClient, id: string) {
  return mutationOptions({
    mutationKey: ['users', 'mfa-reset', id],
    mutationFn: () => api.post<User>(`/users/${encodeURIComponent(id)}/mfa-reset`),
    onSuccess: (user) => storeUser(queryClient, user),
  });
}

/** Signs a user out everywhere. */
export function endUserSessionsMutationOptions(queryClient: QueryClient, id: string) {
  return mutationOptions({
    mutationKey: ['users', 'end-sessions', id],
    mutationFn: () => api.delete<EndSessionsResponse>(`/users/${encodeURIComponent(id)}/sessions`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKeys.sessions(id) }),
  });
}
