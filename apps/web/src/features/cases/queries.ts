import type {
  CandidateListSchema,
  Case,
  CaseExportLanguage,
  CaseListSchema,
  CaseReadLogSchema,
  CaseReminderListSchema,
  DuplicateListSchema,
  OrganisationOptionListSchema,
  PartnerReferral,
  PartnerReferralListSchema,
} from '@lykt/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';
import type { CasesSearch, PartnerReferralsSearch } from './search';

export type CaseList = z.infer<typeof CaseListSchema>;
export type CandidateList = z.infer<typeof CandidateListSchema>;
export type OrganisationOptionList = z.infer<typeof OrganisationOptionListSchema>;
export type CaseReadLog = z.infer<typeof CaseReadLogSchema>;
export type DuplicateList = z.infer<typeof DuplicateListSchema>;
export type CaseReminderList = z.infer<typeof CaseReminderListSchema>;
export type PartnerReferralList = z.infer<typeof PartnerReferralListSchema>;

export const CASE_PAGE_SIZE = 25;

export const caseKeys = {
  all: ['cases'] as const,
  list: (search: CasesSearch) => ['cases', 'list', search] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  reads: (id: string) => ['cases', 'reads', id] as const,
  duplicates: (id: string) => ['cases', 'duplicates', id] as const,
  candidates: ['cases', 'candidates'] as const,
  organisations: ['cases', 'organisations'] as const,
  reminders: ['cases', 'reminders'] as const,
  settings: ['cases', 'settings'] as const,
  partner: ['partner-referrals'] as const,
  partnerDetail: (id: string) => ['partner-referrals', 'detail', id] as const,
};

/** Cases the user may see: all for the coordinator, the team's cases for others. */
export function casesQueryOptions(search: CasesSearch) {
  return queryOptions({
    queryKey: caseKeys.list(search),
    queryFn: ({ signal }) => api.get<CaseList>('/cases', { query: { ...search, limit: CASE_PAGE_SIZE }, signal }),
  });
}

/** One case (every read is audited on the server). */
export function caseQueryOptions(id: string) {
  return queryOptions({ queryKey: caseKeys.detail(id), queryFn: ({ signal }) => api.get<Case>(`/cases/${encodeURIComponent(id)}`, { signal }) });
}

export function caseReadsQueryOptions(id: string) {
  return queryOptions({ queryKey: caseKeys.reads(id), queryFn: ({ signal }) => api.get<CaseReadLog>(`/cases/${encodeURIComponent(id)}/reads`, { signal }) });
}

export function caseDuplicatesQueryOptions(id: string) {
  return queryOptions({ queryKey: caseKeys.duplicates(id), queryFn: ({ signal }) => api.get<DuplicateList>(`/cases/${encodeURIComponent(id)}/duplicates`, { signal }) });
}

export function teamCandidatesQueryOptions() {
  return queryOptions({ queryKey: caseKeys.candidates, queryFn: ({ signal }) => api.get<CandidateList>('/cases/team-candidates', { signal }) });
}

export function caseOrganisationsQueryOptions() {
  return queryOptions({ queryKey: caseKeys.organisations, queryFn: ({ signal }) => api.get<OrganisationOptionList>('/cases/organisations', { signal }) });
}

export function caseRemindersQueryOptions() {
  return queryOptions({ queryKey: caseKeys.reminders, queryFn: ({ signal }) => api.get<CaseReminderList>('/cases/reminders', { signal }) });
}

export function partnerReferralsQueryOptions(search: PartnerReferralsSearch = {}) {
  return queryOptions({
    queryKey: [...caseKeys.partner, 'list', search],
    queryFn: ({ signal }) => api.get<PartnerReferralList>('/partner/referrals', { query: { ...search, limit: 50 }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One referral with only its shared fields (the read is audited on the case). */
export function partnerReferralQueryOptions(id: string) {
  return queryOptions({ queryKey: caseKeys.partnerDetail(id), queryFn: ({ signal }) => api.get<PartnerReferral>(`/partner/referrals/${encodeURIComponent(id)}`, { signal }) });
}

/** The address of a case's PDF export (a plain link: the browser downloads it with the session cookie). */
/** The person's own copy (GDPR art. 15); an export to anyone else is a POST (see exportToRecipientMutationOptions). */
export function caseExportUrl(id: string, language: CaseExportLanguage = 'nb'): string {
  return `/api/v1/cases/${encodeURIComponent(id)}/export?purpose=data_subject&lang=${language}`;
}

/** The municipality's retention period for case personal data (coordinator). */
export function caseSettingsQueryOptions() {
  return queryOptions({ queryKey: caseKeys.settings, queryFn: ({ signal }) => api.get<{ retentionMonths: number }>('/cases/settings', { signal }) });
}
