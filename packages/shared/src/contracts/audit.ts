import { z } from 'zod';
import { KeysetQuerySchema, keysetPageSchema, listSearchText, sortValues } from './common';
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

/** The columns the audit log sorts by. */
export const AUDIT_SORT_KEYS = ['occurredAt', 'action', 'entityType'] as const;
export const AUDIT_OUTCOMES = ['success', 'failure'] as const;

export const AuditListQuerySchema = KeysetQuerySchema.extend({
  q: listSearchText.describe('Free-text search over the action, record type, record id, request id, actor label and the acting staff user’s name (the log holds no personal values of the people in the records)'),
  action: z.enum(AUDIT_ACTIONS).optional().describe('Only this action'),
  actorId: z.uuid().optional().describe('Only events by this user'),
  entityType: z.string().trim().max(60).optional().describe('Only this kind of record'),
  entityId: z.string().trim().max(80).optional().describe('Only this record'),
  outcome: z.enum(AUDIT_OUTCOMES).optional().describe('Only successes or only failures'),
  from: z.iso.date().optional().describe('From this day (inclusive; Norwegian local day, Europe/Oslo)'),
  to: z.iso.date().optional().describe('To this day (inclusive; Norwegian local day, Europe/Oslo)'),
  sort: z.enum(sortValues(AUDIT_SORT_KEYS)).default('-occurredAt').describe('Sort column; a leading "-" sorts descending'),
});
export type AuditListQuery = z.infer<typeof AuditListQuerySchema>;

export const AuditListSchema = keysetPageSchema(AuditEventSchema);
export type AuditList = z.infer<typeof AuditListSchema>;
