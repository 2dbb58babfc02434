import type { Download, DownloadList, DownloadRequest } from '@lykt/shared';
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const downloadsKeys = { all: ['downloads'] as const };

export const isPending = (download: Download) => download.status === 'queued' || download.status === 'running';

/** The user's downloads; polled every second while one is being made, then not at all. */
export function downloadsQueryOptions() {
  return queryOptions({
    queryKey: downloadsKeys.all,
    queryFn: ({ signal }) => api.get<DownloadList>('/downloads', { signal }),
    refetchInterval: (query) => (query.state.data?.items.some(isPending) ? 1000 : false),
  });
}

export function requestDownloadMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationFn: (body: DownloadRequest) => api.post<Download>('/downloads', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: downloadsKeys.all }),
  });
}

export function deleteDownloadMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationFn: (id: string) => api.delete<null>(`/downloads/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: downloadsKeys.all }),
  });
}

/** The file of a ready download (a plain link: the browser saves it; the server audits the fetch). */
export const downloadFileUrl = (id: string) => `/api/v1/downloads/${encodeURIComponent(id)}/file`;

/** Whether a task is for the same thing (so a page shows its own downloads when the user comes back). */
export function sameRequest(a: DownloadRequest, b: DownloadRequest): boolean {
  if (a.kind === 'report' && b.kind === 'report') return a.reportId === b.reportId && a.version === b.version && a.format === b.format;
  if (a.kind === 'statistics' && b.kind === 'statistics') {
    return a.query.year === b.query.year && (a.query.pool ?? 1) === (b.query.pool ?? 1) && a.query.format === b.query.format && a.query.lang === b.query.lang && (a.query.table ?? null) === (b.query.table ?? null);
  }
  return false;
}
