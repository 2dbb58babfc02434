import { Paragraph, SelectOption, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Tag, Textfield } from '@digdir/designsystemet-react';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type AuditEvent } from '@lykt/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ListSearchRegion } from '../../components/list-search-region';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { KeysetPager } from '../../components/keyset-pager';
import { ListToolbar } from '../../components/list-toolbar';
import { LoadError, Loading } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useListSearch } from '../../lib/use-list-search';
import { parseAuditSearch } from '../../routes/search';
import { auditActionLabel } from './audit-labels';
import { auditQueryOptions } from './queries';

const route = getRouteApi('/signed-in/audit');
const AUDIT_SORT_OPTIONS = ['-occurredAt', 'occurredAt', 'action', 'entityType'] as const;

/** The municipality's audit log: search, filters, sort and page live in the address so a link can be shared. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useListSearch(search, (next) => void navigate({ search: next }));
  const events = useQuery({ ...auditQueryOptions(search), placeholderData: keepPreviousData });
  const language = i18n.resolvedLanguage ?? 'nb';

  return (
    <div className="page-stack">
      <PageHeading>{t('audit.title')}</PageHeading>
      <Paragraph>{t('audit.intro')}</Paragraph>
      <ListToolbar
        key={JSON.stringify(search)}
        label={t('audit.filters')}
        onApply={(values) => list.apply(parseAuditSearch({ ...values, actorId: search.actorId }))}
        onReset={list.reset}
      >
        <Textfield label={t('audit.search')} description={t('audit.searchHelp')} type="search" name="q" autoComplete="off" defaultValue={search.q ?? ''} />
        <SelectField label={t('audit.action')} name="action" defaultValue={search.action ?? ''}>
          <SelectOption value="">{t('audit.allActions')}</SelectOption>
          {AUDIT_ACTIONS.map((action) => (
            <SelectOption key={action} value={action}>
              {auditActionLabel(t, action)}
            </SelectOption>
          ))}
        </SelectField>
        <Textfield label={t('audit.entityType')} description={t('audit.entityTypeDescription')} name="entityType" autoComplete="off" defaultValue={search.entityType ?? ''} />
        <SelectField label={t('audit.columns.outcome')} name="outcome" defaultValue={search.outcome ?? ''}>
          <SelectOption value="">{t('audit.allOutcomes')}</SelectOption>
          {AUDIT_OUTCOMES.map((outcome) => (
            <SelectOption key={outcome} value={outcome}>
              {t(`audit.outcomes.${outcome}`)}
            </SelectOption>
          ))}
        </SelectField>
        <Textfield label={t('audit.from')} type="date" name="from" defaultValue={search.from ?? ''} />
        <Textfield label={t('audit.to')} type="date" name="to" defaultValue={search.to ?? ''} />
        <SelectField label={t('pagination.sort')} name="sort" defaultValue={search.sort ?? '-occurredAt'}>
          {AUDIT_SORT_OPTIONS.map((value) => (
            <SelectOption key={value} value={value}>
              {t(`audit.sorts.${value}`)}
            </SelectOption>
          ))}
        </SelectField>
      </ListToolbar>
      {search.actorId ? <Paragraph data-size="sm">{t('audit.actorFilter')}</Paragraph> : null}
      <ListSearchRegion searching={events.isPlaceholderData}>
        {events.isPending ? <Loading /> : null}
        {events.isError ? <LoadError error={events.error} onRetry={() => void events.refetch()} /> : null}
        {events.data ? (
          <>
            <Table zebra border aria-busy={events.isPlaceholderData || undefined}>
              <caption>{events.data.total === null ? t('audit.tableCaptionMany') : t('audit.tableCaption', { total: formatNumber(events.data.total, language) })}</caption>
              <TableHead>
                <TableRow>
                  <TableHeaderCell scope="col">{t('audit.columns.time')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('audit.columns.actor')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('audit.columns.action')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('audit.columns.record')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('audit.columns.outcome')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('audit.columns.requestId')}</TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {events.data.items.map((event) => (
                  <AuditRow key={event.id} event={event} />
                ))}
              </TableBody>
            </Table>
            {events.data.items.length === 0 ? <Paragraph role="status">{t('common.noResults')}</Paragraph> : null}
            <KeysetPager listName={t('audit.title')} total={events.data.total} nextCursor={events.data.nextCursor} isLaterPage={search.cursor !== undefined} onNext={list.next} onFirst={list.first} />
          </>
        ) : null}
      </ListSearchRegion>
    </div>
  );
}

function AuditRow({ event }: { event: AuditEvent }) {
  const { t, i18n } = useTranslation();
  const actor = event.actor.name || event.actor.label || t('audit.system');
  return (
    <TableRow>
      <TableCell>
        <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, i18n.resolvedLanguage ?? 'nb')}</time>
      </TableCell>
      <TableCell>{actor}</TableCell>
      <TableCell>
        {auditActionLabel(t, event.action)}
        <br />
        <code>{event.action}</code>
      </TableCell>
      <TableCell>
        {event.entityType}
        {event.entityId ? (
          <>
            <br />
            <code>{event.entityId}</code>
          </>
        ) : null}
      </TableCell>
      <TableCell>
        <Tag data-color={event.outcome === 'success' ? 'success' : 'danger'}>{t(`audit.outcomes.${event.outcome}`)}</Tag>
      </TableCell>
      <TableCell>{event.requestId ? <code>{event.requestId}</code> : t('common.empty')}</TableCell>
    </TableRow>
  );
}
