import type { ChangePasswordBody, OkResponseSchema, UpdateMeBody } from '@lykt/shared';
import { mutationOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';

type OkResponse = z.infer<typeof OkResponseSchema>;

/** Saves the user's preferred language (null: the municipality's default). */
export function updateMeMutationOptions() {
  return mutationOptions({
    mutationKey: ['me', 'update'],
    mutationFn: (body: UpdateMeBody) => api.patch<unknown>('/me', body),
  });
}

/** Changes the user's own password. */
export function changePasswordMutationOptions() {
  return mutationOptions({
    mutationKey: ['me', 'password'],
    mutationFn: (body: ChangePasswordBody) => api.post<OkResponse>('/me/password', body),
  });
}
