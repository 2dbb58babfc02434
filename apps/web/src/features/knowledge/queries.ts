import type { Article, ArticleLang, ArticleList, ArticleListQuery, ArticleVersion } from '@lykt/shared';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const knowledgeKeys = {
  all: ['knowledge'] as const,
  lists: () => [...knowledgeKeys.all, 'list'] as const,
  list: (query: Partial<ArticleListQuery>) => [...knowledgeKeys.lists(), query] as const,
  article: (slug: string, lang: ArticleLang) => [...knowledgeKeys.all, 'article', slug, lang] as const,
  versions: (slug: string, lang: ArticleLang) => [...knowledgeKeys.all, 'versions', slug, lang] as const,
};

/** The article language that follows the UI language. */
export function articleLang(language: string): ArticleLang {
  return language.startsWith('en') ? 'en' : 'nb';
}

/** Articles in a language, searched and filtered. */
export function articlesQueryOptions(query: Partial<ArticleListQuery> & { lang: ArticleLang }) {
  return queryOptions({
    queryKey: knowledgeKeys.list(query),
    queryFn: ({ signal }) => api.get<ArticleList>('/knowledge/articles', { query: { lang: query.lang, q: query.q, service: query.service, form: query.form, kind: query.kind, sort: query.sort }, signal }),
  });
}

export function articleQueryOptions(slug: string, lang: ArticleLang) {
  return queryOptions({
    queryKey: knowledgeKeys.article(slug, lang),
    queryFn: ({ signal }) => api.get<Article>(`/knowledge/articles/${encodeURIComponent(slug)}`, { query: { lang }, signal }),
  });
}

export function articleVersionsQueryOptions(slug: string, lang: ArticleLang) {
  return queryOptions({
    queryKey: knowledgeKeys.versions(slug, lang),
    queryFn: ({ signal }) => api.get<{ items: ArticleVersion[] }>(`/knowledge/articles/${encodeURIComponent(slug)}/versions`, { query: { lang }, signal }),
  });
}

/** Address of a staff-room poster PDF. */
export function posterHref(base: string, service: string, lang: ArticleLang): string {
  return `${base}/api/v1/knowledge/posters/${encodeURIComponent(service)}?lang=${lang}`;
}
