import { Alert, Button, Heading, List, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Tag } from '@digdir/designsystemet-react';
import type { Article } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { LoadError, Loading, SuccessMessage } from '../../components/load-state';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { PageHeading } from '../../components/page-heading';
import { useFlash } from '../../lib/flash';
import { formatDateTime } from '../../lib/format';
import { hasPermission, useMe } from '../auth/use-me';
import { ArticleBody } from './article-body';
import { revertArticleMutationOptions } from './mutations';
import { articleLang, articleQueryOptions, articleVersionsQueryOptions } from './queries';
import './knowledge.css';

const route = getRouteApi('/signed-in/knowledge/$slug');

/** One article, as the municipality shows it; coordinators can change it and see its versions. */
export function ArticlePage() {
  const { t, i18n } = useTranslation();
  const { slug } = route.useParams();
  const lang = articleLang(i18n.language);
  const flash = useFlash();
  const article = useQuery(articleQueryOptions(slug, lang));

  return (
    <div className="narrow-page page-stack">
      <Breadcrumbs trail={[{ label: t('knowledge.title'), to: '/knowledge' }]} current={article.data?.title ?? t('knowledge.title')} />
      <PageHeading>{article.data?.title ?? t('knowledge.title')}</PageHeading>
      <SuccessMessage>{flash}</SuccessMessage>
      {article.isPending ? <Loading /> : null}
      {article.isError ? <LoadError error={article.error} onRetry={() => void article.refetch()} /> : null}
      {article.data ? <ArticleView article={article.data} /> : null}
    </div>
  );
}

function ArticleView({ article }: { article: Article }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  return (
    <>
      <Paragraph data-size="lg">{article.summary}</Paragraph>
      <div className="knowledge-tags">
        <Tag data-color="info">{t(`knowledge.kinds.${article.kind}`)}</Tag>
        <Tag data-color="neutral">{t(`knowledge.sources.${article.source}`)}</Tag>
        {article.source === 'generated' ? null : <Tag data-color="neutral">{t('knowledge.article.version', { version: article.version })}</Tag>}
        {article.updatedAt ? <Tag data-color="neutral">{t('knowledge.article.updated', { date: formatDateTime(article.updatedAt, i18n.language) })}</Tag> : null}
      </div>
      {article.source === 'generated' ? <Paragraph data-size="sm">{t('knowledge.article.generatedNote')}</Paragraph> : null}
      {article.contentUpdated ? (
        <Alert data-color="warning">
          <Paragraph>{t('knowledge.article.contentUpdated')}</Paragraph>
        </Alert>
      ) : null}
      <ArticleBody body={article.body} />
      {article.sources.length > 0 ? (
        <section aria-labelledby="sources-heading" className="page-section">
          <Heading level={2} data-size="xs" id="sources-heading">
            {t('knowledge.article.sources')}
          </Heading>
          <List.Unordered>
            {article.sources.map((source) => (
              <List.Item key={source}>{source}</List.Item>
            ))}
          </List.Unordered>
        </section>
      ) : null}
      {article.can.edit || article.can.revert ? <EditorActions article={article} /> : null}
      {hasPermission(me, 'knowledge:write') && article.source !== 'generated' ? <ArticleHistory article={article} /> : null}
    </>
  );
}

function EditorActions({ article }: { article: Article }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const revert = useMutation(revertArticleMutationOptions(queryClient, article.slug, article.lang));
  const [isConfirming, setIsConfirming] = useState(false);
  const revertLabel = article.source === 'municipal' ? t('knowledge.article.withdraw') : t('knowledge.article.revert');
  return (
    <div className="button-row">
      {article.can.edit ? (
        <Button asChild variant="secondary">
          <Link to="/knowledge/$slug/edit" params={{ slug: article.slug }}>
            {t('knowledge.article.edit')}
          </Link>
        </Button>
      ) : null}
      {article.can.revert ? (
        <Button variant="tertiary" data-color="danger" onClick={() => setIsConfirming(true)}>
          {revertLabel}
        </Button>
      ) : null}
      <ConfirmDialog
        open={isConfirming}
        title={t('knowledge.article.revertTitle')}
        text={t('knowledge.article.revertText')}
        confirmLabel={revertLabel}
        isDanger
        isPending={revert.isPending}
        error={revert.error}
        onCancel={() => setIsConfirming(false)}
        onConfirm={() =>
          revert.mutate(undefined, {
            onSuccess: () => {
              setIsConfirming(false);
              void navigate({ to: article.source === 'municipal' ? '/knowledge' : '/knowledge/$slug', params: { slug: article.slug }, state: { flash: t('knowledge.article.reverted') } });
            },
          })
        }
      />
    </div>
  );
}

function ArticleHistory({ article }: { article: Article }) {
  const { t, i18n } = useTranslation();
  const versions = useQuery(articleVersionsQueryOptions(article.slug, article.lang));
  if (!versions.data || versions.data.items.length === 0) return null;
  return (
    <section aria-labelledby="history-heading" className="page-section">
      <Heading level={2} data-size="xs" id="history-heading">
        {t('knowledge.article.history')}
      </Heading>
      <Table zebra border>
        <caption>{t('knowledge.article.historyCaption')}</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell scope="col">{t('knowledge.article.historyColumns.version')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('knowledge.article.historyColumns.change')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('knowledge.article.historyColumns.changedAt')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('knowledge.article.historyColumns.changedBy')}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {versions.data.items.map((version) => (
            <TableRow key={`${version.version}-${version.changedAt}`}>
              <TableCell>{version.version}</TableCell>
              <TableCell>{t(`knowledge.article.changes.${version.change}`)}</TableCell>
              <TableCell>{formatDateTime(version.changedAt, i18n.language)}</TableCell>
              <TableCell>{version.changedBy ?? t('common.empty')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
