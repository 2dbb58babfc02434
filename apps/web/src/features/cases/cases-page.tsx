import { Button, Card, Checkbox, Heading, Link as DsLink, Paragraph, SelectOption, Tag, Textfield } from '@digdir/designsystemet-react';
import { CASE_EXPLOITATION_FORMS, CASE_STATUSES } from '@lykt/shared';
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
import { CaseSettings } from './case-settings';
import { casesQueryOptions } from './queries';
import { parseCasesSearch } from './search';
import './cases.css';

const route = getRouteApi('/signed-in/cases');

/** The cases the user may see: the coordinator all, others the cases whose team they are on. Filters, sort and page live in the address. */
export function CasesPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const coordinator = hasPermission(me, 'cases:coordinate');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useListSearch(search, (next) => void navigate({ search: next }));
  const cases = useQuery({ ...casesQueryOptions(search), placeholderData: keepPreviousData });
  const listName = t('cases.list.listLabel');
  return (
    <div className="page-stack">
      <div className="page-toolbar">
        <PageHeading>{t('cases.list.title')}</PageHeading>
        {hasPermission(me, 'cases:write') ? (
          <Button asChild variant="secondary">
            <Link to="/cases/new">{t('cases.list.newCase')}</Link>
          </Button>
        ) : null}
      </div>
      <Paragraph>{t('cases.list.intro')}</Paragraph>
      <ListToolbar key={JSON.stringify(search)} label={t('cases.list.filters')} onApply={(values) => list.apply(parseCasesSearch(values))} onReset={list.reset}>
        <Textfield label={t('cases.list.search')} description={t('cases.list.searchHelp')} type="search" name="q" autoComplete="off" defaultValue={search.q ?? ''} />
        <SelectField label={t('cases.list.statusFilter')} name="status" defaultValue={search.status ?? ''}>
          <SelectOption value="">{t('cases.list.allStatuses')}</SelectOption>
          {CASE_STATUSES.map((value) => (
            <SelectOption key={value} value={value}>
              {t(`cases.statuses.${value}`)}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField label={t('cases.facts.exploitationForms')} name="form" defaultValue={search.form ?? ''}>
          <SelectOption value="">{t('cases.list.allStatuses')}</SelectOption>
          {CASE_EXPLOITATION_FORMS.map((form) => (
            <SelectOption key={form} value={form}>
              {t(`cases.values.exploitationForms.${form}`)}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField label={t('cases.list.minorFilter')} name="minor" defaultValue={search.minor ?? ''}>
          <SelectOption value="">{t('cases.list.allStatuses')}</SelectOption>
          <SelectOption value="true">{t('cases.list.onlyMinors')}</SelectOption>
          <SelectOption value="false">{t('cases.list.onlyAdults')}</SelectOption>
        </SelectField>
        <SelectField label={t('pagination.sort')} name="sort" defaultValue={search.sort ?? '-updatedAt'}>
          {CASE_SORT_OPTIONS.map((value) => (
            <SelectOption key={value} value={value}>
              {t(`cases.list.sorts.${value}`)}
            </SelectOption>
          ))}
        </SelectField>
        <Checkbox label={t('cases.list.deadlineSoon')} name="deadline" value="soon" defaultChecked={search.deadline === 'soon'} />
        <Checkbox label={t('cases.list.tasksDue')} name="tasks" value="due" defaultChecked={search.tasks === 'due'} />
        {coordinator ? <Checkbox label={t('cases.list.mineOnly')} name="mine" value="true" defaultChecked={search.mine === 'true'} /> : null}
      </ListToolbar>
      <ListSearchRegion searching={cases.isPlaceholderData}>
        {cases.isPending ? <Loading /> : null}
        {cases.isError ? <LoadError error={cases.error} onRetry={() => void cases.refetch()} /> : null}
        {cases.data ? (
          <>
            {cases.data.items.length === 0 ? <Paragraph role="status">{t('common.noResults')}</Paragraph> : null}
            {search.tasks === 'due' && cases.data.items.length > 0 ? <Paragraph>{t('lists.dueTasksTotal', { count: cases.data.items.reduce((sum, item) => sum + (item.dueTasks ?? 0), 0) })}</Paragraph> : null}
            <ul className="case-list" aria-label={listName}>
              {cases.data.items.map((item) => (
                <li key={item.id}>
                  <Card>
                    <Heading level={2} data-size="xs">
                      <DsLink asChild>
                        <Link to="/cases/$caseId" params={{ caseId: item.id }}>
                          {t('cases.page.title', { number: item.caseNumber })}
                        </Link>
                      </DsLink>
                    </Heading>
                    <div className="case-tags">
                      <Tag data-color={item.status === 'open' ? 'success' : item.status === 'follow_up' ? 'info' : 'neutral'}>{t(`cases.statuses.${item.status}`)}</Tag>
                      {item.isMinor ? <Tag data-color="warning">{t('cases.list.minor')}</Tag> : null}
                      {item.personalDataErased ? <Tag data-color="neutral">{t('cases.list.erased')}</Tag> : null}
                      {item.isMember ? <Tag data-color="accent">{t('cases.list.member')}</Tag> : null}
                    </div>
                    <Paragraph data-size="sm">
                      {t(`cases.sources.${item.sourceKind}`)}
                      {' · '}
                      {t('cases.list.opened', { date: formatDateTime(item.createdAt, i18n.language) ?? '' })}
                      {item.owner ? ` · ${t('cases.list.owner', { name: item.owner.name })}` : ''}
                      {item.openReferrals > 0 ? ` · ${t('cases.list.openReferrals', { count: item.openReferrals })}` : ''}
                    </Paragraph>
                    {item.dueTasks === undefined ? null : (
                      <Paragraph data-size="sm">
                        <Tag data-color="warning">{t('lists.dueTasks', { count: item.dueTasks })}</Tag>
                      </Paragraph>
                    )}
                  </Card>
                </li>
              ))}
            </ul>
            <KeysetPager listName={listName} total={cases.data.total} nextCursor={cases.data.nextCursor} isLaterPage={search.cursor !== undefined} onNext={list.next} onFirst={list.first} totalText={(count) => t('cases.list.count', { count })} />
          </>
        ) : null}
      </ListSearchRegion>
      {coordinator ? <CaseSettings /> : null}
    </div>
  );
}

const CASE_SORT_OPTIONS = ['-updatedAt', '-createdAt', 'createdAt', 'caseNumber', '-caseNumber'] as const;
