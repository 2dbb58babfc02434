import { Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import type { Deadlines } from '@lykt/shared';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/load-state';
import { hasPermission, useMe } from '../auth/use-me';
import { deadlinesQueryOptions } from './queries';

/** Overdue and soon-due measures, for the home page (a partner sees the ones it owns). */
export function PlanDeadlines() {
  const me = useMe();
  if (!hasPermission(me, 'plans:progress')) return null;
  return <DeadlineSection />;
}

function DeadlineSection() {
  const { t } = useTranslation();
  const deadlines = useQuery(deadlinesQueryOptions());
  return (
    <section className="page-section" aria-labelledby="home-deadlines">
      <Heading level={2} data-size="sm" id="home-deadlines">
        {t('plans.deadlines.heading')}
      </Heading>
      {deadlines.isError ? <LoadError error={deadlines.error} /> : null}
      {deadlines.data ? (
        deadlines.data.overdue.length + deadlines.data.dueSoon.length === 0 ? (
          <Paragraph>{t('plans.deadlines.none')}</Paragraph>
        ) : (
          <>
            <DeadlineList title={t('plans.deadlines.overdue', { count: deadlines.data.overdue.length })} items={deadlines.data.overdue} />
            <DeadlineList title={t('plans.deadlines.dueSoon', { count: deadlines.data.dueSoon.length })} items={deadlines.data.dueSoon} />
          </>
        )
      ) : null}
    </section>
  );
}

function DeadlineList({ title, items }: { title: string; items: Deadlines['overdue'] }) {
  const { t } = useTranslation();
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
            {t('plans.deadlines.line', { due: item.dueDate, owner: item.ownerOrganisation?.name ?? t('plans.noOwner'), progress: item.progress })}
          </li>
        ))}
      </ul>
    </>
  );
}
