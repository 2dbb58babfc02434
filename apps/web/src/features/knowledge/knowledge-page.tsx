import { Button, Card, Heading, Link as DsLink, List, Paragraph, SelectOption, Tag, Textfield } from '@digdir/designsystemet-react';
import { ARTICLE_KINDS, ARTICLE_SORTS, EXPLOITATION_FORMS, KNOWLEDGE_SERVICES } from '@lykt/shared';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ListToolbar } from '../../components/list-toolbar';
import { LoadError, Loading, SuccessMessage } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { useFlash } from '../../lib/flash';
import { useListSearch } from '../../lib/use-list-search';
import { hasPermission, useMe } from '../auth/use-me';
import { articleLang, articlesQueryOptions, posterHref } from './queries';
import { parseKnowledgeSearch } from './search';
import './knowledge.css';

const route = getRouteApi('/signed-in/knowledge');

/**
 * The knowledge base: search, filter and sort the articles (all in the address, so a link can be
 * shared), and print the staff-room posters. The list is not paged: it holds the shipped texts and
 * the municipality's own, a few dozen, merged from two tables and the generated routine.
 */
export function KnowledgePage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const flash = useFlash();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const lang = articleLang(i18n.language);
  const list = useListSearch(search, (next) => void navigate({ search: next }));
  const articles = useQuery(articlesQueryOptions({ lang, q: search.q, service: search.service, form: search.form, kind: search.kind, sort: search.sort }));

  return (
    <div className="page-stack">
      <div className="page-toolbar">
        <PageHeading>{t('knowledge.title')}</PageHeading>
        {hasPermission(me, 'knowledge:write') ? (
          <Button asChild>
            <Link to="/knowledge/new">{t('knowledge.newArticle')}</Link>
          </Button>
        ) : null}
      </div>
      <Paragraph>{t('knowledge.intro')}</Paragraph>
      <SuccessMessage>{flash}</SuccessMessage>
      <ListToolbar key={JSON.stringify(search)} label={t('knowledge.filters')} onApply={(values) => list.apply(parseKnowledgeSearch(values))} onReset={list.reset}>
        <Textfield label={t('knowledge.searchLabel')} type="search" name="q" autoComplete="off" defaultValue={search.q ?? ''} />
        <SelectField label={t('knowledge.serviceLabel')} name="service" defaultValue={search.service ?? ''}>
          <SelectOption value="">{t('knowledge.allServices')}</SelectOption>
          {KNOWLEDGE_SERVICES.map((service) => (
            <SelectOption key={service} value={service}>
              {t(`knowledge.services.${service}`)}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField label={t('knowledge.formLabel')} name="form" defaultValue={search.form ?? ''}>
          <SelectOption value="">{t('knowledge.allForms')}</SelectOption>
          {EXPLOITATION_FORMS.map((form) => (
            <SelectOption key={form} value={form}>
              {t(`knowledge.forms.${form}`)}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField label={t('knowledge.kindLabel')} name="kind" defaultValue={search.kind ?? ''}>
          <SelectOption value="">{t('knowledge.allKinds')}</SelectOption>
          {ARTICLE_KINDS.map((kind) => (
            <SelectOption key={kind} value={kind}>
              {t(`knowledge.kinds.${kind}`)}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField label={t('pagination.sort')} name="sort" defaultValue={search.sort ?? ''}>
          <SelectOption value="">{t('knowledge.sortDefault')}</SelectOption>
          {ARTICLE_SORTS.map((sort) => (
            <SelectOption key={sort} value={sort}>
              {t(`knowledge.sorts.${sort}`)}
            </SelectOption>
          ))}
        </SelectField>
      </ListToolbar>
      {articles.isPending ? <Loading /> : null}
      {articles.isError ? <LoadError error={articles.error} onRetry={() => void articles.refetch()} /> : null}
      {articles.data ? (
        <section aria-labelledby="articles-heading" className="page-section">
          <Heading level={2} data-size="xs" id="articles-heading" aria-live="polite">
            {t('knowledge.resultsCaption', { count: articles.data.items.length })}
          </Heading>
          {articles.data.items.length === 0 ? <Paragraph>{t('knowledge.noResults')}</Paragraph> : null}
          <ul className="knowledge-list" aria-label={t('knowledge.listLabel')}>
            {articles.data.items.map((article) => (
              <li key={article.slug}>
                <Card data-color="neutral" className="knowledge-card">
                  <Heading level={3} data-size="2xs">
                    <DsLink asChild>
                      <Link to="/knowledge/$slug" params={{ slug: article.slug }}>
                        {article.title}
                      </Link>
                    </DsLink>
                  </Heading>
                  <Paragraph data-size="sm">{article.summary}</Paragraph>
                  <div className="knowledge-tags">
                    <Tag data-color="info">{t(`knowledge.kinds.${article.kind}`)}</Tag>
                    {article.source === 'content' ? null : <Tag data-color="neutral">{t(`knowledge.sources.${article.source}`)}</Tag>}
                  </div>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="posters-heading" className="page-section">
        <Heading level={2} data-size="xs" id="posters-heading">
          {t('knowledge.posters.title')}
        </Heading>
        <Paragraph>{t('knowledge.posters.intro')}</Paragraph>
        <List.Unordered className="knowledge-posters">
          {KNOWLEDGE_SERVICES.map((service) => (
            <List.Item key={service}>
              <DsLink href={posterHref('', service, lang)}>{t('knowledge.posters.download', { service: t(`knowledge.services.${service}`) })}</DsLink>
            </List.Item>
          ))}
        </List.Unordered>
      </section>
    </div>
  );
}
