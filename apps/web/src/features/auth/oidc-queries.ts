import type { CreateOidcProviderBody, OidcProvider, OidcSignInOptions, SignInPolicy } from '@lykt/shared';
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const oidcKeys = {
  options: ['oidc', 'sign-in-options'] as const,
  providers: ['oidc', 'providers'] as const,
  policy: ['oidc', 'policy'] as const,
};

/** The providers offered on the sign-in page. */
export function oidcSignInOptionsQueryOptions() {
  return queryOptions({
    queryKey: oidcKeys.options,
    queryFn: ({ signal }) => api.get<OidcSignInOptions>('/auth/oidc/providers', { signal, silent: true }),
    staleTime: 60_000,
  });
}

/** The municipality's providers with their configuration (administrators). */
export function oidcProvidersQueryOptions() {
  return queryOptions({
    queryKey: oidcKeys.providers,
    queryFn: ({ signal }) => api.get<{ items: OidcProvider[] }>('/oidc/providers', { signal }),
  });
}

export function signInPolicyQueryOptions() {
  return queryOptions({ queryKey: oidcKeys.policy, queryFn: ({ signal }) => api.get<SignInPolicy>('/oidc/sign-in-policy', { signal }) });
}

export function createOidcProviderMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationFn: (body: CreateOidcProviderBody) => api.post<OidcProvider>('/oidc/providers', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['oidc'] }),
  });
}

export function removeOidcProviderMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/oidc/providers/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['oidc'] }),
  });
}

export function setSignInPolicyMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationFn: (body: SignInPolicy) => api.put<SignInPolicy>('/oidc/sign-in-policy', body),
    onSuccess: (data) => queryClient.setQueryData(oidcKeys.policy, data),
  });
}
