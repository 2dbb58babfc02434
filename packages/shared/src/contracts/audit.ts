import { z } from 'zod';
import { PageQuerySchema } from './common';

/** The typed catalogue of audit event actions. */
export const AUDIT_ACTIONS = [
  'auth.login.succeeded',
  'auth.login.failed',
  'auth.login.locked',
  'auth.mfa.succeeded',
  'auth.mfa.failed',
  'auth.mfa.enrolled',
  'auth.logout',
  'auth.password.changed',
  'user.created',
  'user.updated',
  'user.deactivated',
  'user.reactivated',
  'user.mfa.reset',
  'user.sessions.viewed',
  'user.sessions.ended',
  'user.preferences.updated',
  'organisation.created',
  'organisation.updated',
  'organisation.archived',
  'municipality.created',
  'municipality.updated',
  'audit.viewed',
  'tip.viewed',
  'tip.updated',
  'tip.replied',
  'tip.noted',
  'tip.deleted',
  'tip.converted',
  'tip.settings.updated',
  'plan.created',
  'plan.version.adopted',
  'plan.revision.started',
  'plan.measure.created',
  'plan.measure.updated',
  'plan.measure.deleted',
  'plan.measure.progress.posted',
  'cooperation.member.created',
  'cooperation.member.updated',
  'cooperation.member.removed',
  'cooperation.routing.updated',
  'cooperation.meeting.created',
  'cooperation.meeting.updated',
  'cooperation.meeting.deleted',
  'cooperation.meeting.viewed',
  'cooperation.action.completed',
  'screening.created',
  'concern.created',
  'concern.viewed',
  'concern.details.viewed',
  'concern.assigned',
  'concern.question.asked',
  'concern.question.answered',
  'concern.closed',
  'pathway.updated',
  'system.demo.seeded',
  'system.restore',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEventSchema = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  occurredAt: z.iso.datetime(),
  actor: z.object({ id: z.uuid().nullable(), name: z.string().nullable(), label: z.string() }),
  action: z.enum(AUDIT_ACTIONS),
  entityType: z.string(),
  entityId: z.string().nullable(),
  requestId: z.string().nullable(),
  outcome: z.enum(['success', 'failure']),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditListQuerySchema = PageQuerySchema.extend({
  action: z.enum(AUDIT_ACTIONS).optional().describe('Only this action'),
  actorId: z.uuid().optional().describe('Only events by this user'),
  entityType: z.string().trim().max(60).optional().describe('Only this kind of record'),
  entityId: z.string().trim().max(80).optional().describe('Only this record'),
  from: z.iso.date().optional().describe('From this day (inclusive)'),
  to: z.iso.date().optional().describe('To this day (inclusive)'),
});
export type AuditListQuery = z.infer<typeof AuditListQuerySchema>;

export const AuditListSchema = z.object({ items: z.array(AuditEventSchema), total: z.number().int() });
