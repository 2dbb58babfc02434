import type { ArticleLang, Completion, Coverage, PlanLink, TrainingModule, TrainingModuleSummary, TrainingSettings } from '@lykt/shared';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const trainingKeys = {
  all: ['training'] as const,
  modules: (lang: ArticleLang) => [...trainingKeys.all, 'modules', lang] as const,
  module: (key: string, lang: ArticleLang) => [...trainingKeys.all, 'module', key, lang] as const,
  completions: (lang: ArticleLang) => [...trainingKeys.all, 'completions', lang] as const,
  coverage: (key: string, lang: ArticleLang) => [...trainingKeys.all, 'coverage', key, lang] as const,
  settings: () => [...trainingKeys.all, 'settings'] as const,
  links: (lang: ArticleLang) => [...trainingKeys.all, 'links', lang] as const,
};

/** The modules with the user's status; `due: 'me'` only those due for the user (the home page's count). */
export function modulesQueryOptions(lang: ArticleLang, due?: 'me') {
  return queryOptions({ queryKey: [...trainingKeys.modules(lang), due ?? 'all'], queryFn: ({ signal }) => api.get<{ items: TrainingModuleSummary[] }>('/training/modules', { query: { lang, due }, signal }) });
}

export function moduleQueryOptions(key: string, lang: ArticleLang) {
  return queryOptions({ queryKey: trainingKeys.module(key, lang), queryFn: ({ signal }) => api.get<TrainingModule>(`/training/modules/${encodeURIComponent(key)}`, { query: { lang }, signal }) });
}

export function completionsQueryOptions(lang: ArticleLang) {
  return queryOptions({ queryKey: trainingKeys.completions(lang), queryFn: ({ signal }) => api.get<{ items: Completion[] }>('/training/completions', { query: { lang }, signal }) });
}

export function coverageQueryOptions(key: string, lang: ArticleLang) {
  return queryOptions({ queryKey: trainingKeys.coverage(key, lang), queryFn: ({ signal }) => api.get<Coverage>('/training/coverage', { query: { moduleKey: key, lang }, signal }) });
}

export function settingsQueryOptions() {
  return queryOptions({ queryKey: trainingKeys.settings(), queryFn: ({ signal }) => api.get<{ items: TrainingSettings[] }>('/training/settings', { signal }) });
}

export function planLinksQueryOptions(lang: ArticleLang) {
  return queryOptions({ queryKey: trainingKeys.links(lang), queryFn: ({ signal }) => api.get<{ items: PlanLink[] }>('/training/plan-links', { query: { lang }, signal }) });
}

/** Address of a certificate PDF. */
export function certificateHref(completionId: string, lang: ArticleLang): string {
  return `/api/v1/training/completions/${encodeURIComponent(completionId)}/certificate?lang=${lang}`;
}
