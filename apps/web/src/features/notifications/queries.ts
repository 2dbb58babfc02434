import type { NotificationDelivery, NotificationList, NotificationPreferences } from '@lykt/shared';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (unreadOnly: boolean) => ['notifications', 'list', unreadOnly] as const,
  unread: ['notifications', 'unread'] as const,
  preferences: ['notifications', 'preferences'] as const,
  delivery: ['notifications', 'delivery'] as const,
};

/** How often the header's unread count is refreshed. */
const UNREAD_REFRESH_MS = 60_000;

/** The signed-in user's notifications (unreadOnly: only unread ones). */
export function notificationsQueryOptions(unreadOnly = false, limit = 50) {
  return queryOptions({
    queryKey: notificationKeys.list(unreadOnly),
    queryFn: ({ signal }) => api.get<NotificationList>('/notifications', { signal, query: { limit, unread: unreadOnly ? 'true' : undefined } }),
  });
}

export function unreadCountQueryOptions() {
  return queryOptions({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => api.get<{ unread: number }>('/notifications/unread-count', { signal }),
    refetchInterval: UNREAD_REFRESH_MS,
  });
}

export function notificationPreferencesQueryOptions() {
  return queryOptions({
    queryKey: notificationKeys.preferences,
    queryFn: ({ signal }) => api.get<NotificationPreferences>('/notifications/preferences', { signal }),
  });
}

/** The e-mail outbox for the administrator. */
export function notificationDeliveryQueryOptions() {
  return queryOptions({
    queryKey: notificationKeys.delivery,
    queryFn: ({ signal }) => api.get<NotificationDelivery>('/notifications/delivery', { signal }),
  });
}
