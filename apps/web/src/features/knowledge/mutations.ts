import type { Article, ArticleBody, ArticleLang, CreateArticleBody } from '@lykt/shared';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { knowledgeKeys } from './queries';

function store(queryClient: QueryClient, article: Article): Promise<void> {
  queryClient.setQueryData(knowledgeKeys.article(article.slug, article.lang), article);
  return queryClient.invalidateQueries({ queryKey: knowledgeKeys.all, predicate: (query) => query.queryKey[1] !== 'article' });
}

/** Adds one of the municipality's own articles. */
export function createArticleMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['knowledge', 'create'],
    mutationFn: (body: CreateArticleBody) => api.post<Article>('/knowledge/articles', body),
    onSuccess: (article) => store(queryClient, article),
  });
}

/** Changes the municipality's article or overrides a shipped text. */
export function updateArticleMutationOptions(queryClient: QueryClient, slug: string) {
  return mutationOptions({
    mutationKey: ['knowledge', 'update', slug],
    mutationFn: (body: ArticleBody) => api.put<Article>(`/knowledge/articles/${encodeURIComponent(slug)}`, body),
    onSuccess: (article) => store(queryClient, article),
  });
}

/** Withdraws the municipality's text. */
export function revertArticleMutationOptions(queryClient: QueryClient, slug: string, lang: ArticleLang) {
  return mutationOptions({
    mutationKey: ['knowledge', 'revert', slug, lang],
    mutationFn: () => api.delete<{ ok: true }>(`/knowledge/articles/${encodeURIComponent(slug)}?lang=${lang}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: knowledgeKeys.all }),
  });
}
