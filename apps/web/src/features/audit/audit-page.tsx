import { Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Tag } from '@digdir/designsystemet-react';
import type { AuditEvent } from '@lykt/shared';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { PaginationNav } from '../../components/pagination-nav';
import { formatDateTime } from '../../lib/format';
import { AuditFilters } from './audit-filters';
import { auditActionLabel } from './audit-labels';
import { auditQueryOptions } from './queries';

const route = getRouteApi('/signed-in/audit');
const AUDIT_PAGE_SIZE = 50;

/** The municipality's audit log, filterable and paginated. */
export function AuditPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const offset = search.offset ?? 0;
  const events = useQuery(
    auditQueryOptions({
      action: search.action,
      entityType: search.entityType,
      from: search.from,
      to: search.to,
      limit: AUDIT_PAGE_SIZE,
      offset,
    }),
  );

  return (
    <div className="page-stack">
      <PageHeading>{t('audit.title')}</PageHeading>
      <Paragraph>{t('audit.intro')}</Paragraph>
      <AuditFilters search={search} />
      {events.isPending ? <Loading /> : null}
      {events.isError ? <LoadError error={events.error} onRetry={() => void events.refetch()} /> : null}
      {events.data ? (
        <>
          <Table zebra border aria-busy={events.isPlaceholderData || undefined}>
            <caption>{t('audit.tableCaption', { total: events.data.total })}</caption>
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
          {events.data.items.length === 0 ? <Paragraph>{t('common.noResults')}</Paragraph> : null}
          <PaginationNav
            listName={t('audit.title')}
            total={events.data.total}
            limit={AUDIT_PAGE_SIZE}
            offset={offset}
            onOffsetChange={(next) => void navigate({ search: (previous) => ({ ...previous, offset: next || undefined }) })}
          />
        </>
      ) : null}
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
