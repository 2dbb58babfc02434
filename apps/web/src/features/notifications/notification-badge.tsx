import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { unreadCountQueryOptions } from './queries';
import './notifications.css';

/** The header's link to the notifications, with the unread count in its name and as a badge. */
export function NotificationBadge() {
  const { t } = useTranslation();
  const unread = useQuery(unreadCountQueryOptions()).data?.unread ?? 0;
  return (
    <Link to="/notifications" className="notification-badge">
      {unread > 0 ? (
        <>
          <span className="visually-hidden">{t('notifications.badgeUnread', { count: unread })}</span>
          <span aria-hidden="true">
            {t('notifications.badge')} <span className="notification-badge__count">{unread}</span>
          </span>
        </>
      ) : (
        t('notifications.badge')
      )}
    </Link>
  );
}
