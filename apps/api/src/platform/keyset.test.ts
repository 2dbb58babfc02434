import { sql } from 'drizzle-orm';
import { schema } from '@lykt/db';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { CHEAP_COUNT_LIMIT, containsPattern, decodeCursor, encodeCursor, keysetPage, keysetSort, keysetTotal, type SortColumn } from './keyset';

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
