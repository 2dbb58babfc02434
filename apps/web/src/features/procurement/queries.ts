import type { Contract, ContractSummary, ProcurementMeasure, TemplateItem } from '@lykt/shared';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const procurementKeys = {
  all: ['procurement'] as const,
  list: () => [...procurementKeys.all, 'contracts'] as const,
  contract: (id: string) => [...procurementKeys.all, 'contract', id] as const,
  template: (lang: string) => [...procurementKeys.all, 'template', lang] as const,
  measures: () => [...procurementKeys.all, 'measures'] as const,
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

export type ProcurementTemplate = { items: TemplateItem[]; isDefault: boolean; updatedAt: string | null };

export function templateQueryOptions(lang: 'nb' | 'en') {
  return queryOptions({
    queryKey: procurementKeys.template(lang),
    queryFn: ({ signal }) => api.get<ProcurementTemplate>(`/procurement/template?lang=${lang}`, { signal }),
  });
}

export function measuresQueryOptions() {
  return queryOptions({
    queryKey: procurementKeys.measures(),
    queryFn: ({ signal }) => api.get<{ items: ProcurementMeasure[] }>('/procurement/measures', { signal }),
  });
}
