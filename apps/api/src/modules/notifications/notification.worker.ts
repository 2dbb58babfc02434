import ical, { ICalCalendarMethod } from 'ical-generator';
import type { NotificationKind } from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { emailLang, MEETING_SUMMARY, renderDigestEmail, renderNotificationEmail, type EmailContext } from './notification.email';
import { createSmtpMailer, describeSendError, type Mailer } from './notification.mailer';
import {
  claimDueEmails,
  findDigestNotifications,
  findMeetingStart,
  findNotificationById,
  findRecipient,
  finishEmail,
  markDigested,
  type EmailRow,
} from './notification.repository';

/** Attempts before an e-mail is given up (the administrator sees it as failed). */
export const MAX_ATTEMPTS = 6;
/** Wait before attempt n+1, in minutes: 1, 5, 30, 120, 360. */
const BACKOFF_MINUTES = [1, 5, 30, 120, 360];
const CLAIM_LOCK_MS = 5 * 60_000;
const BATCH = 20;
const MEETING_HOURS = 2;
/** The largest delay Node's timers accept; a longer one fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export function backoffMs(attempts: number): number {
  return (BACKOFF_MINUTES[Math.min(attempts, BACKOFF_MINUTES.length) - 1] ?? 1) * 60_000;
}

export function baseUrlOf(deps: Deps): string {
  return (deps.config.publicUrl ?? `http://${deps.config.host}:${deps.config.port}`).replace(/\/+$/, '');
}

const recordIdOf = (linkPath: string) => linkPath.split('/').pop() ?? '';

function meetingCalendar(meetingId: string, startsAt: Date, url: string, lang: 'nb' | 'en'): string {
  const calendar = ical({ prodId: { company: 'Lykt', product: 'Lykt', language: lang.toUpperCase() }, method: ICalCalendarMethod.PUBLISH });
  // Only the time and a fixed summary: the meeting's place and agenda stay in Lykt.
  calendar.createEvent({ id: `${meetingId}@lykt`, start: startsAt, end: new Date(startsAt.getTime() + MEETING_HOURS * 3_600_000), summary: MEETING_SUMMARY[lang], url });
  return calendar.toString();
}

type Outcome = 'sent' | 'skipped' | 'retry' | 'failed';

async function sendOne(deps: Deps, mailer: Mailer, row: EmailRow, now: Date): Promise<Outcome> {
  const recipient = await findRecipient(deps.db, row.recipientUserId);
  if (!recipient?.active) {
    await finishEmail(deps.db, row.id, { status: 'skipped' });
    return 'skipped';
  }
  const lang = emailLang(recipient.language, recipient.defaultLanguage);
  const context: EmailContext = { lang, municipalityName: recipient.municipalityName, baseUrl: baseUrlOf(deps) };
  let digested: string[] = [];
  let email: Parameters<Mailer['send']>[0];
  if (row.notificationId) {
    const notification = await findNotificationById(deps.db, row.notificationId);
    if (!notification) {
      await finishEmail(deps.db, row.id, { status: 'skipped' });
      return 'skipped';
    }
    const kind = notification.kind as NotificationKind;
    const rendered = renderNotificationEmail(kind, notification.linkPath, context);
    let calendar: string | undefined;
    if (kind === 'meeting_invitation') {
      const meetingId = recordIdOf(notification.linkPath);
      const startsAt = await findMeetingStart(deps.db, notification.municipalityId, meetingId);
      if (startsAt) calendar = meetingCalendar(meetingId, startsAt, `${context.baseUrl}${notification.linkPath}`, lang);
    }
    email = { to: recipient.email, ...rendered, ...(calendar ? { calendar } : {}) };
  } else {
    const pending = await findDigestNotifications(deps.db, row.recipientUserId, now);
    if (pending.length === 0) {
      await finishEmail(deps.db, row.id, { status: 'skipped' });
      return 'skipped';
    }
    const counts = new Map<NotificationKind, number>();
    for (const notification of pending) counts.set(notification.kind as NotificationKind, (counts.get(notification.kind as NotificationKind) ?? 0) + 1);
    digested = pending.map((notification) => notification.id);
    email = { to: recipient.email, ...renderDigestEmail(counts, context) };
  }
  try {
    await mailer.send(email);
  } catch (error) {
    const lastError = describeSendError(error);
    if (row.attempts >= MAX_ATTEMPTS) {
      await finishEmail(deps.db, row.id, { status: 'failed', lastError });
      return 'failed';
    }
    await finishEmail(deps.db, row.id, { status: 'pending', lastError, nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)) });
    return 'retry';
  }
  await markDigested(deps.db, digested);
  await finishEmail(deps.db, row.id, { status: 'sent', sentAt: new Date() });
  return 'sent';
}

/** Sends what is due in the outbox, one batch at a time, until nothing due is left. */
export async function processOutbox(deps: Deps, mailer: Mailer, now = new Date()): Promise<Record<Outcome, number>> {
  const outcome: Record<Outcome, number> = { sent: 0, skipped: 0, retry: 0, failed: 0 };
  for (;;) {
    const batch = await claimDueEmails(deps.db, now, BATCH, CLAIM_LOCK_MS);
    if (batch.length === 0) return outcome;
    for (const row of batch) outcome[await sendOne(deps, mailer, row, now)] += 1;
  }
}

export type NotificationWorker = { stop: () => Promise<void> };
type Log = { info: (msg: string) => void; error: (obj: object, msg: string) => void };

/**
 * Starts the notification worker in this process: it sends the outbox every `notifyPollMs`. Every
 * process may run one (rows are claimed with SKIP LOCKED, so an e-mail goes once). The scheduled
 * reminders and pruning are the hourly job 'notification-checks' (platform/jobs/definitions.ts),
 * run once across processes by the job queue. Without SMTP there is nothing to send.
 */
export function startNotificationWorker(deps: Deps, log: Log, mailer: Mailer | null = deps.config.smtp ? createSmtpMailer(deps.config.smtp) : null): NotificationWorker {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running || !mailer) return;
    running = (async () => {
      await processOutbox(deps, mailer, new Date());
    })()
      .catch((error: unknown) => log.error({ err: { type: (error as Error).name, code: (error as { code?: unknown }).code } }, 'notification worker run failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, Math.min(deps.config.notifyPollMs, MAX_TIMER_MS));
  timer.unref();
  tick();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
      mailer?.close();
    },
  };
}

/** The start-up check of the SMTP settings: a sentence for the start message. */
export async function describeEmailDelivery(deps: Deps, mailer: Mailer | null = deps.config.smtp ? createSmtpMailer(deps.config.smtp) : null): Promise<string> {
  const smtp = deps.config.smtp;
  if (!smtp || !mailer) return 'E-mail: not configured (set LYKT_SMTP_HOST and LYKT_SMTP_FROM); notifications stay in the app.';
  try {
    await mailer.verify();
    return `E-mail: SMTP ${smtp.host}:${smtp.port} (${smtp.tls}) verified; notifications are e-mailed.`;
  } catch (error) {
    return `E-mail: SMTP ${smtp.host}:${smtp.port} could not be verified (${describeSendError(error)}); e-mails wait in the outbox and are retried.`;
  } finally {
    mailer.close();
  }
}
