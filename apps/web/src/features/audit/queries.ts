import type { AuditAction, AuditListSchema } from '@lykt/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';

export type AuditList = z.infer<typeof AuditListSchema>;

/** Filters and page of the audit log, as sent to GET /audit. */
export interface AuditListParams {
  action?: AuditAction | undefined;
  entityType?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (params: AuditListParams) => [...auditKeys.all, 'list', params] as const,
};

/** A page of audit events, newest first. */
export function auditQueryOptions(params: AuditListParams) {
  return queryOptions({
    queryKey: auditKeys.list(params),
    queryFn: ({ signal }) => api.get<AuditList>('/audit', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
    // Reading the log is itself audited; do not re-read it just because the window got focus.
    refetchOnWindowFocus: false,
  });
}
