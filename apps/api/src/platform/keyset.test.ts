import { sql } from 'drizzle-orm';
import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { openDatabase, schema, type DatabaseHandle } from '@lykt/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { CHEAP_COUNT_LIMIT, containsPattern, decodeCursor, encodeCursor, keysetList, keysetPage, keysetSort, keysetTotal, type SortColumn } from './keyset';

const c = schema.caseFile;
const columns: Record<'updatedAt' | 'caseNumber' | 'seq', SortColumn> = {
  updatedAt: { column: c.updatedAt, kind: 'timestamp' },
  caseNumber: { column: c.caseNumber, kind: 'text' },
  seq: { column: sql`seq` as unknown as typeof c.id, kind: 'integer' },
};
const id = '7d1f0d8e-9a51-4c0e-8f1a-3b4c5d6e7f80';

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : 'OTHER';
  }
}

describe('keyset cursors', () => {
  const byUpdated = keysetSort('-updatedAt', columns, c.id);

  it('round-trips the sort key PostgreSQL wrote, microseconds and offset included', () => {
    const key = '2026-12-04 21:50:00.123456+00';
    expect(decodeCursor(encodeCursor('-updatedAt', key, id), byUpdated)).toEqual({ key, id });
    expect(decodeCursor(undefined, byUpdated)).toBeNull();
  });

  it('resolves the direction from a leading minus', () => {
    expect(byUpdated.direction).toBe('desc');
    expect(keysetSort('caseNumber', columns, c.id).direction).toBe('asc');
  });

  it('answers INVALID_CURSOR for a damaged cursor, a cursor of another sort or an impossible key', () => {
    const other = encodeCursor('caseNumber', '2026-0001', id);
    expect(codeOf(() => decodeCursor(other, byUpdated))).toBe('INVALID_CURSOR');
    expect(codeOf(() => decodeCursor('not a cursor!', byUpdated))).toBe('INVALID_CURSOR');
    expect(codeOf(() => decodeCursor(Buffer.from('{"s":"-updatedAt"').toString('base64url'), byUpdated))).toBe('INVALID_CURSOR');
    expect(codeOf(() => decodeCursor(Buffer.from('[1,2]').toString('base64url'), byUpdated))).toBe('INVALID_CURSOR');
    expect(codeOf(() => decodeCursor(encodeCursor('-updatedAt', '2026-02-30 10:00:00+00', id), byUpdated))).toBe('INVALID_CURSOR');
    expect(codeOf(() => decodeCursor(encodeCursor('-updatedAt', 'yesterday', id), byUpdated))).toBe('INVALID_CURSOR');
    expect(codeOf(() => decodeCursor(encodeCursor('-updatedAt', '2026-12-04 21:50:00+00', 'not-a-uuid'), byUpdated))).toBe('INVALID_CURSOR');
    const bySeq = keysetSort('-seq', columns, c.id);
    expect(codeOf(() => decodeCursor(encodeCursor('-seq', '12a', id), bySeq))).toBe('INVALID_CURSOR');
    expect(decodeCursor(encodeCursor('-seq', '12', id), bySeq)).toEqual({ key: '12', id });
  });

  it('reads a day key (a date column) as a real day only', () => {
    const byDay = keysetSort('-submittedOn', { submittedOn: { column: schema.tip.submittedOn, kind: 'date' } }, schema.tip.id);
    expect(decodeCursor(encodeCursor('-submittedOn', '2026-02-28', id), byDay)).toEqual({ key: '2026-02-28', id });
    for (const key of ['2026-02-30', '2026-13-01', '2026-02-28 10:00:00+00', 'yesterday']) {
      expect(codeOf(() => decodeCursor(encodeCursor('-submittedOn', key, id), byDay)), key).toBe('INVALID_CURSOR');
    }
  });

  it('gives a next cursor only when the extra row shows there is a next page, built from the last row shown', () => {
    const rows = [1, 2, 3].map((n) => ({ id, cursorKey: `2026-0${n}`, n }));
    expect(keysetPage(rows, 3, keysetSort('caseNumber', columns, c.id)).nextCursor).toBeNull();
    const page = keysetPage(rows, 2, keysetSort('caseNumber', columns, c.id));
    expect(page.rows.map((row) => row.n)).toEqual([1, 2]);
    expect(decodeCursor(page.nextCursor ?? '', keysetSort('caseNumber', columns, c.id))).toEqual({ key: '2026-02', id });
  });

  it('takes the LIKE pattern characters of a search literally', () => {
    expect(containsPattern('20%_1\\')).toBe('%20\\%\\_1\\\\%');
  });
});

describe('keysetTotal', () => {
  const cursor = { key: '1', id };
  it('reads a short first page, counts a scoped first page up to the cap, and answers null elsewhere', async () => {
    expect(await keysetTotal({ cursor: null, nextCursor: null, rowCount: 7 }, null)).toBe(7);
    expect(await keysetTotal({ cursor: null, nextCursor: 'next', rowCount: 50 }, null)).toBeNull();
    expect(await keysetTotal({ cursor, nextCursor: null, rowCount: 3 }, () => Promise.resolve(3))).toBeNull();
    expect(await keysetTotal({ cursor: null, nextCursor: 'next', rowCount: 50 }, () => Promise.resolve(120))).toBe(120);
    let asked = 0;
    const many = (atMost: number) => {
      asked = atMost;
      return Promise.resolve(atMost);
    };
    expect(await keysetTotal({ cursor: null, nextCursor: 'next', rowCount: 50 }, many)).toBeNull();
    expect(asked).toBe(CHEAP_COUNT_LIMIT + 1);
  });
});

describe('keysetList on a real database: ties, both directions, nulls', () => {
  // A probe table of its own: keys with many ties, paged through keysetList exactly as the lists are.
  const probe = pgTable('keyset_probe', { id: uuid('id').primaryKey(), rank: integer('rank').notNull(), label: text('label').notNull(), note: text('note') });
  const probeColumns: Record<'rank' | 'label', SortColumn> = { rank: { column: probe.rank, kind: 'integer' }, label: { column: probe.label, kind: 'text' } };
  let handle: DatabaseHandle;
  const rows = Array.from({ length: 23 }, (_, n) => ({ id: `00000000-0000-4000-8000-${String(1000 + ((n * 7) % 23)).padStart(12, '0')}`, rank: n % 3, label: ['b', 'a', 'c', 'a'][n % 4] ?? 'a' }));

  beforeAll(async () => {
    handle = await openDatabase({ kind: 'pglite', dataDir: null });
    await handle.db.execute(sql`create table keyset_probe (id uuid primary key, rank integer not null, label text not null, note text)`);
    await handle.db.insert(probe).values(rows);
  });
  afterAll(async () => {
    await handle.close();
  });

  async function walk(sortName: 'rank' | '-rank' | 'label' | '-label', limit: number): Promise<{ ids: string[]; totals: (number | null)[] }> {
    const sort = keysetSort(sortName, probeColumns, probe.id);
    const ids: string[] = [];
    const totals: (number | null)[] = [];
    let cursor: string | null = null;
    do {
      const page: { rows: { id: string }[]; nextCursor: string | null; total: number | null } = await keysetList<{ id: string; cursorKey: string }>(
        handle.db,
        { sort, cursor: decodeCursor(cursor ?? undefined, sort), limit },
        (k) => handle.db.select({ id: probe.id, cursorKey: k.cursorKey }).from(probe).orderBy(...k.orderBy).where(k.after).limit(k.limit),
        (atMost) => handle.db.select({ one: probe.id }).from(probe).limit(atMost),
      );
      ids.push(...page.rows.map((row) => row.id));
      totals.push(page.total);
      cursor = page.nextCursor;
    } while (cursor);
    return { ids, totals };
  }

  function expected(key: 'rank' | 'label', direction: 1 | -1): string[] {
    return [...rows].sort((x, y) => (x[key] < y[key] ? -direction : x[key] > y[key] ? direction : x.id < y.id ? -direction : direction)).map((row) => row.id);
  }

  it('pages through every row exactly once, ties broken by id, in both directions and at every page size', async () => {
    for (const limit of [1, 2, 5, 22, 23, 50]) {
      expect((await walk('rank', limit)).ids, `rank/${limit}`).toEqual(expected('rank', 1));
      expect((await walk('-rank', limit)).ids, `-rank/${limit}`).toEqual(expected('rank', -1));
      expect((await walk('label', limit)).ids, `label/${limit}`).toEqual(expected('label', 1));
      expect((await walk('-label', limit)).ids, `-label/${limit}`).toEqual(expected('label', -1));
    }
  });

  it('counts the total on the first page only (capped count), or reads it off a page that holds everything', async () => {
    expect((await walk('rank', 5)).totals).toEqual([23, null, null, null, null]);
    expect((await walk('rank', 50)).totals).toEqual([23]);
  });

  it('refuses to sort on a nullable column, whose NULL keys would drop out of the row comparison', () => {
    expect(() => keysetSort('-rank', probeColumns, probe.id)).not.toThrow();
    const withNullable: Record<'rank' | 'label', SortColumn> = { rank: { column: probe.note, kind: 'text' }, label: probeColumns.label };
    expect(() => keysetSort('rank', withNullable, probe.id)).toThrow(/nullable column \(note\)/);
  });

  it('refuses a cursor whose key is null (a row with no key) as INVALID_CURSOR', () => {
    const sort = keysetSort('rank', probeColumns, probe.id);
    const nullKey = Buffer.from(JSON.stringify({ s: 'rank', k: null, i: rows[0]?.id })).toString('base64url');
    expect(codeOf(() => decodeCursor(nullKey, sort))).toBe('INVALID_CURSOR');
  });
});
