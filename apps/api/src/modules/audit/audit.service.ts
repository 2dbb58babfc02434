import type { AuditAction, AuditEvent, AuditListQuery } from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { findAuditEvents as findAuditRows, type AuditRow } from './audit.repository';

function presentAuditEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    actor: { id: row.actorUserId, name: row.actorName, label: row.actorLabel },
    action: row.action as AuditAction,
    entityType: row.entityType,
    entityId: row.entityId,
    requestId: row.requestId,
    outcome: row.outcome === 'failure' ? 'failure' : 'success',
    details: row.details,
  };
}

/** Browses the audit log. Looking at the log is itself logged. */
export async function findAuditEvents(deps: Deps, actor: UserActor, query: AuditListQuery): Promise<{ items: AuditEvent[]; total: number }> {
  const result = await findAuditRows(deps.db, actor.municipalityId, query);
  await inTransaction(deps, (tx) =>
    recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'audit.viewed',
      entityType: 'audit_event',
      details: { filters: Object.keys(query).filter((key) => !['limit', 'offset'].includes(key)) },
    }),
  );
  return { items: result.items.map(presentAuditEvent), total: result.total };
}
