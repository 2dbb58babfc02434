import type { Contract, ContractBody, DeclarationLink, TemplateBody } from '@lykt/shared';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { procurementKeys, type ProcurementTemplate } from './queries';

export function createContractMutationOptions(queryClient: QueryClient, lang: 'nb' | 'en') {
  return mutationOptions({
    mutationKey: ['procurement', 'create'],
    mutationFn: (body: ContractBody) => api.post<Contract>(`/procurement/contracts?lang=${lang}`, body),
    onSuccess: (contract) => {
      queryClient.setQueryData(procurementKeys.contract(contract.id), contract);
      return queryClient.invalidateQueries({ queryKey: procurementKeys.list() });
    },
  });
}

/** Any change to one contract: the API answers with the whole contract, which replaces the cached one. */
export function contractChangeMutationOptions(queryClient: QueryClient, contractId: string, name: string) {
  return mutationOptions({
    mutationKey: ['procurement', contractId, name],
    mutationFn: ({ method, path, body }: { method: 'POST' | 'PUT' | 'DELETE'; path: string; body?: unknown }) => {
      const url = `/procurement/contracts/${encodeURIComponent(contractId)}${path}`;
      return method === 'POST' ? api.post<Contract>(url, body ?? {}) : method === 'PUT' ? api.put<Contract>(url, body ?? {}) : api.delete<Contract>(url);
    },
    onSuccess: async (contract) => {
      queryClient.setQueryData(procurementKeys.contract(contractId), contract);
      // Checks and measure links change a measure's progress.
      await queryClient.invalidateQueries({ queryKey: procurementKeys.measures() });
      return queryClient.invalidateQueries({ queryKey: procurementKeys.list() });
    },
  });
}

export function createDeclarationMutationOptions(queryClient: QueryClient, contractId: string) {
  return mutationOptions({
    mutationKey: ['procurement', contractId, 'declaration'],
    mutationFn: (body: { validDays: number; language: 'nb' | 'en' }) => api.post<DeclarationLink>(`/procurement/contracts/${encodeURIComponent(contractId)}/declarations`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: procurementKeys.contract(contractId) }),
  });
}

/** Replaces the municipality's requirement template (add, change or retire a requirement). */
export function templateMutationOptions(queryClient: QueryClient, lang: 'nb' | 'en') {
  return mutationOptions({
    mutationKey: ['procurement', 'template'],
    mutationFn: (body: TemplateBody) => api.put<ProcurementTemplate>(`/procurement/template?lang=${lang}`, body),
    onSuccess: (template) => queryClient.setQueryData(procurementKeys.template(lang), template),
  });
}
