import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './client';

/** Retries only what may succeed on a second try: network failures and server errors, never 4xx. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (!isApiError(error)) return false;
  return error.code === 'NETWORK_ERROR' || error.status >= 500;
}

/** The app's query client. Session loss is handled once, in the API client's listener. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
