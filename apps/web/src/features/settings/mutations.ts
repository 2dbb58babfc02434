import type { MunicipalitySettings, SetMunicipalityLogoBody, UpdateMunicipalityBody } from '@lykt/shared';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { meQueryKey } from '../auth/queries';
import { municipalityKeys } from './queries';

/** Changes the municipality's name, languages or MFA policy. */
export function updateMunicipalityMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['municipality', 'update'],
    mutationFn: (body: UpdateMunicipalityBody) => api.patch<MunicipalitySettings>('/municipality', body),
    onSuccess: async (settings) => {
      queryClient.setQueryData(municipalityKeys.settings, settings);
      // The header shows the municipality's name and /me carries the MFA policy.
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

/** Uploads the logo for the municipality's documents (base64 PNG or JPEG). */
export function setLogoMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['municipality', 'logo', 'set'],
    mutationFn: (body: SetMunicipalityLogoBody) => api.put<MunicipalitySettings>('/municipality/logo', body),
    onSuccess: (settings) => queryClient.setQueryData(municipalityKeys.settings, settings),
  });
}

/** Removes the logo from the municipality's documents. */
export function removeLogoMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['municipality', 'logo', 'remove'],
    mutationFn: () => api.delete<MunicipalitySettings>('/municipality/logo'),
    onSuccess: (settings) => queryClient.setQueryData(municipalityKeys.settings, settings),
  });
}
