import { and, asc, count, eq, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';
import type { TIP_SORT_KEYS, TipListQuery, TipPlaceKind, TipStatus } from '@lykt/shared';
import { keysetList, keysetSort, type CursorKey, type KeysetSort, type SortColumn } from '../../platform/keyset';

export type TipRow = typeof schema.tip.$inferSelect;
export type TipMessageRow = typeof schema.tipMessage.$inferSelect;
export type TipSettingsRow = typeof schema.tipPublicSettings.$inferSelect;

const { tip, tipMessage, tipPublicSettings, appUser, municipality } = schema;

export async function insertTip(tx: Database, values: typeof tip.$inferInsert): Promise<TipRow> {
  const [row] = await tx.insert(tip).values(values).returning();
  if (!row) throw new Error('tip insert returned nothing');
  return row;
}

export async function findTipByReceiptHash(db: Database, municipalityId: string, receiptHash: string): Promise<TipRow | undefined> {
  const [row] = await db
    .select()
    .from(tip)
    .where(and(eq(tip.municipalityId, municipalityId), eq(tip.receiptHash, receiptHash)));
  return row;
}

export async function findTip(db: Database, municipalityId: string, id: string): Promise<TipRow | undefined> {
  const [row] = await db
    .select()
    .from(tip)
    .where(and(eq(tip.municipalityId, municipalityId), eq(tip.id, id)));
  return row;
}

export type TipFilter = {
  status?: TipStatus | undefined;
  assignedUserId?: string | undefined;
  unread?: boolean | undefined;
  placeKind?: TipPlaceKind | undefined;
  danger?: boolean | undefined;
  /**
   * The free-text search, already resolved: a receipt hash, a tip id, or the coded fields: the
   * place kinds and statuses whose code or staff label contains the text, and a pattern for the
   * language code and the staff's labels.
   */
  search?: { receiptHash: string } | { id: string } | { pattern: string; placeKinds: TipPlaceKind[]; statuses: TipStatus[] } | undefined;
};

function searchWhere(search: TipFilter['search']): SQL | undefined {
  if (!search) return undefined;
  if ('receiptHash' in search) return eq(tip.receiptHash, search.receiptHash);
  if ('id' in search) return eq(tip.id, search.id);
  // Coded fields only: the tip's own text and the contact details are encrypted and never searched.
  return or(
    search.placeKinds.length > 0 ? inArray(tip.placeKind, search.placeKinds) : undefined,
    search.statuses.length > 0 ? inArray(tip.status, search.statuses) : undefined,
    ilike(tip.language, search.pattern),
    ilike(sql`${tip.labels}::text`, search.pattern),
  );
}

function tipWhere(municipalityId: string, filter: TipFilter) {
  return and(
    eq(tip.municipalityId, municipalityId),
    filter.status ? eq(tip.status, filter.status) : undefined,
    filter.assignedUserId ? eq(tip.assignedUserId, filter.assignedUserId) : undefined,
    filter.unread === undefined ? undefined : eq(tip.unreadByStaff, filter.unread),
    filter.placeKind ? eq(tip.placeKind, filter.placeKind) : undefined,
    filter.danger ? eq(tip.immediateDanger, true) : undefined,
    searchWhere(filter.search),
  );
}

const TIP_SORT_COLUMNS: Record<(typeof TIP_SORT_KEYS)[number], SortColumn> = {
  lastActivityOn: { column: tip.lastActivityOn, kind: 'date' },
  submittedOn: { column: tip.submittedOn, kind: 'date' },
  status: { column: tip.status, kind: 'text' },
};

/** The inbox's sort from its query parameter. */
export function tipListSort(name: TipListQuery['sort']): KeysetSort {
  return keysetSort(name, TIP_SORT_COLUMNS, tip.id);
}

/**
 * A page of the inbox, keyset-paged (an index on (municipality_id, column, id) per sort). The
 * total is counted on the first page only, capped (keysetTotal), with the list's own conditions.
 */
export async function findTips(
  db: Database,
  municipalityId: string,
  filter: TipFilter,
  page: { sort: KeysetSort; cursor: CursorKey | null; limit: number },
): Promise<{ rows: TipRow[]; nextCursor: string | null; total: number | null }> {
  const where = tipWhere(municipalityId, filter);
  const { rows, nextCursor, total } = await keysetList(
    db,
    page,
    (k) => db.select({ row: tip, id: tip.id, cursorKey: k.cursorKey }).from(tip).where(and(where, k.after)).orderBy(...k.orderBy).limit(k.limit),
    (atMost) => db.select({ one: tip.id }).from(tip).where(where).limit(atMost),
  );
  return { rows: rows.map((entry) => entry.row), nextCursor, total };
}

/** How many tips match, with the same conditions as the list. */
export async function countTipRows(db: Database, municipalityId: string, filter: TipFilter): Promise<number> {
  const [total] = await db.select({ value: count() }).from(tip).where(tipWhere(municipalityId, filter));
  return total?.value ?? 0;
}

export async function updateTipRow(tx: Database, municipalityId: string, id: string, values: Partial<typeof tip.$inferInsert>): Promise<void> {
  await tx
    .update(tip)
    .set(values)
    .where(and(eq(tip.municipalityId, municipalityId), eq(tip.id, id)));
}

export async function findMessages(db: Database, municipalityId: string, tipId: string): Promise<TipMessageRow[]> {
  return db
    .select()
    .from(tipMessage)
    .where(and(eq(tipMessage.municipalityId, municipalityId), eq(tipMessage.tipId, tipId)))
    .orderBy(asc(tipMessage.seq));
}

/** Appends a message; the tip row is locked so two writers never take the same sequence number. */
export async function insertMessage(tx: Database, values: Omit<typeof tipMessage.$inferInsert, 'seq'>): Promise<void> {
  await tx.execute(sql`select 1 from ${tip} where ${tip.id} = ${values.tipId} for update`);
  const [last] = await tx
    .select({ seq: sql<number>`coalesce(max(${tipMessage.seq}), 0)` })
    .from(tipMessage)
    .where(and(eq(tipMessage.municipalityId, values.municipalityId), eq(tipMessage.tipId, values.tipId)));
  await tx.insert(tipMessage).values({ ...values, seq: Number(last?.seq ?? 0) + 1 });
}

export async function findUserNames(db: Database, municipalityId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: appUser.id, name: appUser.name })
    .from(appUser)
    .where(and(eq(appUser.municipalityId, municipalityId), inArray(appUser.id, ids)));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Active users who may handle tips: coordinators and caseworkers of the municipality. */
export async function findAssignees(db: Database, municipalityId: string) {
  return db
    .select({ id: appUser.id, name: appUser.name, role: appUser.role })
    .from(appUser)
    .where(and(eq(appUser.municipalityId, municipalityId), inArray(appUser.role, ['coordinator', 'caseworker']), isNull(appUser.deactivatedAt)))
    .orderBy(asc(appUser.name));
}

export async function findSettings(db: Database, municipalityId: string): Promise<TipSettingsRow | undefined> {
  const [row] = await db.select().from(tipPublicSettings).where(eq(tipPublicSettings.municipalityId, municipalityId));
  return row;
}

export async function upsertSettings(tx: Database, values: typeof tipPublicSettings.$inferInsert): Promise<TipSettingsRow> {
  const { municipalityId: _id, ...rest } = values;
  const [row] = await tx
    .insert(tipPublicSettings)
    .values(values)
    .onConflictDoUpdate({ target: tipPublicSettings.municipalityId, set: { ...rest, updatedAt: new Date() } })
    .returning();
  if (!row) throw new Error('settings upsert returned nothing');
  return row;
}

/** The municipality the public pages serve: the configured one, else the first one created. */
export async function findPublicMunicipality(db: Database, configuredId: string | null) {
  const columns = { id: municipality.id, name: municipality.name, settings: municipality.settings };
  if (configuredId) {
    const [row] = await db.select(columns).from(municipality).where(eq(municipality.id, configuredId));
    return row;
  }
  const [row] = await db.select(columns).from(municipality).orderBy(asc(municipality.createdAt), asc(municipality.id)).limit(1);
  return row;
}

export async function findMunicipalityIds(db: Database): Promise<string[]> {
  const rows = await db.select({ id: municipality.id }).from(municipality);
  return rows.map((row) => row.id);
}

/** Closed tips whose day of closing is before the cut-off day. */
export async function findClosedBefore(db: Database, municipalityId: string, cutoffDay: string): Promise<{ id: string }[]> {
  return db
    .select({ id: tip.id })
    .from(tip)
    .where(and(eq(tip.municipalityId, municipalityId), eq(tip.status, 'closed'), lt(tip.closedOn, cutoffDay)));
}

/** Deletes a tip and its messages; false when another process deleted it first. */
export async function deleteTipRow(tx: Database, municipalityId: string, id: string): Promise<boolean> {
  await tx.delete(tipMessage).where(and(eq(tipMessage.municipalityId, municipalityId), eq(tipMessage.tipId, id)));
  const deleted = await tx
    .delete(tip)
    .where(and(eq(tip.municipalityId, municipalityId), eq(tip.id, id)))
    .returning({ id: tip.id });
  return deleted.length > 0;
}
