import { Button, Checkbox, Link as DsLink, Paragraph, SelectOption, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Tag, Textfield } from '@digdir/designsystemet-react';
import { SCREENING_CONTEXTS, SIGNAL_LEVELS } from '@lykt/shared';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { KeysetPager } from '../../components/keyset-pager';
import { ListToolbar } from '../../components/list-toolbar';
import { LoadError, Loading } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useListSearch } from '../../lib/use-list-search';
import { hasPermission, useMe } from '../auth/use-me';
import { screeningsQueryOptions } from './screening-queries';
import { parseScreeningsSearch, type ScreeningSort } from './screening-search';

const route = getRouteApi('/signed-in/screenings');
/** The sorts in the order people pick them: the default (newest first) on top. */
const SORT_OPTIONS = ['-createdAt', 'createdAt', '-level', 'level', 'context'] as const satisfies readonly ScreeningSort[];
const LEVEL_COLOR = { none: 'neutral', some_indicators: 'warning', strong_indicators: 'danger' } as const;

/**
 * The screenings the user may read, as the API scopes them: the coordinator sees every screening of
 * the municipality, everyone else only their own. Coded facts only; the answers are read (and
 * audited) on the result page.
 */
export function ScreeningsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  // Mirrors the API's policy (screening.policy.ts): only the coordinator sees others' screenings.
  const seesAll = me.user.role === 'coordinator';
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useListSearch(search, (next) => void navigate({ search: next }));
  const screenings = useQuery(screeningsQueryOptions(search));
  const listName = t('screeningList.listLabel');

  return (
    <div className="page-stack">
      <div className="page-toolbar">
        <PageHeading>{t('screeningList.title')}</PageHeading>
        {hasPermission(me, 'screenings:create') ? (
          <Button asChild variant="secondary">
            <Link to="/screening">{t('screeningList.start')}</Link>
          </Button>
        ) : null}
      </div>
      <Paragraph>{seesAll ? t('screeningList.introCoordinator') : t('screeningList.introOwn')}</Paragraph>
      <ListToolbar key={JSON.stringify(search)} label={t('screeningList.filters')} onApply={(values) => list.apply(parseScreeningsSearch(values))} onReset={list.reset}>
        <SelectField label={t('screeningList.context')} name="context" defaultValue={search.context ?? ''}>
          <SelectOption value="">{t('screeningList.allContexts')}</SelectOption>
          {SCREENING_CONTEXTS.map((value) => (
            <SelectOption key={value} value={value}>
              {t(`identification.contexts.${value}`)}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField label={t('screeningList.level')} name="level" defaultValue={search.level ?? ''}>
          <SelectOption value="">{t('screeningList.allLevels')}</SelectOption>
          {SIGNAL_LEVELS.map((value) => (
            <SelectOption key={value} value={value}>
              {t(`identification.levels.${value}`)}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField label={t('screeningList.minor')} name="minor" defaultValue={search.minor === undefined ? '' : String(search.minor)}>
          <SelectOption value="">{t('screeningList.minorAny')}</SelectOption>
          <SelectOption value="true">{t('screeningList.minorYes')}</SelectOption>
          <SelectOption value="false">{t('screeningList.minorNo')}</SelectOption>
        </SelectField>
        <Textfield label={t('screeningList.from')} type="date" name="from" defaultValue={search.from ?? ''} />
        <Textfield label={t('screeningList.to')} type="date" name="to" defaultValue={search.to ?? ''} />
        {seesAll ? <Checkbox label={t('screeningList.mine')} name="mine" value="true" defaultChecked={search.mine === true} /> : null}
        <SelectField label={t('pagination.sort')} name="sort" defaultValue={search.sort ?? '-createdAt'}>
          {SORT_OPTIONS.map((value) => (
            <SelectOption key={value} value={value}>
              {t(`screeningList.sorts.${value}`)}
            </SelectOption>
          ))}
        </SelectField>
      </ListToolbar>
      {screenings.isPending ? <Loading /> : null}
      {screenings.isError ? <LoadError error={screenings.error} onRetry={() => void screenings.refetch()} /> : null}
      {screenings.data ? (
        <>
          <div className="table-wrapper">
            <Table zebra border aria-busy={screenings.isPlaceholderData || undefined}>
              <caption>{screenings.data.total === null ? t('screeningList.captionMany') : t('screeningList.caption', { total: formatNumber(screenings.data.total, i18n.language) })}</caption>
              <TableHead>
                <TableRow>
                  <TableHeaderCell scope="col">{t('screeningList.columns.saved')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('screeningList.columns.context')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('screeningList.columns.level')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('screeningList.columns.minor')}</TableHeaderCell>
                  {seesAll ? <TableHeaderCell scope="col">{t('screeningList.columns.madeBy')}</TableHeaderCell> : null}
                </TableRow>
              </TableHead>
              <TableBody>
                {screenings.data.items.map((screening) => (
                  <TableRow key={screening.id}>
                    <TableCell>
                      <DsLink asChild>
                        <Link to="/screenings/$screeningId" params={{ screeningId: screening.id }}>
                          {t('screeningList.rowLink', { date: formatDateTime(screening.createdAt, i18n.language) })}
                        </Link>
                      </DsLink>
                    </TableCell>
                    <TableCell>{t(`identification.contexts.${screening.context}`)}</TableCell>
                    <TableCell>
                      <Tag data-color={LEVEL_COLOR[screening.level]}>{t(`identification.levels.${screening.level}`)}</Tag>
                    </TableCell>
                    <TableCell>{screening.possibleMinor ? <Tag data-color="warning">{t('identification.possibleMinorTag')}</Tag> : t('screeningList.adult')}</TableCell>
                    {seesAll ? <TableCell>{screening.mine ? t('screeningList.byYou') : t('screeningList.byColleague')}</TableCell> : null}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {screenings.data.items.length === 0 ? <Paragraph role="status">{t('screeningList.empty')}</Paragraph> : null}
          <KeysetPager
            listName={listName}
            total={screenings.data.total}
            nextCursor={screenings.data.nextCursor}
            isLaterPage={search.cursor !== undefined}
            onNext={list.next}
            onFirst={list.first}
            totalText={(count) => t('screeningList.count', { count, formatted: formatNumber(count, i18n.language) })}
          />
        </>
      ) : null}
    </div>
  );
}
