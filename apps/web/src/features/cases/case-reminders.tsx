import { Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/load-state';
import { formatDateTime } from '../../lib/format';
import { hasPermission, useMe } from '../auth/use-me';
import { caseRemindersQueryOptions } from './queries';

/** Home-page block: case deadlines that matter (reflection period, child welfare, referrals, tasks, retention, break-glass). */
export function CaseReminders() {
  const me = useMe();
  if (!hasPermission(me, 'cases:read')) return null;
  return <CaseReminderList />;
}

function CaseReminderList() {
  const { t, i18n } = useTranslation();
  const reminders = useQuery(caseRemindersQueryOptions());
  return (
    <section className="page-section" aria-labelledby="home-case-reminders">
      <Heading level={2} data-size="sm" id="home-case-reminders">
        {t('cases.reminders.heading')}
      </Heading>
      {reminders.isError ? <LoadError error={reminders.error} onRetry={() => void reminders.refetch()} /> : null}
      {reminders.data && reminders.data.items.length === 0 ? <Paragraph>{t('cases.reminders.empty')}</Paragraph> : null}
      {reminders.data && reminders.data.items.length > 0 ? (
        <ul className="link-list">
          {reminders.data.items.map((reminder) => (
            <li key={`${reminder.kind}-${reminder.caseId}-${reminder.dueAt}`}>
              <DsLink asChild>
                <Link to="/cases/$caseId" params={{ caseId: reminder.caseId }}>
                  {t('cases.reminders.line', { kind: t(`cases.reminders.kinds.${reminder.kind}`), number: reminder.caseNumber, date: formatDateTime(reminder.dueAt, i18n.language) ?? '' })}
                  {reminder.overdue ? ` (${t('cases.reminders.overdue')})` : ''}
                </Link>
              </DsLink>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
