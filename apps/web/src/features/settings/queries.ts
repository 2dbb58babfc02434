import type { MunicipalitySettings } from '@lykt/shared';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const municipalityKeys = { settings: ['municipality'] as const };

/** The municipality's settings. */
export function municipalityQueryOptions() {
  return queryOptions({
    queryKey: municipalityKeys.settings,
    queryFn: ({ signal }) => api.get<MunicipalitySettings>('/municipality', { signal }),
  });
}
