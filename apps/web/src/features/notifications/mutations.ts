import type { EmailMode, Notification, NotificationPreferences } from '@lykt/shared';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { notificationKeys } from './queries';

/** Marks one notification read; the list and the header count follow. */
export function readNotificationMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['notifications', 'read'],
    mutationFn: (id: string) => api.post<Notification>(`/notifications/${id}/read`, {}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function readAllNotificationsMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['notifications', 'read-all'],
    mutationFn: () => api.post<{ unread: number }>('/notifications/read-all', {}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function updateNotificationPreferencesMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: ['notifications', 'preferences'],
    mutationFn: (emailMode: EmailMode) => api.put<NotificationPreferences>('/notifications/preferences', { emailMode }),
    onSuccess: (preferences) => queryClient.setQueryData(notificationKeys.preferences, preferences),
  });
}
