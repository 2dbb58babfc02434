import { Button, Paragraph } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { PageHeading } from '../../components/page-heading';
import { hasPermission, useMe } from '../auth/use-me';
import { CaseReminders } from '../cases/case-reminders';
import { UnreadNotificationsCard } from '../notifications/unread-notifications-card';
import { PlanDeadlines } from '../plans/plan-deadlines';
import { useTranslation } from 'react-i18next';
import { PlanAndReportCards, WorkQueue } from './work-queue';

/**
 * The start page is a work queue: what needs this user now, as counts that open the filtered
 * lists, then the details (case deadlines, plan deadlines). Each block is its own component in
 * `.home-cards`, so another card (notifications) slots in without touching the rest.
 */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const role = me.user.role;
  return (
    <div className="page-stack">
      <div className="page-section">
        <PageHeading documentTitle={t('home.title')}>{t('home.heading', { name: me.user.name })}</PageHeading>
        <Paragraph>{t('home.roleLine', { role: t(`roles.${role}`), organisation: me.organisation.name })}</Paragraph>
        <Paragraph>{t(`home.roles.${role}.intro`)}</Paragraph>
        {(role === 'frontline' || role === 'caseworker') && hasPermission(me, 'screenings:create') ? (
          <div className="button-row">
            <Button asChild>
              <Link to="/screening">{t('home.startScreening')}</Link>
            </Button>
            <Button asChild variant="secondary">
              <Link to="/screenings">{t('screeningList.homeLink')}</Link>
            </Button>
          </div>
        ) : null}
      </div>
      <WorkQueue />
      <UnreadNotificationsCard />
      <PlanAndReportCards />
      <CaseReminders />
      <PlanDeadlines />
    </div>
  );
}
