import { Alert, Checkbox, Link as DsLink, Paragraph, SelectOption, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Tag, Textfield } from '@digdir/designsystemet-react';
import { TIP_PLACE_KINDS, TIP_STATUSES } from '@lykt/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ListSearchRegion } from '../../components/list-search-region';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { KeysetPager } from '../../components/keyset-pager';
import { ListToolbar } from '../../components/list-toolbar';
import { LoadError, Loading } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { useListSearch } from '../../lib/use-list-search';
import { hasPermission, useMe } from '../auth/use-me';
import { tipsQueryOptions } from './queries';
import { parseTipsSearch, type TipSort } from './search';
import { formatDate, formatNumber } from '../../lib/format';

const route = getRouteApi('/signed-in/tips');
/** The sorts in the order people pick them: the default (latest activity first) on top. */
const TIP_SORT_OPTIONS: readonly TipSort[] = ['-lastActivityOn', 'lastActivityOn', '-submittedOn', 'submittedOn', 'status', '-status'];

/** The tip inbox: coded facts only; the content is read (and audited) on the tip's own page. */
export function TipsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useListSearch(search, (next) => void navigate({ search: next }));
  const tips = useQuery({ ...tipsQueryOptions(search), placeholderData: keepPreviousData });
  // The list sorts on one column; tips saying someone is in danger now, with something new, are
  // named above it whatever the sort, so none waits at the bottom of a page.
  const showDanger = search.danger === undefined;
  const danger = useQuery({ ...tipsQueryOptions({ danger: 'true', unread: 'true' }), enabled: showDanger });
  const dangerCount = showDanger ? (danger.data?.total ?? danger.data?.items.length ?? 0) : 0;

  return (
    <div className="page-stack">
      <PageHeading>{t('tips.inbox.title')}</PageHeading>
      <Paragraph>{hasPermission(me, 'tips:manage') ? t('tips.inbox.introCoordinator') : t('tips.inbox.introCaseworker')}</Paragraph>
      {hasPermission(me, 'tips:settings') ? (
        <Paragraph>
          <DsLink asChild>
            <Link to="/tips/settings">{t('tips.settings.title')}</Link>
          </DsLink>
        </Paragraph>
      ) : null}
      {dangerCount > 0 ? (
        <Alert data-color="danger">
          <Paragraph>
            {t('tips.inbox.dangerWaiting', { count: dangerCount })}{' '}
            <DsLink asChild>
              <Link to="/tips" search={{ danger: 'true', unread: 'true' }}>
                {t('tips.inbox.dangerShow')}
              </Link>
            </DsLink>
          </Paragraph>
        </Alert>
      ) : null}
      <ListToolbar key={JSON.stringify(search)} label={t('tips.inbox.filters')} onApply={(values) => list.apply(parseTipsSearch(values))} onReset={list.reset}>
        <Textfield label={t('tips.inbox.search')} description={t('tips.inbox.searchHelp')} type="search" name="q" autoComplete="off" defaultValue={search.q ?? ''} />
        <SelectField label={t('tips.inbox.statusFilter')} name="status" defaultValue={search.status ?? ''}>
          <SelectOption value="">{t('tips.inbox.allStatuses')}</SelectOption>
          {TIP_STATUSES.map((value) => (
            <SelectOption key={value} value={value}>
              {t(`tips.status.${value}`)}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField label={t('tips.inbox.placeFilter')} name="placeKind" defaultValue={search.placeKind ?? ''}>
          <SelectOption value="">{t('tips.inbox.allPlaces')}</SelectOption>
          {TIP_PLACE_KINDS.map((value) => (
            <SelectOption key={value} value={value}>
              {t(`tips.places.${value}`)}
            </SelectOption>
          ))}
        </SelectField>
        <Checkbox label={t('tips.inbox.onlyUnread')} name="unread" value="true" defaultChecked={search.unread === 'true'} />
        <Checkbox label={t('tips.inbox.onlyDanger')} name="danger" value="true" defaultChecked={search.danger === 'true'} />
        <SelectField label={t('pagination.sort')} name="sort" defaultValue={search.sort ?? '-lastActivityOn'}>
          {TIP_SORT_OPTIONS.map((value) => (
            <SelectOption key={value} value={value}>
              {t(`tips.inbox.sorts.${value}`)}
            </SelectOption>
          ))}
        </SelectField>
      </ListToolbar>
      <ListSearchRegion searching={tips.isPlaceholderData}>
        {tips.isPending ? <Loading /> : null}
        {tips.isError ? <LoadError error={tips.error} onRetry={() => void tips.refetch()} /> : null}
        {tips.data ? (
          <>
            <div className="table-wrapper">
              <Table zebra border aria-busy={tips.isPlaceholderData || undefined}>
                <caption>{tips.data.total === null ? t('tips.inbox.captionMany') : t('tips.inbox.caption', { total: formatNumber(tips.data.total, i18n.language) })}</caption>
                <TableHead>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('tips.columns.submitted')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('tips.columns.status')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('tips.columns.place')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('tips.columns.flags')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('tips.columns.labels')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('tips.columns.assignee')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('tips.columns.lastActivity')}</TableHeaderCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {tips.data.items.map((tip) => (
                    <TableRow key={tip.id}>
                      <TableCell>
                        <DsLink asChild>
                          <Link to="/tips/$tipId" params={{ tipId: tip.id }}>
                            {t('tips.inbox.tipLink', { date: formatDate(tip.submittedOn, i18n.language) })}
                          </Link>
                        </DsLink>{' '}
                        {tip.unread ? <Tag data-color="info">{t('tips.inbox.unread')}</Tag> : null}
                      </TableCell>
                      <TableCell>{t(`tips.status.${tip.status}`)}</TableCell>
                      <TableCell>{t(`tips.places.${tip.placeKind}`)}</TableCell>
                      <TableCell>
                        {tip.immediateDanger ? <Tag data-color="danger">{t('tips.flags.danger')}</Tag> : null}{' '}
                        {tip.minor === 'yes' ? <Tag data-color="warning">{t('tips.flags.minor')}</Tag> : null}{' '}
                        {tip.anonymous ? null : <Tag data-color="neutral">{t('tips.flags.contact')}</Tag>}
                      </TableCell>
                      <TableCell>{tip.labels.length > 0 ? tip.labels.join(', ') : t('common.empty')}</TableCell>
                      <TableCell>{tip.assignee?.name ?? t('tips.inbox.unassigned')}</TableCell>
                      <TableCell>{formatDate(tip.lastActivityOn, i18n.language)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
            {tips.data.items.length === 0 ? <Paragraph role="status">{t('tips.inbox.empty')}</Paragraph> : null}
            <KeysetPager listName={t('tips.inbox.title')} total={tips.data.total} nextCursor={tips.data.nextCursor} isLaterPage={search.cursor !== undefined} onNext={list.next} onFirst={list.first} />
          </>
        ) : null}
      </ListSearchRegion>
    </div>
  );
}
