import type { Contract, ContractSummary } from '@lykt/shared';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const procurementKeys = {
  all: ['procurement'] as const,
  list: () => [...procurementKeys.all, 'contracts'] as const,
  contract: (id: string) => [...procurementKeys.all, 'contract', id] as const,
};

export function contractsQueryOptions() {
  return queryOptions({
    queryKey: procurementKeys.list(),
    queryFn: ({ signal }) => api.get<{ items: ContractSummary[]; canWrite: boolean }>('/procurement/contracts', { signal }),
  });
}

export function contractQueryOptions(id: string) {
  return queryOptions({
    queryKey: procurementKeys.contract(id),
    queryFn: ({ signal }) => api.get<Contract>(`/procurement/contracts/${encodeURIComponent(id)}`, { signal }),
  });
}
