import type { Contract, ContractBody, DeclarationLink } from '@lykt/shared';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { procurementKeys } from './queries';

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
    onSuccess: (contract) => {
      queryClient.setQueryData(procurementKeys.contract(contractId), contract);
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
