import { and, eq, gte, ilike, inArray, lt, or, type SQL } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';
import type { AUDIT_SORT_KEYS, AuditListQuery } from '@lykt/shared';
import { containsPattern, keysetKey, keysetOrderBy, keysetPage, keysetSort, keysetWhere, type CursorKey, type KeysetSort, type SortColumn } from '../../platform/keyset';
import { localDayEnd, localDayStart } from '../reports/period';

export type AuditRow = typeof schema.auditEvent.$inferSelect & { actorName: string | null };

const a = schema.auditEvent;
const AUDIT_SORT_COLUMNS: Record<(typeof AUDIT_SORT_KEYS)[number], SortColumn> = {
  occurredAt: { column: a.occurredAt, kind: 'timestamp' },
  action: { column: a.action, kind: 'text' },
  entityType: { column: a.entityType, kind: 'text' },
};

/** The audit log's sort from its query parameter. */
export function auditListSort(name: AuditListQuery['sort']): KeysetSort {
  return keysetSort(name, AUDIT_SORT_COLUMNS, a.id);
}

/**
 * The log's rows for the filters; the free text matches coded fields and the acting staff user's
 * name (the log holds no personal values of the people in the records). A coded column that
 * contains the text makes the columns joined (auditEventSearchText) contain it, so the search
 * first asks the joined text, which the trigram index (audit_event_search_trgm_idx, migration
 * 0026) answers, and then each column exactly as before (the join may match across two columns;
 * the per-column check drops that). The staff names are matched first (`actorIds`), so the
 * condition is an OR of two indexed arms rather than a filter over a scan of the whole log.
 */
function auditListWhere(municipalityId: string, query: AuditListQuery, actorIds: string[]): SQL | undefined {
  const pattern = query.q ? containsPattern(query.q) : null;
  return and(
    eq(a.municipalityId, municipalityId),
    query.action ? eq(a.action, query.action) : undefined,
    query.actorId ? eq(a.actorUserId, query.actorId) : undefined,
    query.entityType ? eq(a.entityType, query.entityType) : undefined,
    query.entityId ? eq(a.entityId, query.entityId) : undefined,
    query.outcome ? eq(a.outcome, query.outcome) : undefined,
    query.from ? gte(a.occurredAt, localDayStart(query.from)) : undefined,
    query.to ? lt(a.occurredAt, localDayEnd(query.to)) : undefined,
    pattern
      ? or(
          and(
            ilike(schema.auditEventSearchText(a), pattern),
            or(ilike(a.action, pattern), ilike(a.entityType, pattern), ilike(a.entityId, pattern), ilike(a.requestId, pattern), ilike(a.actorLabel, pattern)),
          ),
          // The municipality again inside the arm, so (municipality_id, actor_user_id, …) serves it.
          actorIds.length > 0 ? and(eq(a.municipalityId, municipalityId), inArray(a.actorUserId, actorIds)) : undefined,
        )
      : undefined,
  );
}

/** The staff users whose name contains the search text: the log's rows by them match it (as a join on the name would). */
export async function actorsNamed(db: Database, q: string | undefined): Promise<string[]> {
  if (!q) return [];
  const rows = await db.select({ id: schema.appUser.id }).from(schema.appUser).where(ilike(schema.appUser.name, containsPattern(q)));
  return rows.map((row) => row.id);
}

/** The page's query, unrun (the bench reads its plan with EXPLAIN ANALYZE); `actorIds` from actorsNamed. */
export function auditEventsQuery(db: Database, municipalityId: string, query: AuditListQuery, page: { sort: KeysetSort; cursor: CursorKey | null }, actorIds: string[]) {
  return db
    .select({ event: a, actorName: schema.appUser.name, id: a.id, cursorKey: keysetKey(page.sort) })
    .from(a)
    .leftJoin(schema.appUser, eq(schema.appUser.id, a.actorUserId))
    .where(and(auditListWhere(municipalityId, query, actorIds), keysetWhere(page.sort, page.cursor)))
    .orderBy(...keysetOrderBy(page.sort))
    .limit(query.limit + 1);
}

/**
 * A page of the audit log, keyset-paged (the log grows without end: no count runs, the total is
 * known only when the first page holds everything).
 */
export async function findAuditEvents(
  db: Database,
  municipalityId: string,
  query: AuditListQuery,
  page: { sort: KeysetSort; cursor: CursorKey | null },
): Promise<{ items: AuditRow[]; nextCursor: string | null }> {
  const fetched = await auditEventsQuery(db, municipalityId, query, page, await actorsNamed(db, query.q));
  const { rows, nextCursor } = keysetPage(fetched, query.limit, page.sort);
  return { items: rows.map((row) => ({ ...row.event, actorName: row.actorName })), nextCursor };
}
