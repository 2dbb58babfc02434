import type {
  Case,
  CaseCreateBody,
  CaseFactsBody,
  CaseRecipientExportBody,
  CasePerson,
  ConsentBody,
  NeedKind,
  NeedStatus,
  PartnerReferral,
  ReferralBody,
} from '@lykt/shared';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { api, type ApiFile } from '../../api/client';
import { caseKeys } from './queries';

function storeCase(queryClient: QueryClient, theCase: Case): Promise<void> {
  queryClient.setQueryData(caseKeys.detail(theCase.id), theCase);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['cases', 'list'] }),
    queryClient.invalidateQueries({ queryKey: caseKeys.reminders }),
  ]).then(() => undefined);
}

const path = (id: string, rest = '') => `/cases/${encodeURIComponent(id)}${rest}`;

/** One change to a case: the server answers with the whole case, which replaces the cached one. */
function caseMutation<TInput>(queryClient: QueryClient, caseId: string, name: string, send: (input: TInput) => Promise<Case>) {
  return mutationOptions({
    mutationKey: ['cases', name, caseId],
    mutationFn: send,
    onSuccess: (theCase: Case) => storeCase(queryClient, theCase),
  });
}

export function createCaseMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['cases', 'create'],
    mutationFn: (body: CaseCreateBody) => api.post<Case>('/cases', body),
    onSuccess: (theCase) => storeCase(queryClient, theCase),
  });
}

export const updateFactsMutationOptions = (qc: QueryClient, id: string) => caseMutation(qc, id, 'facts', (body: CaseFactsBody) => api.patch<Case>(path(id, '/facts'), body));
export const updatePersonMutationOptions = (qc: QueryClient, id: string) => caseMutation(qc, id, 'person', (body: CasePerson) => api.put<Case>(path(id, '/person'), body));
export const changeStatusMutationOptions = (qc: QueryClient, id: string) => caseMutation(qc, id, 'status', (status: 'open' | 'follow_up') => api.put<Case>(path(id, '/status'), { status }));
export const addMemberMutationOptions = (qc: QueryClient, id: string) => caseMutation(qc, id, 'member-add', (userId: string) => api.post<Case>(path(id, '/members'), { userId }));
export const removeMemberMutationOptions = (qc: QueryClient, id: string) =>
  caseMutation(qc, id, 'member-remove', (userId: string) => api.delete<Case>(path(id, `/members/${encodeURIComponent(userId)}`)));
export const updateNeedMutationOptions = (qc: QueryClient, id: string) =>
  caseMutation(qc, id, 'need', (input: { kind: NeedKind; status: NeedStatus; note: string | null }) => api.put<Case>(path(id, `/needs/${input.kind}`), { status: input.status, note: input.note }));
export const safetyPlanMutationOptions = (qc: QueryClient, id: string) => caseMutation(qc, id, 'safety-plan', (text: string) => api.put<Case>(path(id, '/safety-plan'), { text }));
export const addTaskMutationOptions = (qc: QueryClient, id: string) =>
  caseMutation(qc, id, 'task-add', (body: { title: string; ownerUserId: string; dueOn: string }) => api.post<Case>(path(id, '/tasks'), body));
export const taskDoneMutationOptions = (qc: QueryClient, id: string) =>
  caseMutation(qc, id, 'task-done', (input: { taskId: string; done: boolean }) => api.patch<Case>(path(id, `/tasks/${encodeURIComponent(input.taskId)}`), { done: input.done }));
export const addJournalMutationOptions = (qc: QueryClient, id: string) =>
  caseMutation(qc, id, 'journal', (body: { entryDate: string; text: string }) => api.post<Case>(path(id, '/journal'), body));
export const closeCaseMutationOptions = (qc: QueryClient, id: string) =>
  caseMutation(qc, id, 'close', (body: { status: 'closed' | 'closed_referred'; reason: string; outcome: Case['facts']['outcome'] }) => api.post<Case>(path(id, '/closure'), body));
export const reopenCaseMutationOptions = (qc: QueryClient, id: string) => caseMutation(qc, id, 'reopen', (reason: string) => api.post<Case>(path(id, '/reopening'), { reason }));
export const breakGlassMutationOptions = (qc: QueryClient, id: string) => caseMutation(qc, id, 'break-glass', (reason: string) => api.post<Case>(path(id, '/break-glass'), { reason }));
export const eraseMutationOptions = (qc: QueryClient, id: string) => caseMutation(qc, id, 'erase', (reason: string) => api.post<Case>(path(id, '/erasure'), { reason }));
export const recordConsentMutationOptions = (qc: QueryClient, id: string) => caseMutation(qc, id, 'consent', (body: ConsentBody) => api.post<Case>(path(id, '/consents'), body));
export const withdrawConsentMutationOptions = (qc: QueryClient, id: string) =>
  caseMutation(qc, id, 'consent-withdraw', (consentId: string) => api.post<Case>(path(id, `/consents/${encodeURIComponent(consentId)}/withdrawal`)));
export const sendReferralMutationOptions = (qc: QueryClient, id: string) => caseMutation(qc, id, 'referral', (body: ReferralBody) => api.post<Case>(path(id, '/referrals'), body));
export const revokeReferralMutationOptions = (qc: QueryClient, id: string) =>
  caseMutation(qc, id, 'referral-revoke', (input: { referralId: string; reason: string }) => api.post<Case>(path(id, `/referrals/${encodeURIComponent(input.referralId)}/revocation`), { reason: input.reason }));

function storePartnerReferral(queryClient: QueryClient, referral: PartnerReferral): Promise<void> {
  queryClient.setQueryData(caseKeys.partnerDetail(referral.id), referral);
  return queryClient.invalidateQueries({ queryKey: caseKeys.partner, exact: true });
}

export function respondReferralMutationOptions(queryClient: QueryClient, id: string) {
  return mutationOptions({
    mutationKey: ['partner-referrals', 'respond', id],
    mutationFn: (body: { decision: 'accept' | 'decline'; reason: string | null }) => api.post<PartnerReferral>(`/partner/referrals/${encodeURIComponent(id)}/response`, body),
    onSuccess: (referral) => storePartnerReferral(queryClient, referral),
  });
}

export function updatePartnerReferralMutationOptions(queryClient: QueryClient, id: string) {
  return mutationOptions({
    mutationKey: ['partner-referrals', 'update', id],
    mutationFn: (body: { text: string; completed: boolean }) => api.post<PartnerReferral>(`/partner/referrals/${encodeURIComponent(id)}/updates`, body),
    onSuccess: (referral) => storePartnerReferral(queryClient, referral),
  });
}

export function updateCaseSettingsMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['cases', 'settings'],
    mutationFn: (retentionMonths: number) => api.put<{ retentionMonths: number }>('/cases/settings', { retentionMonths }),
    onSuccess: (settings) => queryClient.setQueryData(caseKeys.settings, settings),
  });
}

/** Saves a file the browser received (a PDF export) under the server's file name. */
function saveFile(file: ApiFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Export to a named organisation: the server decides what consent or the legal basis covers; the PDF is saved. */
export function exportToRecipientMutationOptions(queryClient: QueryClient, caseId: string) {
  return mutationOptions({
    mutationKey: ['cases', 'export', caseId],
    mutationFn: (body: CaseRecipientExportBody) => api.postForFile(path(caseId, '/exports'), body),
    onSuccess: (file: ApiFile) => {
      saveFile(file);
      return queryClient.invalidateQueries({ queryKey: caseKeys.reads(caseId) });
    },
  });
}
