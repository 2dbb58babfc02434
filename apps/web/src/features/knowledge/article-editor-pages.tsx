import { Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/load-state';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { PageHeading } from '../../components/page-heading';
import { ArticleForm } from './article-form';
import { createArticleMutationOptions, updateArticleMutationOptions } from './mutations';
import { articleLang, articleQueryOptions } from './queries';

const editRoute = getRouteApi('/signed-in/knowledge/$slug/edit');

/** A new article of the municipality's own, in the current language. */
export function NewArticlePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation(createArticleMutationOptions(queryClient));
  const lang = articleLang(i18n.language);
  return (
    <div className="narrow-page page-stack">
      <DsLink asChild>
        <Link to="/knowledge">{t('knowledge.article.backToList')}</Link>
      </DsLink>
      <PageHeading>{t('knowledge.editor.newTitle')}</PageHeading>
      <ArticleForm
        isNew
        defaultValues={{ slug: '', lang, title: '', summary: '', body: '', services: [], forms: [], baseVersion: null }}
        submitLabel={t('knowledge.editor.create')}
        isPending={create.isPending}
        error={create.error}
        onSubmit={(body) =>
          create.mutate(body, { onSuccess: (article) => void navigate({ to: '/knowledge/$slug', params: { slug: article.slug }, state: { flash: t('knowledge.editor.saved') } }) })
        }
      />
    </div>
  );
}

/** Changes the municipality's article, or makes its own version of a shipped one. */
export function EditArticlePage() {
  const { t, i18n } = useTranslation();
  const { slug } = editRoute.useParams();
  const lang = articleLang(i18n.language);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const article = useQuery(articleQueryOptions(slug, lang));
  const update = useMutation(updateArticleMutationOptions(queryClient, slug));
  return (
    <div className="narrow-page page-stack">
      <Breadcrumbs
        trail={[
          { label: t('knowledge.title'), to: '/knowledge' },
          { label: article.data?.title ?? t('knowledge.title'), to: `/knowledge/${encodeURIComponent(slug)}` },
        ]}
        current={t('knowledge.editor.editTitle', { title: article.data?.title ?? '' })}
      />
      <PageHeading>{t('knowledge.editor.editTitle', { title: article.data?.title ?? '' })}</PageHeading>
      {article.isPending ? <Loading /> : null}
      {article.isError ? <LoadError error={article.error} onRetry={() => void article.refetch()} /> : null}
      {article.data ? (
        <>
          {article.data.source === 'content' ? <Paragraph>{t('knowledge.editor.overrideIntro')}</Paragraph> : null}
          <ArticleForm
            key={`${article.data.slug}-${article.data.version}`}
            isNew={false}
            defaultValues={{
              slug: article.data.slug,
              lang: article.data.lang,
              title: article.data.title,
              summary: article.data.summary,
              body: article.data.body,
              services: article.data.services,
              forms: article.data.forms,
              baseVersion: article.data.version,
            }}
            submitLabel={t('knowledge.editor.save')}
            isPending={update.isPending}
            error={update.error}
            onSubmit={({ slug: _slug, ...body }) =>
              update.mutate(body, { onSuccess: (saved) => void navigate({ to: '/knowledge/$slug', params: { slug: saved.slug }, state: { flash: t('knowledge.editor.saved') } }) })
            }
          />
        </>
      ) : null}
    </div>
  );
}
