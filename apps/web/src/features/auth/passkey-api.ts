import type { LoginResponse, MfaMethods, Passkey, PasskeyList, SessionState } from '@lykt/shared';
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { api } from '../../api/client';
import { meQueryKey } from './queries';

/** The WebAuthn browser helpers, loaded when a passkey is first used (not with the sign-in page). */
const webauthn = () => import('@simplewebauthn/browser');

export const passkeysQueryKey = ['me', 'passkeys'] as const;

/** The user's own passkeys. */
export function passkeysQueryOptions() {
  return queryOptions({
    queryKey: passkeysQueryKey,
    queryFn: () => api.get<PasskeyList>('/me/passkeys'),
  });
}

/** Which second factors may finish this sign-in. */
export function mfaMethodsQueryOptions() {
  return queryOptions({
    queryKey: ['auth', 'mfa', 'methods'],
    queryFn: () => api.get<MfaMethods>('/auth/mfa/methods', { silent: true }),
    staleTime: Infinity,
  });
}

/** Passwordless sign-in: challenge from the server, the browser's passkey prompt, then the server's check. */
export function passkeySignInMutationOptions() {
  return mutationOptions({
    mutationKey: ['auth', 'passkey'],
    mutationFn: async () => {
      const optionsJSON = await api.post<PublicKeyCredentialRequestOptionsJSON>('/auth/passkey/options', {});
      const response = await (await webauthn()).startAuthentication({ optionsJSON });
      return api.post<LoginResponse>('/auth/passkey/verify', { response });
    },
  });
}

/** A passkey as the second factor after the password. */
export function passkeySecondFactorMutationOptions() {
  return mutationOptions({
    mutationKey: ['auth', 'mfa', 'passkey'],
    mutationFn: async () => {
      const optionsJSON = await api.post<PublicKeyCredentialRequestOptionsJSON>('/auth/mfa/passkey/options', {});
      const response = await (await webauthn()).startAuthentication({ optionsJSON });
      return api.post<LoginResponse>('/auth/mfa/passkey/verify', { response });
    },
  });
}

/** Registers a passkey on this device (in the profile, or as a sign-in step). */
export function registerPasskeyMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['me', 'passkeys', 'register'],
    mutationFn: async (name: string) => {
      const optionsJSON = await api.post<PublicKeyCredentialCreationOptionsJSON>('/me/passkeys/options', {});
      const response = await (await webauthn()).startRegistration({ optionsJSON });
      return api.post<{ passkey: Passkey; state: SessionState }>('/me/passkeys', { name, response });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: passkeysQueryKey });
    },
  });
}

export function renamePasskeyMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['me', 'passkeys', 'rename'],
    mutationFn: ({ id, name }: { id: string; name: string }) => api.patch<Passkey>(`/me/passkeys/${id}`, { name }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: passkeysQueryKey });
    },
  });
}

export function removePasskeyMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['me', 'passkeys', 'remove'],
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/me/passkeys/${id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: passkeysQueryKey });
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

/** Recovery: an administrator removes all of a user's passkeys. */
export function resetUserPasskeysMutationOptions() {
  return mutationOptions({
    mutationKey: ['users', 'passkeys-reset'],
    mutationFn: (userId: string) => api.post<{ removed: number }>(`/users/${userId}/passkeys-reset`, {}),
  });
}
