import { Button, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading, MutationError } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { formatDateTime } from '../../lib/format';
import { readAllNotificationsMutationOptions, readNotificationMutationOptions } from './mutations';
import { NotificationLink } from './notification-link';
import { notificationsQueryOptions } from './queries';

/** The signed-in user's notifications: what awaits them, newest first, unread marked. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const notifications = useQuery(notificationsQueryOptions(false, 200));
  const read = useMutation(readNotificationMutationOptions(queryClient));
  const readAll = useMutation(readAllNotificationsMutationOptions(queryClient));

  return (
    <div className="narrow-page page-stack">
      <div className="page-section">
        <PageHeading>{t('notifications.title')}</PageHeading>
        <Paragraph>{t('notifications.intro')}</Paragraph>
        <Paragraph>
          <DsLink asChild>
            <Link to="/notifications/preferences">{t('notifications.preferencesLink')}</Link>
          </DsLink>
        </Paragraph>
      </div>
      {notifications.isPending ? <Loading /> : null}
      {notifications.isError ? <LoadError error={notifications.error} onRetry={() => void notifications.refetch()} /> : null}
      {notifications.data ? (
        <section className="page-section" aria-labelledby="notifications-count">
          <Paragraph id="notifications-count" role="status">
            {t('notifications.unreadCount', { count: notifications.data.unread })}
          </Paragraph>
          {notifications.data.unread > 0 ? (
            <div className="button-row">
              <Button variant="secondary" data-size="sm" onClick={() => readAll.mutate()} loading={readAll.isPending} disabled={readAll.isPending}>
                {t('notifications.markAllRead')}
              </Button>
            </div>
          ) : null}
          <MutationError error={readAll.error ?? read.error} />
          {notifications.data.items.length === 0 ? <Paragraph>{t('notifications.empty')}</Paragraph> : null}
          {notifications.data.items.length > 0 ? (
            <ul className="notification-list" aria-label={t('notifications.listLabel')}>
              {notifications.data.items.map((notification) => (
                <li key={notification.id} className={notification.readAt ? 'notification-list__item' : 'notification-list__item notification-list__item--unread'}>
                  <div className="notification-list__main">
                    {notification.readAt ? null : (
                      <Tag data-color="info" data-size="sm">
                        {t('notifications.unread')}
                      </Tag>
                    )}
                    <NotificationLink notification={notification} />
                  </div>
                  <Paragraph data-size="sm">{t('notifications.received', { date: formatDateTime(notification.createdAt, i18n.language) ?? '' })}</Paragraph>
                  {notification.readAt ? null : (
                    <Button variant="tertiary" data-size="sm" onClick={() => read.mutate(notification.id)} disabled={read.isPending}>
                      {t('notifications.markRead')}
                      <span className="visually-hidden">: {t(`notifications.kinds.${notification.kind}`)}</span>
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
