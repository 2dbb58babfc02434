import type { AuditAction, AuditEvent, AuditList, AuditListQuery } from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { decodeCursor, keysetTotal } from '../../platform/keyset';
import { auditListSort, findAuditEvents as findAuditRows, type AuditRow } from './audit.repository';

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

/** Browses the audit log, keyset-paged. Looking at the log is itself logged (which filters, never their values). */
export async function findAuditEvents(deps: Deps, actor: UserActor, query: AuditListQuery): Promise<AuditList> {
  const sort = auditListSort(query.sort);
  const cursor = decodeCursor(query.cursor, sort);
  const result = await findAuditRows(deps.db, actor.municipalityId, query, { sort, cursor });
  const total = await keysetTotal({ cursor, nextCursor: result.nextCursor, rowCount: result.items.length }, null);
  await inTransaction(deps, (tx) =>
    recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'audit.viewed',
      entityType: 'audit_event',
      details: { filters: Object.keys(query).filter((key) => !['limit', 'cursor', 'sort'].includes(key) && query[key as keyof AuditListQuery] !== undefined) },
    }),
  );
  return { items: result.items.map(presentAuditEvent), nextCursor: result.nextCursor, total };
}
