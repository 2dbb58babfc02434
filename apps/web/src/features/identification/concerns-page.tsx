import { Card, Heading, Link as DsLink, Paragraph, SelectOption, Button } from '@digdir/designsystemet-react';
import { CONCERN_STATUSES, SCREENING_CONTEXTS } from '@lykt/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ListSearchRegion } from '../../components/list-search-region';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { KeysetPager } from '../../components/keyset-pager';
import { ListToolbar } from '../../components/list-toolbar';
import { LoadError, Loading } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { formatDateTime } from '../../lib/format';
import { useListSearch } from '../../lib/use-list-search';
import { hasPermission, useMe } from '../auth/use-me';
import { ConcernTags } from './concern-summary';
import { concernsQueryOptions } from './queries';
import { parseConcernsSearch } from './search';
import './identification.css';

const route = getRouteApi('/signed-in/concerns');

/** The coordinator's inbox of concerns; for others, the concerns they sent or are assigned. */
export function ConcernsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const triage = hasPermission(me, 'concerns:triage');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useListSearch(search, (next) => void navigate({ search: next }));
  const concerns = useQuery({ ...concernsQueryOptions(search), placeholderData: keepPreviousData });
  const listName = t('identification.concerns.listLabel');

  return (
    <div className="page-stack">
      <div className="page-toolbar">
        <PageHeading>{t(triage ? 'identification.concerns.inboxTitle' : 'identification.concerns.mineTitle')}</PageHeading>
        {hasPermission(me, 'screenings:create') ? (
          <Button asChild variant="secondary">
            <Link to="/screening">{t('identification.concerns.newScreening')}</Link>
          </Button>
        ) : null}
        {hasPermission(me, 'concerns:create') ? (
          <Button asChild variant="secondary">
            <Link to="/concerns/new">{t('identification.concerns.newConcern')}</Link>
          </Button>
        ) : null}
      </div>
      <Paragraph>{t(triage ? 'identification.concerns.inboxIntro' : 'identification.concerns.mineIntro')}</Paragraph>
      <ListToolbar key={JSON.stringify(search)} label={t('identification.concerns.filters')} onApply={(values) => list.apply(parseConcernsSearch(values))} onReset={list.reset}>
        <SelectField label={t('identification.concerns.statusFilter')} name="status" defaultValue={search.status ?? ''}>
          <SelectOption value="">{t('identification.concerns.allStatuses')}</SelectOption>
          {CONCERN_STATUSES.map((value) => (
            <SelectOption key={value} value={value}>
              {t(`identification.statuses.${value}`)}
            </SelectOption>
          ))}
        </SelectField>
        {triage ? (
          <SelectField label={t('identification.concerns.assignedFilter')} name="assigned" defaultValue={search.assigned ?? ''}>
            <SelectOption value="">{t('identification.concerns.allStatuses')}</SelectOption>
            <SelectOption value="none">{t('identification.concerns.assignedNone')}</SelectOption>
            <SelectOption value="me">{t('identification.concerns.assignedMe')}</SelectOption>
          </SelectField>
        ) : null}
        <SelectField label={t('identification.concerns.contextFilter')} name="context" defaultValue={search.context ?? ''}>
          <SelectOption value="">{t('identification.concerns.allStatuses')}</SelectOption>
          {SCREENING_CONTEXTS.map((value) => (
            <SelectOption key={value} value={value}>
              {t(`identification.contexts.${value}`)}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField label={t('identification.concerns.minorFilter')} name="minor" defaultValue={search.minor ?? ''}>
          <SelectOption value="">{t('identification.concerns.allStatuses')}</SelectOption>
          <SelectOption value="true">{t('identification.concerns.onlyMinors')}</SelectOption>
          <SelectOption value="false">{t('identification.concerns.onlyAdults')}</SelectOption>
        </SelectField>
        <SelectField label={t('pagination.sort')} name="sort" defaultValue={search.sort ?? '-createdAt'}>
          {(['-createdAt', 'createdAt', '-updatedAt'] as const).map((value) => (
            <SelectOption key={value} value={value}>
              {t(`identification.concerns.sorts.${value}`)}
            </SelectOption>
          ))}
        </SelectField>
      </ListToolbar>
      <ListSearchRegion searching={concerns.isPlaceholderData}>
        {concerns.isPending ? <Loading /> : null}
        {concerns.isError ? <LoadError error={concerns.error} onRetry={() => void concerns.refetch()} /> : null}
        {concerns.data ? (
          <>
            <ul className="concern-list" aria-label={listName}>
              {concerns.data.items.map((concern) => (
                <li key={concern.id}>
                  <Card>
                    <Heading level={2} data-size="xs">
                      <DsLink asChild>
                        <Link to="/concerns/$concernId" params={{ concernId: concern.id }}>
                          {t('identification.concerns.itemTitle', { service: t(`identification.contexts.${concern.context}`), date: formatDateTime(concern.createdAt, i18n.language) })}
                        </Link>
                      </DsLink>
                    </Heading>
                    <ConcernTags concern={concern} />
                    <Paragraph data-size="sm">
                      {concern.level ? t(`identification.levels.${concern.level}`) : t('identification.concerns.noScreening')}
                      {' · '}
                      {concern.assignedTo ? t('identification.concerns.assignedTo', { name: concern.assignedTo.name }) : t('identification.concerns.unassigned')}
                    </Paragraph>
                    {triage && concern.reporterName ? (
                      <Paragraph data-size="sm">{t('identification.concerns.reportedBy', { name: concern.reporterName, organisation: concern.reporterOrganisation ?? '' })}</Paragraph>
                    ) : null}
                  </Card>
                </li>
              ))}
            </ul>
            {concerns.data.items.length === 0 ? <Paragraph role="status">{t('common.noResults')}</Paragraph> : null}
            <KeysetPager listName={listName} total={concerns.data.total} nextCursor={concerns.data.nextCursor} isLaterPage={search.cursor !== undefined} onNext={list.next} onFirst={list.first} totalText={(count) => t('identification.concerns.count', { count })} />
          </>
        ) : null}
      </ListSearchRegion>
    </div>
  );
}
