import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './platform';
import { municipalityRef, ts } from './columns';

/**
 * Something that awaits one user. It names only a kind and a link into Lykt holding an opaque
 * record id: never a name, case number or text, so neither the row nor an e-mail made from it
 * says what the record is.
 */
export const notification = pgTable(
  'notification',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    recipientUserId: uuid('recipient_user_id')
      .notNull()
      .references(() => appUser.id),
    /** One of NOTIFICATION_KINDS (packages/shared). */
    kind: text('kind').notNull(),
    /** A path inside the staff app, such as /app/referrals/<uuid>. */
    linkPath: text('link_path').notNull(),
    /** Scheduled checks name each reminder once (kind, record, period), so a rerun adds nothing. */
    dedupeKey: text('dedupe_key'),
    /** How the e-mail is handled: immediate, digest (waits for the daily digest), digested, none. */
    emailMode: text('email_mode').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    readAt: ts('read_at'),
  },
  (t) => [
    index('notification_recipient_idx').on(t.municipalityId, t.recipientUserId, t.createdAt),
    uniqueIndex('notification_dedupe_idx').on(t.recipientUserId, t.dedupeKey),
    index('notification_digest_idx').on(t.recipientUserId).where(sql`${t.emailMode} = 'digest'`),
  ],
);

/**
 * The e-mail outbox: one row per e-mail to send. Workers claim rows with FOR UPDATE SKIP LOCKED,
 * so several processes on one database never send the same e-mail twice. The e-mail is rendered
 * when sent, from the notification's kind and link; nothing personal is stored here.
 */
export const notificationEmail = pgTable(
  'notification_email',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    recipientUserId: uuid('recipient_user_id')
      .notNull()
      .references(() => appUser.id),
    /** The notification e-mailed; null for a daily digest. */
    notificationId: uuid('notification_id').references(() => notification.id, { onDelete: 'cascade' }),
    /** pending, sending, sent, failed. */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    /** A claim expires, so a worker that died mid-send does not hold the row for ever. */
    lockedUntil: ts('locked_until'),
    /** The SMTP error code and response code only: never an address or message text. */
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    index('notification_email_due_idx').on(t.status, t.nextAttemptAt),
    index('notification_email_municipality_idx').on(t.municipalityId, t.status),
    uniqueIndex('notification_email_digest_idx').on(t.recipientUserId).where(sql`${t.notificationId} IS NULL AND ${t.status} = 'pending'`),
  ],
);

/** How a user wants e-mail: immediately, as a daily digest, or not at all. Absent: immediately. */
export const notificationPreference = pgTable('notification_preference', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => appUser.id),
  municipalityId: municipalityRef(),
  emailMode: text('email_mode').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
