import { z } from 'zod';

/**
 * Every kind of notification. A notification says only that something of this kind awaits its
 * recipient, in which municipality, and links to it (docs/NOTIFICATIONS.md lists the recipients).
 */
export const NOTIFICATION_KINDS = [
  'concern_new',
  'concern_assigned',
  'concern_question',
  'tip_new',
  'tip_message',
  'referral_sent',
  'referral_answered',
  'referral_revoked',
  'referral_overdue',
  'case_deadline',
  'child_welfare_overdue',
  'erasure_coming',
  'task_due',
  'break_glass',
  'measure_due',
  'meeting_invitation',
  'meeting_minutes',
  'training_due',
] as const;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

/** Kinds e-mailed at once whatever the recipient chose: someone may be at risk. */
export const ALWAYS_IMMEDIATE_KINDS: readonly NotificationKind[] = ['break_glass', 'child_welfare_overdue'];

export const EMAIL_MODES = ['immediate', 'digest', 'off'] as const;
export const EmailModeSchema = z.enum(EMAIL_MODES);
export type EmailMode = z.infer<typeof EmailModeSchema>;

/** One notification in the signed-in user's list. */
export const NotificationSchema = z.object({
  id: z.uuid().describe('The notification id'),
  kind: NotificationKindSchema.describe('What kind of thing awaits'),
  linkPath: z.string().describe('Where it is, inside the staff app (/app/...)'),
  createdAt: z.iso.datetime().describe('When it was notified'),
  readAt: z.iso.datetime().nullable().describe('When it was marked read; null while unread'),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListSchema = z.object({
  items: z.array(NotificationSchema).describe('Newest first'),
  total: z.number().int().describe('All notifications of the user'),
  unread: z.number().int().describe('Unread notifications of the user'),
});
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const NotificationListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Rows per page (1-200)'),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe('Rows to skip'),
  unread: z.enum(['true', 'false']).optional().describe('Only unread notifications when true'),
});

export const UnreadCountSchema = z.object({
  unread: z.number().int().describe('Unread notifications of the signed-in user'),
});

export const NotificationPreferencesSchema = z.object({
  emailMode: EmailModeSchema.describe('E-mail immediately, as one daily digest, or not at all (break-glass and overdue child-welfare deadlines are always e-mailed)'),
  emailConfigured: z.boolean().describe('Whether this installation can send e-mail at all'),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

export const NotificationPreferencesBodySchema = z.strictObject({
  emailMode: EmailModeSchema.describe('immediate, digest or off'),
});

/** The e-mail outbox as the administrator sees it: counts and the latest failures, nothing personal. */
export const NotificationDeliverySchema = z.object({
  emailConfigured: z.boolean().describe('Whether SMTP is configured'),
  counts: z.object({
    pending: z.number().int(),
    sending: z.number().int(),
    sent: z.number().int(),
    failed: z.number().int(),
  }),
  failures: z
    .array(
      z.object({
        id: z.uuid(),
        kind: NotificationKindSchema.nullable().describe('null for a daily digest'),
        status: z.enum(['pending', 'failed']).describe('pending: will be retried; failed: gave up'),
        attempts: z.number().int(),
        lastError: z.string().nullable().describe('SMTP error code and response code only'),
        nextAttemptAt: z.iso.datetime().nullable().describe('When it is retried; null when given up'),
      }),
    )
    .describe('The latest e-mails that failed at least once, newest first'),
});
export type NotificationDelivery = z.infer<typeof NotificationDeliverySchema>;
