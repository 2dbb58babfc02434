import { Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import type { Deadlines } from '@lykt/shared';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/load-state';
import { formatDate } from '../../lib/format';
import { hasPermission, useMe } from '../auth/use-me';
import { deadlinesQueryOptions } from './queries';

/** Which deadlines the plans page shows when the home page's count links to it (`?due=overdue|soon`). */
export type DeadlineFilter = 'overdue' | 'soon';

/**
 * Overdue and soon-due measures (a partner sees the ones it owns): on the home page both, on the
 * plans page only those the home count linked to, from the same service as the count.
 */
export function PlanDeadlines({ only }: { only?: DeadlineFilter | undefined }) {
  const me = useMe();
  if (!hasPermission(me, 'plans:progress')) return null;
  return <DeadlineSection only={only} />;
}

function DeadlineSection({ only }: { only?: DeadlineFilter | undefined }) {
  const { t } = useTranslation();
  const deadlines = useQuery(deadlinesQueryOptions());
  return (
    <section className="page-section" aria-labelledby="home-deadlines">
      <Heading level={2} data-size="sm" id="home-deadlines">
        {t('plans.deadlines.heading')}
      </Heading>
      {deadlines.isError ? <LoadError error={deadlines.error} /> : null}
      {deadlines.data ? (
        (only === 'soon' ? 0 : deadlines.data.overdue.length) + (only === 'overdue' ? 0 : deadlines.data.dueSoon.length) === 0 ? (
          <Paragraph>{t('plans.deadlines.none')}</Paragraph>
        ) : (
          <>
            {only === 'soon' ? null : <DeadlineList title={t('plans.deadlines.overdue', { count: deadlines.data.overdue.length })} items={deadlines.data.overdue} />}
            {only === 'overdue' ? null : <DeadlineList title={t('plans.deadlines.dueSoon', { count: deadlines.data.dueSoon.length })} items={deadlines.data.dueSoon} />}
          </>
        )
      ) : null}
    </section>
  );
}

function DeadlineList({ title, items }: { title: string; items: Deadlines['overdue'] }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return null;
  return (
    <>
      <Paragraph>{title}</Paragraph>
      <ul className="link-list">
        {items.map((item) => (
          <li key={item.measureId}>
            <DsLink asChild>
              <Link to="/measures/$measureId" params={{ measureId: item.measureId }}>
                {item.title}
              </Link>
            </DsLink>{' '}
            {t('plans.deadlines.line', { due: formatDate(item.dueDate, i18n.language), owner: item.ownerOrganisation?.name ?? t('plans.noOwner'), progress: item.progress })}
          </li>
        ))}
      </ul>
    </>
  );
}
