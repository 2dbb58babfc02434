import { and, eq, gte, lt } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';
import type { SCREENING_SORT_KEYS, ScreeningListQuery } from '@lykt/shared';
import { keysetList, keysetSort, type CursorKey, type KeysetSort, type SortColumn } from '../../platform/keyset';
import { localDayEnd, localDayStart } from '../reports/period';

export type ScreeningRow = typeof schema.screening.$inferSelect;
export type ScreeningInsert = Omit<typeof schema.screening.$inferInsert, 'municipalityId' | 'id' | 'createdAt'>;

export async function insertScreening(tx: Database, municipalityId: string, values: ScreeningInsert): Promise<ScreeningRow> {
  const [row] = await tx.insert(schema.screening).values({ ...values, municipalityId }).returning();
  if (!row) throw new Error('screening insert returned nothing');
  return row;
}

export async function findScreening(db: Database, municipalityId: string, screeningId: string): Promise<ScreeningRow | null> {
  const [row] = await db
    .select()
    .from(schema.screening)
    .where(and(eq(schema.screening.municipalityId, municipalityId), eq(schema.screening.id, screeningId)))
    .limit(1);
  return row ?? null;
}

const sc = schema.screening;
const SCREENING_SORT_COLUMNS: Record<(typeof SCREENING_SORT_KEYS)[number], SortColumn> = {
  createdAt: { column: sc.createdAt, kind: 'timestamp' },
  context: { column: sc.context, kind: 'text' },
  // The bands sort alphabetically in order of strength: none < some_indicators < strong_indicators.
  level: { column: sc.level, kind: 'text' },
};

/** The screening list's sort from its query parameter. */
export function screeningListSort(name: ScreeningListQuery['sort']): KeysetSort {
  return keysetSort(name, SCREENING_SORT_COLUMNS, sc.id);
}

export type ScreeningListFilter = Pick<ScreeningListQuery, 'context' | 'level' | 'from' | 'to'> & { minor?: boolean | undefined };

/**
 * A page of screenings, keyset-paged; `createdBy` limits it to one user's own (in SQL, before any
 * filter). The total is counted only for such a scoped list, capped, or read off a first page that
 * holds everything.
 */
export async function listScreenings(
  db: Database,
  municipalityId: string,
  createdBy: string | null,
  filter: ScreeningListFilter,
  page: { sort: KeysetSort; cursor: CursorKey | null; limit: number },
): Promise<{ rows: ScreeningRow[]; nextCursor: string | null; total: number | null }> {
  const where = and(
    eq(sc.municipalityId, municipalityId),
    createdBy ? eq(sc.createdByUserId, createdBy) : undefined,
    filter.context ? eq(sc.context, filter.context) : undefined,
    filter.level ? eq(sc.level, filter.level) : undefined,
    filter.minor === undefined ? undefined : eq(sc.possibleMinor, filter.minor),
    filter.from ? gte(sc.createdAt, localDayStart(filter.from)) : undefined,
    filter.to ? lt(sc.createdAt, localDayEnd(filter.to)) : undefined,
  );
  const { rows, nextCursor, total } = await keysetList(
    db,
    page,
    (k) => db.select({ row: sc, id: sc.id, cursorKey: k.cursorKey }).from(sc).where(and(where, k.after)).orderBy(...k.orderBy).limit(k.limit),
    createdBy ? (atMost) => db.select({ one: sc.id }).from(sc).where(where).limit(atMost) : null,
  );
  return { rows: rows.map((entry) => entry.row), nextCursor, total };
}
