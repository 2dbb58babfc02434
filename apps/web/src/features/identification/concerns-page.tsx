import { Card, Heading, Link as DsLink, Paragraph, SelectOption, Button } from '@digdir/designsystemet-react';
import { CONCERN_STATUSES, type ConcernStatus } from '@lykt/shared';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { formatDateTime } from '../../lib/format';
import { hasPermission, useMe } from '../auth/use-me';
import { ConcernTags } from './concern-summary';
import { CONCERN_PAGE_SIZE, concernsQueryOptions } from './queries';
import './identification.css';

/** The coordinator's inbox of concerns; for others, the concerns they sent or are assigned. */
export function ConcernsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const triage = hasPermission(me, 'concerns:triage');
  const [status, setStatus] = useState<ConcernStatus | undefined>(triage ? 'new' : undefined);
  const [offset, setOffset] = useState(0);
  const concerns = useQuery(concernsQueryOptions(status, offset));

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
      <SelectField
        label={t('identification.concerns.statusFilter')}
        value={status ?? ''}
        onChange={(event) => {
          setOffset(0);
          setStatus(event.currentTarget.value === '' ? undefined : (event.currentTarget.value as ConcernStatus));
        }}
      >
        <SelectOption value="">{t('identification.concerns.allStatuses')}</SelectOption>
        {CONCERN_STATUSES.map((value) => (
          <SelectOption key={value} value={value}>
            {t(`identification.statuses.${value}`)}
          </SelectOption>
        ))}
      </SelectField>
      {concerns.isPending ? <Loading /> : null}
      {concerns.isError ? <LoadError error={concerns.error} onRetry={() => void concerns.refetch()} /> : null}
      {concerns.data ? (
        <>
          <Paragraph role="status">{t('identification.concerns.count', { count: concerns.data.total })}</Paragraph>
          <ul className="concern-list">
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
          {concerns.data.items.length === 0 ? <Paragraph>{t('common.noResults')}</Paragraph> : null}
          <div className="wizard-actions">
            {offset > 0 ? (
              <Button variant="secondary" onClick={() => setOffset(Math.max(0, offset - CONCERN_PAGE_SIZE))}>
                {t('identification.concerns.previous')}
              </Button>
            ) : null}
            {offset + CONCERN_PAGE_SIZE < concerns.data.total ? (
              <Button variant="secondary" onClick={() => setOffset(offset + CONCERN_PAGE_SIZE)}>
                {t('identification.concerns.next')}
              </Button>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}
