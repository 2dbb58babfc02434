import type { ContentSourceReview, MunicipalitySettings } from '@lykt/shared';
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

/** The sources behind the shipped content, with their review days (needs content:review). */
export function contentSourcesQueryOptions() {
  return queryOptions({
    queryKey: ['content', 'sources'] as const,
    queryFn: ({ signal }) => api.get<ContentSourceReview>('/content/sources', { signal }),
  });
}
