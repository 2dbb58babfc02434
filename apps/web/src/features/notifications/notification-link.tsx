import { Link as DsLink } from '@digdir/designsystemet-react';
import type { Notification } from '@lykt/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readNotificationMutationOptions } from './mutations';

/**
 * A link to what the notification is about. Opening it marks it read first; a modified click
 * (new tab or window) opens it as usual and leaves it unread.
 */
export function NotificationLink({ notification }: { notification: Notification }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const read = useMutation(readNotificationMutationOptions(queryClient));
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const go = () => window.location.assign(notification.linkPath);
    if (notification.readAt) go();
    else read.mutate(notification.id, { onSettled: go });
  };
  return (
    <DsLink href={notification.linkPath} onClick={open}>
      {t(`notifications.kinds.${notification.kind}`)}
    </DsLink>
  );
}
