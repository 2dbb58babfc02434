import type { AuditList } from '@lykt/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AuditSearch } from '../../routes/search';

export const AUDIT_PAGE_SIZE = 50;

export const auditKeys = {
  all: ['audit'] as const,
  list: (search: AuditSearch) => [...auditKeys.all, 'list', search] as const,
};

/** A page of audit events for the filters, sort and cursor in the address. */
export function auditQueryOptions(search: AuditSearch) {
  return queryOptions({
    queryKey: auditKeys.list(search),
    queryFn: ({ signal }) => api.get<AuditList>('/audit', { query: { ...search, limit: AUDIT_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
    // Reading the log is itself audited; do not re-read it just because the window got focus.
    refetchOnWindowFocus: false,
  });
}
