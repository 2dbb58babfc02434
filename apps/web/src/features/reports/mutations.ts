import type { PublicPlanSetting, PublicPlanSettingBody, ReportCaseFields, ReportCreateBody, ReportNarrative, ReportSummary, ReportVersionDetail } from '@lykt/shared';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { reportsKeys } from './queries';

const refresh = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: reportsKeys.all });

/** Creates the report for a year (draft version 1). */
export function createReportMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['reports', 'create'],
    mutationFn: (body: ReportCreateBody) => api.post<ReportSummary>('/reports', body),
    onSuccess: () => refresh(queryClient),
  });
}

/** Replaces a draft's narrative. */
export function narrativeMutationOptions(queryClient: QueryClient, reportId: string, number: number) {
  return mutationOptions({
    mutationKey: ['reports', 'narrative', reportId, number],
    mutationFn: (body: ReportNarrative) => api.put<ReportVersionDetail>(`/reports/${encodeURIComponent(reportId)}/versions/${number}/narrative`, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(reportsKeys.version(reportId, number), detail);
      return refresh(queryClient);
    },
  });
}

/** Replaces a draft's saksframlegg fields. */
export function caseFieldsMutationOptions(queryClient: QueryClient, reportId: string, number: number) {
  return mutationOptions({
    mutationKey: ['reports', 'case', reportId, number],
    mutationFn: (body: ReportCaseFields) => api.put<ReportVersionDetail>(`/reports/${encodeURIComponent(reportId)}/versions/${number}/case`, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(reportsKeys.version(reportId, number), detail);
      return refresh(queryClient);
    },
  });
}

/** Makes a draft final (frozen). */
export function finaliseMutationOptions(queryClient: QueryClient, reportId: string, number: number) {
  return mutationOptions({
    mutationKey: ['reports', 'finalise', reportId, number],
    mutationFn: () => api.post<ReportVersionDetail>(`/reports/${encodeURIComponent(reportId)}/versions/${number}/finalise`),
    // Not awaited: the page's own onSuccess (navigation with a message) runs before the draft's controls unmount.
    onSuccess: () => {
      void refresh(queryClient);
    },
  });
}

/** Starts the next version as a draft. */
export function newVersionMutationOptions(queryClient: QueryClient, reportId: string) {
  return mutationOptions({
    mutationKey: ['reports', 'new-version', reportId],
    mutationFn: () => api.post<ReportVersionDetail>(`/reports/${encodeURIComponent(reportId)}/versions`),
    // Not awaited: the button's own onSuccess navigates to the new draft before the button unmounts.
    onSuccess: () => {
      void refresh(queryClient);
    },
  });
}

/** Publishes or withdraws the adopted plan on the public pages. */
export function publicPlanMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['public-plan-setting'],
    mutationFn: (body: PublicPlanSettingBody) => api.put<PublicPlanSetting>('/public-plan-setting', body),
    onSuccess: (setting) => queryClient.setQueryData(reportsKeys.publicPlan(), setting),
  });
}
