import type { EmailMode, Notification, NotificationDelivery, NotificationKind, NotificationList, NotificationPreferences } from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { countUnread, deliveryCounts, findEmailMode, findNotification, latestFailures, listNotifications, markRead, upsertEmailMode, type NotificationRow } from './notification.repository';

const FAILURES_SHOWN = 50;

function presentNotification(row: NotificationRow): Notification {
  return { id: row.id, kind: row.kind as NotificationKind, linkPath: row.linkPath, createdAt: row.createdAt.toISOString(), readAt: row.readAt?.toISOString() ?? null };
}

/** The actor's own notifications, newest first, with the unread count. */
export async function findMyNotifications(deps: Deps, actor: UserActor, query: { limit: number; offset: number; unread?: 'true' | 'false' }): Promise<NotificationList> {
  const { rows, total, unread } = await listNotifications(deps.db, actor.municipalityId, actor.userId, { limit: query.limit, offset: query.offset, unreadOnly: query.unread === 'true' });
  return { items: rows.map(presentNotification), total, unread };
}

export async function getUnreadCount(deps: Deps, actor: UserActor): Promise<{ unread: number }> {
  return { unread: await countUnread(deps.db, actor.municipalityId, actor.userId) };
}

/** Marks one of the actor's notifications read (another user's answers 404). */
export async function readNotification(deps: Deps, actor: UserActor, id: string): Promise<Notification> {
  const row = await findNotification(deps.db, actor.municipalityId, actor.userId, id);
  if (!row) throw notFound('The notification');
  await markRead(deps.db, actor.municipalityId, actor.userId, id, new Date());
  const updated = await findNotification(deps.db, actor.municipalityId, actor.userId, id);
  return presentNotification(updated ?? row);
}

export async function readAllNotifications(deps: Deps, actor: UserActor): Promise<{ unread: number }> {
  await markRead(deps.db, actor.municipalityId, actor.userId, null, new Date());
  return { unread: 0 };
}

export async function getPreferences(deps: Deps, actor: UserActor): Promise<NotificationPreferences> {
  return { emailMode: (await findEmailMode(deps.db, actor.userId)) ?? 'immediate', emailConfigured: deps.config.smtp !== null };
}

/** Sets how the actor wants e-mail. Audited (the choice decides what leaves Lykt by e-mail). */
export async function updatePreferences(deps: Deps, actor: UserActor, body: { emailMode: EmailMode }): Promise<NotificationPreferences> {
  const before = await findEmailMode(deps.db, actor.userId);
  await inTransaction(deps, async (tx) => {
    await upsertEmailMode(tx, actor.municipalityId, actor.userId, body.emailMode);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'notification.preferences.updated', entityType: 'app_user', entityId: actor.userId, details: { from: before ?? 'immediate', to: body.emailMode } });
  });
  return getPreferences(deps, actor);
}

/** The municipality's e-mail outbox for the administrator: counts and recent failures, no addresses. */
export async function getDelivery(deps: Deps, actor: UserActor): Promise<NotificationDelivery> {
  const [counts, failures] = await Promise.all([deliveryCounts(deps.db, actor.municipalityId), latestFailures(deps.db, actor.municipalityId, FAILURES_SHOWN)]);
  return {
    emailConfigured: deps.config.smtp !== null,
    counts: { pending: counts.pending ?? 0, sending: counts.sending ?? 0, sent: counts.sent ?? 0, failed: counts.failed ?? 0 },
    failures: failures.map((row) => ({
      id: row.id,
      kind: (row.kind as NotificationKind | null) ?? null,
      status: row.status === 'failed' ? 'failed' : 'pending',
      attempts: row.attempts,
      lastError: row.lastError,
      nextAttemptAt: row.status === 'failed' ? null : row.nextAttemptAt.toISOString(),
    })),
  };
}
