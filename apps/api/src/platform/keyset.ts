import { asc, desc, sql, type AnyColumn, type SQL, type SQLWrapper } from 'drizzle-orm';
import { rowsOf, type Database } from '@lykt/db';
import { AppError } from './errors';

/**
 * Keyset paging for every list: a sort over one column plus the row id as tie-breaker, an
 * opaque cursor that carries the sort and the last row's key, and a `(column, id) < (key, id)`
 * condition that an index on (municipality_id, column, id) answers without reading the rows
 * before the page. A page costs the same at row 50 and at row 99,950; no count runs per page.
 */

/** How a sort column's key is written into a cursor and compared back in SQL. */
export type KeysetKind = 'timestamp' | 'date' | 'text' | 'integer';

/** A column a list may be sorted by. */
export type SortColumn = { column: AnyColumn; kind: KeysetKind };

/** A resolved sort: which column, which direction, and the sort's name as the client sent it. */
export type KeysetSort = SortColumn & { name: string; direction: 'asc' | 'desc'; id: AnyColumn };

/** The key of the last row of a page, read back from a cursor. */
export type CursorKey = { key: string; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)$/;
const INTEGER = /^-?\d{1,18}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Resolves a sort parameter ("column" ascending, "-column" descending) against the list's sortable columns. */
export function keysetSort<K extends string>(name: K | `-${K}`, columns: Record<K, SortColumn>, id: AnyColumn): KeysetSort {
  const descending = name.startsWith('-');
  const key = (descending ? name.slice(1) : name) as K;
  const column = columns[key];
  // A NULL key drops out of a row comparison ((NULL, id) < (key, id) is NULL): rows would vanish
  // between pages, and a cursor could not carry the key. Every sort column must be NOT NULL.
  if (column.column.notNull === false) throw new Error(`keyset sort on a nullable column (${column.column.name}): make it NOT NULL or sort on an expression without nulls`);
  return { ...column, name, direction: descending ? 'desc' : 'asc', id };
}

/** The cursor for a row: base64url of the sort's name, the row's sort key (as PostgreSQL wrote it) and id. */
export function encodeCursor(sortName: string, key: string, id: string): string {
  return Buffer.from(JSON.stringify({ s: sortName, k: key, i: id }), 'utf8').toString('base64url');
}

function invalidCursor(): AppError {
  return new AppError('INVALID_CURSOR', 'The page cursor is not valid for this list and sort. Start again from the first page.');
}

function isValidTimestamp(value: string): boolean {
  const match = TIMESTAMP.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
}

function isValidKey(kind: KeysetKind, key: string): boolean {
  if (kind === 'timestamp') return isValidTimestamp(key);
  if (kind === 'date') return DAY.test(key) && isValidTimestamp(`${key}T00:00:00Z`);
  if (kind === 'integer') return INTEGER.test(key);
  return key.length <= 200;
}

/**
 * Reads a cursor back; undefined means the first page. Anything that is not a cursor this list
 * wrote for this sort (damaged, edited, from another sort) is a 400 INVALID_CURSOR, never a 500.
 */
export function decodeCursor(raw: string | undefined, sort: KeysetSort): CursorKey | null {
  if (raw === undefined || raw === '') return null;
  if (!/^[A-Za-z0-9_-]{1,512}$/.test(raw)) throw invalidCursor();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalidCursor();
  const { s, k, i } = parsed as Record<string, unknown>;
  if (s !== sort.name || typeof k !== 'string' || typeof i !== 'string' || !UUID.test(i) || k.includes('\u0000') || !isValidKey(sort.kind, k)) throw invalidCursor();
  return { key: k, id: i };
}

function keyParam(sort: KeysetSort, key: string): SQL {
  if (sort.kind === 'timestamp') return sql`${key}::timestamptz`;
  if (sort.kind === 'date') return sql`${key}::date`;
  if (sort.kind === 'integer') return sql`${key}::bigint`;
  return sql`${key}::text`;
}

/** The condition for the rows after the cursor, as one row comparison an index on (column, id) answers. */
export function keysetWhere(sort: KeysetSort, cursor: CursorKey | null): SQL | undefined {
  if (!cursor) return undefined;
  const after = sort.direction === 'desc' ? sql`<` : sql`>`;
  return sql`(${sort.column}, ${sort.id}) ${after} (${keyParam(sort, cursor.key)}, ${cursor.id}::uuid)`;
}

/** ORDER BY for the sort: the column, then the id, both in the sort's direction (so one index serves both). */
export function keysetOrderBy(sort: KeysetSort): SQL[] {
  const order = sort.direction === 'desc' ? desc : asc;
  return [order(sort.column), order(sort.id)];
}

/** The sort key as PostgreSQL's own text, for the cursor: a JavaScript Date would drop the microseconds. */
export function keysetKey(sort: KeysetSort): SQL<string> {
  return sql<string>`(${sort.column})::text`;
}

/**
 * Cuts a page fetched with `limit + 1` rows: the extra row only says that a next page exists.
 * The cursor is built from the last row shown.
 */
export function keysetPage<T extends { id: string; cursorKey: string }>(rows: T[], limit: number, sort: KeysetSort): { rows: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: last ? encodeCursor(sort.name, last.cursorKey, last.id) : null };
}

/** A LIKE pattern that matches `text` anywhere, with the pattern characters in it taken literally (for list search). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** A scoped list counts at most this many rows for its total; above it the total is null ("many"). */
export const CHEAP_COUNT_LIMIT = 1000;

/**
 * The total for a page, only where it is cheap: a first page that holds the whole list tells its
 * own size; otherwise `count` runs on the first page of a list that says counting is cheap (a
 * scoped list, e.g. the user's own teams), and is itself capped: it is given CHEAP_COUNT_LIMIT + 1
 * as the most rows to count, and a count above the cap answers null, like every other page.
 */
export async function keysetTotal(
  page: { cursor: CursorKey | null; nextCursor: string | null; rowCount: number },
  count: ((atMost: number) => Promise<number>) | null,
): Promise<number | null> {
  if (page.cursor) return null;
  if (page.nextCursor === null) return page.rowCount;
  if (!count) return null;
  const counted = await count(CHEAP_COUNT_LIMIT + 1);
  return counted > CHEAP_COUNT_LIMIT ? null : counted;
}

/** The clauses of a list's page query: the rows after the cursor, the order, limit + 1 (keysetPage cuts the extra row) and the cursor key to select. */
export type KeysetClauses = { after: SQL | undefined; orderBy: SQL[]; limit: number; cursorKey: SQL<string> };

/** keysetTotal's count for a list whose rows `rows(atMost)` selects with a LIMIT: counted in the database, stopping at the limit. */
export function cappedCount(db: Database, rows: (atMost: number) => SQLWrapper): (atMost: number) => Promise<number> {
  return async (atMost) => {
    const [row] = rowsOf<{ total: number | string }>(await db.execute(sql`select count(*)::int as total from (${rows(atMost)}) as capped`));
    return Number(row?.total ?? 0);
  };
}

/**
 * One page of a keyset-paged list: `fetch` runs the list's own select (its columns, joins and
 * conditions) with the page's clauses; `count` is given only where counting is cheap (a scoped
 * list) and selects the whole list's rows up to a limit. Every list pages, cuts and counts alike.
 */
export async function keysetList<T extends { id: string; cursorKey: string }>(
  db: Database,
  page: { sort: KeysetSort; cursor: CursorKey | null; limit: number },
  fetch: (clauses: KeysetClauses) => Promise<T[]>,
  count: ((atMost: number) => SQLWrapper) | null,
): Promise<{ rows: T[]; nextCursor: string | null; total: number | null }> {
  const fetched = await fetch({ after: keysetWhere(page.sort, page.cursor), orderBy: keysetOrderBy(page.sort), limit: page.limit + 1, cursorKey: keysetKey(page.sort) });
  const { rows, nextCursor } = keysetPage(fetched, page.limit, page.sort);
  const total = await keysetTotal({ cursor: page.cursor, nextCursor, rowCount: rows.length }, count ? cappedCount(db, count) : null);
  return { rows, nextCursor, total };
}
