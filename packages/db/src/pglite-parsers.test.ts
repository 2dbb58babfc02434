import { PGlite, type QueryOptions, type Transaction } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { PglitePreparedQuery } from 'drizzle-orm/pglite/session';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIZZLE_TEXT_TYPES, drizzleReadyPglite } from './pglite-parsers';

/** Every type drizzle reads as text, as a value and as an array, and a few that PGlite parses itself. */
const PROBE = sql`select
  timestamp '2026-12-31 23:30:00.123' as ts, timestamptz '2026-12-31 23:30:00+01' as tstz, interval '1 day 02:03' as iv, date '2026-02-28' as d,
  array[1.50, 2]::numeric[] as nums, array[timestamp '2026-01-01 00:00']::timestamp[] as tss, array[timestamptz '2026-01-01 00:00+00']::timestamptz[] as tstzs,
  array[interval '1 hour']::interval[] as ivs, array[date '2026-01-01']::date[] as ds,
  1.5::numeric as num, 42::int4 as i, '{"a": [1]}'::jsonb as j, array['x', 'y']::text[] as texts, true as b, '\\x0102'::bytea as bytes`;

let plain: PGlite;
let wrapped: PGlite;
const seen: Array<QueryOptions | undefined> = [];
beforeAll(async () => {
  plain = new PGlite();
  wrapped = new PGlite();
  await Promise.all([plain.waitReady, wrapped.waitReady]);
  // Record what reaches the wrapped instance's own query method.
  const query = wrapped.query.bind(wrapped);
  wrapped.query = ((text: string, params?: unknown[], options?: QueryOptions) => (seen.push(options), query(text, params, options))) as typeof wrapped.query;
  const transaction = wrapped.transaction.bind(wrapped);
  wrapped.transaction = ((callback: (tx: Transaction) => Promise<unknown>) =>
    transaction((tx) => {
      const txQuery = tx.query.bind(tx);
      tx.query = ((text: string, params?: unknown[], options?: QueryOptions) => (seen.push(options), txQuery(text, params, options))) as typeof tx.query;
      return callback(tx);
    })) as typeof wrapped.transaction;
});
afterAll(async () => {
  await Promise.all([plain.close(), wrapped.close()]);
});

describe('PGlite for drizzle: the parsers once on the instance, not copied for every query', () => {
  it('covers exactly the parsers drizzle passes with every query, each of which returns the text as it is', () => {
    const prepared = new PglitePreparedQuery(plain, 'select 1', [], { logQuery: () => undefined }, undefined as never, undefined, undefined, undefined, undefined, false);
    // drizzle keeps the options it passes in two private fields; read them, so an upgrade that changes them fails here.
    const configs = prepared as unknown as { queryConfig: QueryOptions; rawQueryConfig: QueryOptions };
    for (const config of [configs.queryConfig, configs.rawQueryConfig]) {
      const parsers = (config.parsers ?? {}) as Record<number, (value: string, typeId: number) => unknown>;
      expect(Object.keys(parsers).map(Number).sort((a, b) => a - b)).toEqual([...DRIZZLE_TEXT_TYPES].sort((a, b) => a - b));
      for (const parse of Object.values(parsers)) expect(parse('2026-12-31 23:30:00', 0)).toBe('2026-12-31 23:30:00');
    }
  });

  it('gives the same results as drizzle on a plain PGlite, in array and object rows, in and outside a transaction', async () => {
    const before = drizzle({ client: plain });
    const after = drizzle({ client: await drizzleReadyPglite(wrapped) });
    const rows = async (db: typeof before) => ({
      execute: (await db.execute(PROBE)).rows,
      typed: await db.select({ at: sql<Date>`now()`.mapWith(String), nums: sql<string>`array[1.5]::numeric[]`, day: sql<string>`date '2026-01-01'` }).from(sql`(select 1) as one`),
      inTransaction: await db.transaction(async (tx) => (await tx.execute(PROBE)).rows),
    });
    const fromPlain = await rows(before);
    const fromWrapped = await rows(after);
    expect(fromWrapped.execute).toEqual(fromPlain.execute);
    expect(fromWrapped.inTransaction).toEqual(fromPlain.inTransaction);
    expect(fromWrapped.typed.map((row) => ({ ...row, at: typeof row.at }))).toEqual(fromPlain.typed.map((row) => ({ ...row, at: typeof row.at })));
    // What drizzle reads as text stays text; the rest PGlite still parses.
    expect(fromWrapped.execute[0]).toMatchObject({ ts: '2026-12-31 23:30:00.123', d: '2026-02-28', nums: '{1.50,2}', tss: '{"2026-01-01 00:00:00"}', num: '1.5', i: 42, j: { a: [1] }, texts: ['x', 'y'], b: true });
    // Not one query reached PGlite with drizzle's parsers to copy.
    expect(seen).toHaveLength(3); // the execute, the select, and the execute inside the transaction
    for (const options of seen) expect(options?.parsers).toBeUndefined();
  });

  it('passes other per-query parsers on unchanged', async () => {
    const client = await drizzleReadyPglite(wrapped);
    const result = await client.query<{ i: unknown }>('select 41::int4 as i', [], { parsers: { 23: (value: string) => Number(value) + 1 } });
    expect(result.rows[0]?.i).toBe(42);
    expect(seen.at(-1)?.parsers).toBeDefined();
  });
});
