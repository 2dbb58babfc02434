import { z } from 'zod';
import { PageQuerySchema } from './common';
import { AUDIT_ACTIONS } from '../catalogues/audit-actions';

export { AUDIT_ACTIONS };
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
