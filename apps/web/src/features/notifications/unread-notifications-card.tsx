import { Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/load-state';
import { NotificationLink } from './notification-link';
import { notificationsQueryOptions } from './queries';

const SHOWN = 5;

/** Home-page card: the newest unread notifications and how many there are. */
export function UnreadNotificationsCard() {
  const { t } = useTranslation();
  const unread = useQuery(notificationsQueryOptions(true, SHOWN));
  return (
    <section className="page-section" aria-labelledby="home-notifications">
      <Heading level={2} data-size="sm" id="home-notifications">
        {t('notifications.card.heading')}
      </Heading>
      {unread.isError ? <LoadError error={unread.error} onRetry={() => void unread.refetch()} /> : null}
      {unread.data && unread.data.unread === 0 ? <Paragraph>{t('notifications.card.none')}</Paragraph> : null}
      {unread.data && unread.data.unread > 0 ? (
        <>
          <Paragraph>{t('notifications.unreadCount', { count: unread.data.unread })}</Paragraph>
          <ul className="link-list">
            {unread.data.items.map((notification) => (
              <li key={notification.id}>
                <NotificationLink notification={notification} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Paragraph>
        <DsLink asChild>
          <Link to="/notifications">{t('notifications.card.all')}</Link>
        </DsLink>
      </Paragraph>
    </section>
  );
}
