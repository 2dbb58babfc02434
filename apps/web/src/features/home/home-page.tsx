import { Link as DsLink, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { visibleNavItems } from '../../components/main-nav';
import { PageHeading } from '../../components/page-heading';
import { useMe } from '../auth/use-me';
import { useMapReadable } from '../overview/use-map-readable';
import { PlanDeadlines } from '../plans/plan-deadlines';
import { CaseReminders } from '../cases/case-reminders';
import { UnreadNotificationsCard } from '../notifications/unread-notifications-card';

/** The start page: what the user's role does in Lykt, and links to what they can use now. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const role = me.user.role;
  const mapReadable = useMapReadable(me);
  const links = visibleNavItems(me).flatMap((item) => (item.key === 'home' || (item.key === 'overview' && !mapReadable) ? [] : [{ ...item, key: item.key }]));

  return (
    <div className="page-stack">
      <div className="page-section">
        <PageHeading documentTitle={t('home.title')}>{t('home.heading', { name: me.user.name })}</PageHeading>
        <Paragraph data-size="lg">{t('home.roleLine', { role: t(`roles.${role}`), organisation: me.organisation.name })}</Paragraph>
        <Paragraph>{t(`home.roles.${role}.intro`)}</Paragraph>
      </div>
      <section className="page-section" aria-labelledby="home-now">
        <Heading level={2} data-size="sm" id="home-now">
          {t('home.availableNow')}
        </Heading>
        <ul className="link-list">
          {links.map((item) => (
            <li key={item.key}>
              <DsLink asChild>
                <Link to={item.to}>{t(`home.links.${item.key}`)}</Link>
              </DsLink>
            </li>
          ))}
        </ul>
      </section>
      <UnreadNotificationsCard />
      <PlanDeadlines />
      <CaseReminders />
    </div>
  );
}
