import { and, count, desc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { rowsOf, schema, type Database } from '@lykt/db';
import type { EmailMode } from '@lykt/shared';

export type NotificationRow = typeof schema.notification.$inferSelect;
export type EmailRow = typeof schema.notificationEmail.$inferSelect;
export type Recipient = { id: string; email: string; language: string | null; municipalityId: string };

const u = schema.appUser;

/** Active users of a municipality with one of the roles. */
export async function findUsersByRole(db: Database, municipalityId: string, roles: readonly string[]): Promise<string[]> {
  const rows = await db
    .select({ id: u.id })
    .from(u)
    .where(and(eq(u.municipalityId, municipalityId), inArray(u.role, [...roles]), isNull(u.deactivatedAt)));
  return rows.map((row) => row.id);
}

/** Active users of one organisation with one of the roles. */
export async function findOrganisationUsers(db: Database, municipalityId: string, organisationId: string, roles: readonly string[]): Promise<string[]> {
  const rows = await db
    .select({ id: u.id })
    .from(u)
    .where(and(eq(u.municipalityId, municipalityId), eq(u.organisationId, organisationId), inArray(u.role, [...roles]), isNull(u.deactivatedAt)));
  return rows.map((row) => row.id);
}

/** The case team: owner and members. */
export async function findCaseTeam(db: Database, municipalityId: string, caseId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: schema.caseMember.userId })
    .from(schema.caseMember)
    .where(and(eq(schema.caseMember.municipalityId, municipalityId), eq(schema.caseMember.caseId, caseId)));
  return rows.map((row) => row.userId);
}

export async function findCaseOwner(db: Database, municipalityId: string, caseId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: schema.caseFile.ownerUserId })
    .from(schema.caseFile)
    .where(and(eq(schema.caseFile.municipalityId, municipalityId), eq(schema.caseFile.id, caseId)));
  return rows.map((row) => row.userId);
}

export async function findReferralTarget(db: Database, municipalityId: string, referralId: string): Promise<{ caseId: string; organisationId: string } | null> {
  const [row] = await db
    .select({ caseId: schema.caseReferral.caseId, organisationId: schema.caseReferral.organisationId })
    .from(schema.caseReferral)
    .where(and(eq(schema.caseReferral.municipalityId, municipalityId), eq(schema.caseReferral.id, referralId)));
  return row ?? null;
}

export async function findConcernPeople(db: Database, municipalityId: string, concernId: string): Promise<{ reporterUserId: string; assignedUserId: string | null } | null> {
  const [row] = await db
    .select({ reporterUserId: schema.concern.reporterUserId, assignedUserId: schema.concern.assignedUserId })
    .from(schema.concern)
    .where(and(eq(schema.concern.municipalityId, municipalityId), eq(schema.concern.id, concernId)));
  return row ?? null;
}

export async function findTipAssignee(db: Database, municipalityId: string, tipId: string): Promise<string | null> {
  const [row] = await db
    .select({ assignedUserId: schema.tip.assignedUserId })
    .from(schema.tip)
    .where(and(eq(schema.tip.municipalityId, municipalityId), eq(schema.tip.id, tipId)));
  return row?.assignedUserId ?? null;
}

/** Users whose e-mail is that of an active member of the cooperation group. */
export async function findCooperationMemberUsers(db: Database, municipalityId: string): Promise<string[]> {
  const m = schema.coopMember;
  const rows = await db
    .select({ id: u.id })
    .from(u)
    .innerJoin(m, and(eq(m.municipalityId, u.municipalityId), sql`lower(${m.email}) = lower(${u.email})`))
    .where(and(eq(u.municipalityId, municipalityId), isNull(u.deactivatedAt), isNull(m.removedAt), isNotNull(m.email)));
  return [...new Set(rows.map((row) => row.id))];
}

export async function findEmailModes(db: Database, userIds: readonly string[]): Promise<Map<string, EmailMode>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: schema.notificationPreference.userId, emailMode: schema.notificationPreference.emailMode })
    .from(schema.notificationPreference)
    .where(inArray(schema.notificationPreference.userId, [...userIds]));
  return new Map(rows.map((row) => [row.userId, row.emailMode as EmailMode]));
}

/** Inserts notifications; a repeated dedupe key is skipped. Returns the rows written. */
export async function insertNotifications(tx: Database, rows: (typeof schema.notification.$inferInsert)[]): Promise<NotificationRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(schema.notification).values(rows).onConflictDoNothing().returning();
}

export async function insertImmediateEmails(tx: Database, rows: NotificationRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(schema.notificationEmail).values(
    rows.map((row) => ({ municipalityId: row.municipalityId, recipientUserId: row.recipientUserId, notificationId: row.id, status: 'pending' })),
  );
}

/** One pending digest e-mail per user, due at the next digest time; an existing one is kept. */
export async function ensureDigestEmail(tx: Database, municipalityId: string, userId: string, dueAt: Date): Promise<void> {
  await tx.execute(sql`
    insert into notification_email (municipality_id, recipient_user_id, notification_id, status, next_attempt_at)
    values (${municipalityId}, ${userId}, null, 'pending', ${dueAt.toISOString()})
    on conflict (recipient_user_id) where notification_id is null and status = 'pending' do nothing`);
}

export async function listNotifications(db: Database, municipalityId: string, userId: string, query: { limit: number; offset: number; unreadOnly: boolean }) {
  const n = schema.notification;
  const mine = and(eq(n.municipalityId, municipalityId), eq(n.recipientUserId, userId));
  const where = query.unreadOnly ? and(mine, isNull(n.readAt)) : mine;
  const [rows, [total], [unread]] = await Promise.all([
    db.select().from(n).where(where).orderBy(desc(n.createdAt), desc(n.id)).limit(query.limit).offset(query.offset),
    db.select({ value: count() }).from(n).where(mine),
    db.select({ value: count() }).from(n).where(and(mine, isNull(n.readAt))),
  ]);
  return { rows, total: total?.value ?? 0, unread: unread?.value ?? 0 };
}

export async function countUnread(db: Database, municipalityId: string, userId: string): Promise<number> {
  const n = schema.notification;
  const [row] = await db.select({ value: count() }).from(n).where(and(eq(n.municipalityId, municipalityId), eq(n.recipientUserId, userId), isNull(n.readAt)));
  return row?.value ?? 0;
}

/** Marks one (or, without an id, every) unread notification of the user read; returns how many. */
export async function markRead(tx: Database, municipalityId: string, userId: string, notificationId: string | null, now: Date): Promise<number> {
  const n = schema.notification;
  const rows = await tx
    .update(n)
    .set({ readAt: now })
    .where(and(eq(n.municipalityId, municipalityId), eq(n.recipientUserId, userId), isNull(n.readAt), notificationId ? eq(n.id, notificationId) : undefined))
    .returning({ id: n.id });
  return rows.length;
}

export async function findNotification(db: Database, municipalityId: string, userId: string, id: string): Promise<NotificationRow | null> {
  const n = schema.notification;
  const [row] = await db.select().from(n).where(and(eq(n.municipalityId, municipalityId), eq(n.recipientUserId, userId), eq(n.id, id)));
  return row ?? null;
}

export async function findEmailMode(db: Database, userId: string): Promise<EmailMode | null> {
  const [row] = await db.select({ emailMode: schema.notificationPreference.emailMode }).from(schema.notificationPreference).where(eq(schema.notificationPreference.userId, userId));
  return (row?.emailMode as EmailMode | undefined) ?? null;
}

export async function upsertEmailMode(tx: Database, municipalityId: string, userId: string, emailMode: EmailMode): Promise<void> {
  await tx
    .insert(schema.notificationPreference)
    .values({ userId, municipalityId, emailMode })
    .onConflictDoUpdate({ target: schema.notificationPreference.userId, set: { emailMode, updatedAt: new Date() } });
}

// ----- The outbox -----------------------------------------------------------------------------

/**
 * Claims up to `limit` due e-mails for this worker. FOR UPDATE SKIP LOCKED makes concurrent
 * workers take disjoint rows; a claim that outlived its lock (a crashed worker) is taken again.
 */
export async function claimDueEmails(db: Database, now: Date, limit: number, lockMs: number): Promise<EmailRow[]> {
  const result = await db.execute(sql`
    update notification_email set status = 'sending', attempts = attempts + 1, locked_until = ${new Date(now.getTime() + lockMs).toISOString()}
    where id in (
      select id from notification_email
      where (status = 'pending' and next_attempt_at <= ${now.toISOString()}) or (status = 'sending' and locked_until < ${now.toISOString()})
      order by next_attempt_at
      limit ${limit}
      for update skip locked
    )
    returning id`);
  const ids = rowsOf<{ id: string }>(result).map((row) => row.id);
  if (ids.length === 0) return [];
  return db.select().from(schema.notificationEmail).where(inArray(schema.notificationEmail.id, ids));
}

export async function finishEmail(db: Database, id: string, values: Partial<typeof schema.notificationEmail.$inferInsert>): Promise<void> {
  await db.update(schema.notificationEmail).set({ ...values, lockedUntil: null }).where(eq(schema.notificationEmail.id, id));
}

export async function findRecipient(db: Database, userId: string): Promise<(Recipient & { active: boolean; municipalityName: string; defaultLanguage: string }) | null> {
  const [row] = await db
    .select({ id: u.id, email: u.email, language: u.language, municipalityId: u.municipalityId, deactivatedAt: u.deactivatedAt, municipalityName: schema.municipality.name, settings: schema.municipality.settings })
    .from(u)
    .innerJoin(schema.municipality, eq(schema.municipality.id, u.municipalityId))
    .where(eq(u.id, userId));
  if (!row) return null;
  return { id: row.id, email: row.email, language: row.language, municipalityId: row.municipalityId, active: row.deactivatedAt === null, municipalityName: row.municipalityName, defaultLanguage: row.settings.defaultLanguage };
}

export async function findNotificationById(db: Database, id: string): Promise<NotificationRow | null> {
  const [row] = await db.select().from(schema.notification).where(eq(schema.notification.id, id));
  return row ?? null;
}

/** The digest's notifications of a user up to a moment. */
export async function findDigestNotifications(db: Database, userId: string, upTo: Date): Promise<NotificationRow[]> {
  const n = schema.notification;
  return db.select().from(n).where(and(eq(n.recipientUserId, userId), eq(n.emailMode, 'digest'), lte(n.createdAt, upTo)));
}

export async function markDigested(db: Database, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.update(schema.notification).set({ emailMode: 'digested' }).where(inArray(schema.notification.id, [...ids]));
}

export async function findMeetingStart(db: Database, municipalityId: string, meetingId: string): Promise<Date | null> {
  const [row] = await db
    .select({ startsAt: schema.coopMeeting.startsAt })
    .from(schema.coopMeeting)
    .where(and(eq(schema.coopMeeting.municipalityId, municipalityId), eq(schema.coopMeeting.id, meetingId)));
  return row?.startsAt ?? null;
}

export async function deliveryCounts(db: Database, municipalityId: string): Promise<Record<string, number>> {
  const e = schema.notificationEmail;
  const rows = await db.select({ status: e.status, value: count() }).from(e).where(eq(e.municipalityId, municipalityId)).groupBy(e.status);
  return Object.fromEntries(rows.map((row) => [row.status, row.value]));
}

export async function latestFailures(db: Database, municipalityId: string, limit: number) {
  const e = schema.notificationEmail;
  return db
    .select({ id: e.id, status: e.status, attempts: e.attempts, lastError: e.lastError, nextAttemptAt: e.nextAttemptAt, kind: schema.notification.kind, createdAt: e.createdAt })
    .from(e)
    .leftJoin(schema.notification, eq(schema.notification.id, e.notificationId))
    .where(and(eq(e.municipalityId, municipalityId), isNotNull(e.lastError), inArray(e.status, ['pending', 'failed'])))
    .orderBy(desc(e.createdAt))
    .limit(limit);
}

/** Removes old notifications and sent e-mail rows: read ones after 90 days, all after a year. */
export async function pruneNotifications(db: Database, now: Date): Promise<void> {
  const day = 86_400_000;
  await db.execute(sql`delete from notification_email where status in ('sent', 'skipped') and created_at < ${new Date(now.getTime() - 30 * day).toISOString()}`);
  await db.execute(sql`delete from notification where (read_at is not null and created_at < ${new Date(now.getTime() - 90 * day).toISOString()}) or created_at < ${new Date(now.getTime() - 365 * day).toISOString()}`);
}
