import type { PublicPlanSetting, ReportList, ReportVersionDetail } from '@lykt/shared';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const reportsKeys = {
  all: ['reports'] as const,
  list: () => [...reportsKeys.all, 'list'] as const,
  version: (reportId: string, number: number) => [...reportsKeys.all, 'report', reportId, 'version', number] as const,
  publicPlan: () => ['public-plan-setting'] as const,
};

/** The council reports the user may see. */
export function reportsQueryOptions() {
  return queryOptions({ queryKey: reportsKeys.list(), queryFn: ({ signal }) => api.get<ReportList>('/reports', { signal }) });
}

/** One report version with its document (a draft is generated from live data on every read). */
export function reportVersionQueryOptions(reportId: string, number: number) {
  return queryOptions({
    queryKey: reportsKeys.version(reportId, number),
    queryFn: ({ signal }) => api.get<ReportVersionDetail>(`/reports/${encodeURIComponent(reportId)}/versions/${number}`, { signal }),
  });
}

/** Whether the adopted plan is published on the public pages. */
export function publicPlanSettingQueryOptions() {
  return queryOptions({ queryKey: reportsKeys.publicPlan(), queryFn: ({ signal }) => api.get<PublicPlanSetting>('/public-plan-setting', { signal }) });
}

