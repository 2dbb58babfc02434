import type { Database } from '@lykt/db';
import { ALWAYS_IMMEDIATE_KINDS, type EmailMode, type NotificationKind } from '@lykt/shared';
import { currentContext } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { localDate, localDayStart } from '../reports/period';
import {
  ensureDigestEmail,
  findCaseOwner,
  findCaseTeam,
  findConcernPeople,
  findCooperationMemberUsers,
  findEmailModes,
  findOrganisationUsers,
  findReferralTarget,
  findTipAssignee,
  findUsersByRole,
  insertImmediateEmails,
  insertNotifications,
} from './notification.repository';

/**
 * The events a module reports, each with only ids. Recipients are worked out here, so a hook
 * in another module is one line: `await notify(deps, tx, { kind: ..., municipalityId, ...ids })`.
 */
export type NotifyEvent =
  | { kind: 'concern_new'; municipalityId: string; concernId: string }
  | { kind: 'concern_assigned'; municipalityId: string; concernId: string; userId: string }
  | { kind: 'concern_question'; municipalityId: string; concernId: string }
  | { kind: 'tip_new'; municipalityId: string; tipId: string }
  | { kind: 'tip_message'; municipalityId: string; tipId: string }
  | { kind: 'referral_sent'; municipalityId: string; referralId: string }
  | { kind: 'referral_answered'; municipalityId: string; referralId: string }
  | { kind: 'referral_revoked'; municipalityId: string; referralId: string }
  | { kind: 'break_glass'; municipalityId: string; caseId: string }
  | { kind: 'erasure_coming'; municipalityId: string; caseId: string }
  | { kind: 'meeting_invitation'; municipalityId: string; meetingId: string }
  | { kind: 'meeting_minutes'; municipalityId: string; meetingId: string };

/** A resolved notification: who, what kind, where; dedupeKey for scheduled reminders. */
export type Delivery = { municipalityId: string; kind: NotificationKind; recipients: readonly string[]; linkPath: string; dedupeKey?: string; createdAt?: Date };

const COORDINATORS = ['coordinator'] as const;
const PARTNER_ROLES = ['partner', 'caseworker', 'coordinator'] as const;

/** Midnight in Norway starting the day of `now`: a tip keeps only its day (in Norway), and so does its notification. */
function dayStart(now: Date): Date {
  return localDayStart(localDate(now));
}

async function resolve(tx: Database, event: NotifyEvent): Promise<Delivery | null> {
  const m = event.municipalityId;
  switch (event.kind) {
    case 'concern_new':
      return { municipalityId: m, kind: event.kind, recipients: await findUsersByRole(tx, m, COORDINATORS), linkPath: `/app/concerns/${event.concernId}` };
    case 'concern_assigned':
      return { municipalityId: m, kind: event.kind, recipients: [event.userId], linkPath: `/app/concerns/${event.concernId}` };
    case 'concern_question': {
      const people = await findConcernPeople(tx, m, event.concernId);
      return people && { municipalityId: m, kind: event.kind, recipients: [people.reporterUserId], linkPath: `/app/concerns/${event.concernId}` };
    }
    case 'tip_new':
      return { municipalityId: m, kind: event.kind, recipients: await findUsersByRole(tx, m, COORDINATORS), linkPath: `/app/tips/${event.tipId}`, createdAt: dayStart(new Date()) };
    case 'tip_message': {
      const assignee = await findTipAssignee(tx, m, event.tipId);
      const recipients = assignee ? [assignee] : await findUsersByRole(tx, m, COORDINATORS);
      return { municipalityId: m, kind: event.kind, recipients, linkPath: `/app/tips/${event.tipId}`, createdAt: dayStart(new Date()) };
    }
    case 'referral_sent': {
      const target = await findReferralTarget(tx, m, event.referralId);
      return target && { municipalityId: m, kind: event.kind, recipients: await findOrganisationUsers(tx, m, target.organisationId, PARTNER_ROLES), linkPath: `/app/referrals/${event.referralId}` };
    }
    case 'referral_revoked': {
      // The partner can no longer open a revoked referral: the link leads to their list.
      const target = await findReferralTarget(tx, m, event.referralId);
      return target && { municipalityId: m, kind: event.kind, recipients: await findOrganisationUsers(tx, m, target.organisationId, PARTNER_ROLES), linkPath: '/app/referrals' };
    }
    case 'referral_answered': {
      const target = await findReferralTarget(tx, m, event.referralId);
      return target && { municipalityId: m, kind: event.kind, recipients: await findCaseTeam(tx, m, target.caseId), linkPath: `/app/cases/${target.caseId}` };
    }
    case 'break_glass': {
      const recipients = [...(await findCaseOwner(tx, m, event.caseId)), ...(await findUsersByRole(tx, m, COORDINATORS))];
      return { municipalityId: m, kind: event.kind, recipients, linkPath: `/app/cases/${event.caseId}` };
    }
    case 'erasure_coming':
      return { municipalityId: m, kind: event.kind, recipients: await findCaseTeam(tx, m, event.caseId), linkPath: `/app/cases/${event.caseId}`, dedupeKey: `erasure_coming:${event.caseId}` };
    case 'meeting_invitation':
    case 'meeting_minutes':
      return { municipalityId: m, kind: event.kind, recipients: await findCooperationMemberUsers(tx, m), linkPath: `/app/cooperation/meetings/${event.meetingId}` };
  }
}

/** The next daily digest time: 06:00 UTC (07:00 or 08:00 in Norway). */
export function nextDigestAt(now: Date): Date {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 6));
  return today > now ? today : new Date(today.getTime() + 86_400_000);
}

/**
 * Writes the notifications (and queues their e-mails) in the caller's transaction, so a
 * notification exists exactly when the change that caused it does. Sending happens later, in
 * the worker: the request never waits for SMTP. The person who caused the event is not told.
 */
export async function deliver(deps: Deps, tx: Database, delivery: Delivery): Promise<number> {
  const { actor } = currentContext();
  const self = actor?.kind === 'user' ? actor.userId : null;
  const recipients = [...new Set(delivery.recipients)].filter((id) => id !== self);
  if (recipients.length === 0) return 0;
  const modes = await findEmailModes(tx, recipients);
  const always = ALWAYS_IMMEDIATE_KINDS.includes(delivery.kind);
  const modeOf = (userId: string): EmailMode | 'none' => {
    if (!deps.config.smtp) return 'none';
    if (always) return 'immediate';
    const mode = modes.get(userId) ?? 'immediate';
    return mode === 'off' ? 'none' : mode;
  };
  const rows = await insertNotifications(
    tx,
    recipients.map((recipientUserId) => ({
      municipalityId: delivery.municipalityId,
      recipientUserId,
      kind: delivery.kind,
      linkPath: delivery.linkPath,
      dedupeKey: delivery.dedupeKey ?? null,
      emailMode: modeOf(recipientUserId),
      ...(delivery.createdAt ? { createdAt: delivery.createdAt } : {}),
    })),
  );
  await insertImmediateEmails(tx, rows.filter((row) => row.emailMode === 'immediate'));
  const dueAt = nextDigestAt(new Date());
  for (const row of rows.filter((candidate) => candidate.emailMode === 'digest')) await ensureDigestEmail(tx, row.municipalityId, row.recipientUserId, dueAt);
  return rows.length;
}

/** Notifies the people an event concerns. Call inside the transaction that made the change. */
export async function notify(deps: Deps, tx: Database, event: NotifyEvent): Promise<void> {
  const delivery = await resolve(tx, event);
  if (delivery) await deliver(deps, tx, delivery);
}
