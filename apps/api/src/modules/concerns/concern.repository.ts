import { and, asc, count, eq, inArray, isNull, or } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';
import type { CONCERN_SORT_KEYS, ConcernListQuery } from '@lykt/shared';
import { keysetList, keysetSort, type CursorKey, type KeysetSort, type SortColumn } from '../../platform/keyset';

export type ConcernRow = typeof schema.concern.$inferSelect;
export type ConcernInsert = Omit<typeof schema.concern.$inferInsert, 'municipalityId' | 'id' | 'createdAt' | 'updatedAt'>;
export type ConcernMessageRow = typeof schema.concernMessage.$inferSelect;

export async function insertConcern(tx: Database, municipalityId: string, values: ConcernInsert): Promise<ConcernRow> {
  const [row] = await tx.insert(schema.concern).values({ ...values, municipalityId }).returning();
  if (!row) throw new Error('concern insert returned nothing');
  return row;
}

export async function findConcern(db: Database, municipalityId: string, concernId: string): Promise<ConcernRow | null> {
  const [row] = await db
    .select()
    .from(schema.concern)
    .where(and(eq(schema.concern.municipalityId, municipalityId), eq(schema.concern.id, concernId)))
    .limit(1);
  return row ?? null;
}

const k = schema.concern;
const CONCERN_SORT_COLUMNS: Record<(typeof CONCERN_SORT_KEYS)[number], SortColumn> = {
  createdAt: { column: k.createdAt, kind: 'timestamp' },
  updatedAt: { column: k.updatedAt, kind: 'timestamp' },
};

/** The concern list's sort from its query parameter. */
export function concernListSort(name: ConcernListQuery['sort']): KeysetSort {
  return keysetSort(name, CONCERN_SORT_COLUMNS, k.id);
}

export type ConcernListFilter = { status?: string | undefined; assignedTo?: string | null | undefined; context?: string | undefined; minor?: boolean | undefined };

/** The concern list's rows: the user's scope first (see listConcerns), then the filter. */
function concernListWhere(municipalityId: string, visibleTo: string | null, filter: ConcernListFilter) {
  return and(
    eq(k.municipalityId, municipalityId),
    visibleTo ? or(eq(k.reporterUserId, visibleTo), eq(k.assignedUserId, visibleTo)) : undefined,
    filter.status ? eq(k.status, filter.status) : undefined,
    filter.assignedTo === null ? isNull(k.assignedUserId) : filter.assignedTo ? eq(k.assignedUserId, filter.assignedTo) : undefined,
    filter.context ? eq(k.context, filter.context) : undefined,
    filter.minor === undefined ? undefined : eq(k.possibleMinor, filter.minor),
  );
}

/** How many concerns the list would show with the filter (the home page's counts). */
export async function countConcernRows(db: Database, municipalityId: string, visibleTo: string | null, filter: ConcernListFilter): Promise<number> {
  const [row] = await db.select({ total: count() }).from(k).where(concernListWhere(municipalityId, visibleTo, filter));
  return row?.total ?? 0;
}

/**
 * A page of concerns, keyset-paged. `visibleTo` limits it to those the user reported or is
 * assigned (scoped in SQL before any filter); null means all. The total is counted only for such
 * a scoped list, or read off a first page that holds everything.
 */
export async function listConcerns(
  db: Database,
  municipalityId: string,
  visibleTo: string | null,
  filter: ConcernListFilter,
  page: { sort: KeysetSort; cursor: CursorKey | null; limit: number },
): Promise<{ rows: ConcernRow[]; nextCursor: string | null; total: number | null }> {
  const where = concernListWhere(municipalityId, visibleTo, filter);
  const { rows, nextCursor, total } = await keysetList(
    db,
    page,
    (clauses) => db.select({ row: k, id: k.id, cursorKey: clauses.cursorKey }).from(k).where(and(where, clauses.after)).orderBy(...clauses.orderBy).limit(clauses.limit),
    visibleTo ? (atMost) => db.select({ one: k.id }).from(k).where(where).limit(atMost) : null,
  );
  return { rows: rows.map((entry) => entry.row), nextCursor, total };
}

export async function updateConcernRow(tx: Database, municipalityId: string, concernId: string, values: Partial<ConcernInsert>): Promise<void> {
  await tx
    .update(schema.concern)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(schema.concern.municipalityId, municipalityId), eq(schema.concern.id, concernId)));
}

export async function insertMessage(tx: Database, municipalityId: string, values: { concernId: string; authorUserId: string; kind: string; textEnc: string }): Promise<void> {
  await tx.insert(schema.concernMessage).values({ ...values, municipalityId });
}

export async function findMessages(db: Database, municipalityId: string, concernId: string): Promise<ConcernMessageRow[]> {
  return db
    .select()
    .from(schema.concernMessage)
    .where(and(eq(schema.concernMessage.municipalityId, municipalityId), eq(schema.concernMessage.concernId, concernId)))
    .orderBy(asc(schema.concernMessage.createdAt));
}


export async function organisationNames(db: Database, municipalityId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: schema.organisation.id, name: schema.organisation.name })
    .from(schema.organisation)
    .where(and(eq(schema.organisation.municipalityId, municipalityId), inArray(schema.organisation.id, ids)));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Active users who may be assigned a concern: caseworkers and coordinators. */
export async function findAssignees(db: Database, municipalityId: string) {
  return db
    .select({ id: schema.appUser.id, name: schema.appUser.name, role: schema.appUser.role })
    .from(schema.appUser)
    .where(
      and(eq(schema.appUser.municipalityId, municipalityId), isNull(schema.appUser.deactivatedAt), inArray(schema.appUser.role, ['caseworker', 'coordinator'])),
    )
    .orderBy(asc(schema.appUser.name));
}

/** Names of users by id, scoped to the municipality (one function for every module). */
export { findUserNames as userNames } from '../users/user.repository';
