import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * scripts/patch-pglite.mjs (run by npm install) makes the mutex PGlite bundles use native async
 * methods instead of generator functions, and esbuild's private-field wrapper a class instead of an
 * object literal with fresh accessors, so a query leaves far less for V8's full collection
 * (docs/SCALING.md, "Council report"). These tests fail when the rewrite is missing: after a
 * PGlite upgrade, or an install with --ignore-scripts.
 */

type GeneratorMethods = { next: (...args: unknown[]) => unknown; throw: (...args: unknown[]) => unknown };
const generatorPrototype = Object.getPrototypeOf(function* () {}).prototype as GeneratorMethods;

/** Runs `work` and counts the generator steps taken meanwhile: all of them, and those made from PGlite's code. */
async function countGeneratorSteps(work: () => Promise<unknown>): Promise<{ all: number; pglite: number }> {
  const counts = { all: 0, pglite: 0 };
  const original = { next: generatorPrototype.next, throw: generatorPrototype.throw };
  const counted = (method: 'next' | 'throw') =>
    function (this: unknown, ...args: unknown[]) {
      counts.all += 1;
      if (new Error().stack?.includes('@electric-sql/pglite')) counts.pglite += 1;
      return original[method].apply(this, args);
    };
  generatorPrototype.next = counted('next');
  generatorPrototype.throw = counted('throw');
  try {
    await work();
  } finally {
    generatorPrototype.next = original.next;
    generatorPrototype.throw = original.throw;
  }
  return counts;
}

let db: PGlite;
beforeAll(async () => {
  db = new PGlite();
  await db.exec('create table item (id int primary key, name text not null)');
});
afterAll(async () => {
  await db.close();
});

describe('PGlite as rewritten at install', () => {
  it("has esbuild's private-field wrapper as a class, its accessors on the prototype", () => {
    const dist = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    const bundle = fs.readdirSync(dist).filter((name) => name.endsWith('.js')).map((name) => fs.readFileSync(path.join(dist, name), 'utf8'));
    expect(bundle.filter((text) => text.includes('class PrivateWrapper{')).length).toBe(1);
    expect(bundle.some((text) => text.includes('({set _(r){'))).toBe(false);
  });

  it('counts generator steps at all (the probe itself works)', async () => {
    const counts = await countGeneratorSteps(async () => [...(function* () {
      yield 1;
      yield 2;
    })()]);
    expect(counts.all).toBe(3);
    expect(counts.pglite).toBe(0);
  });

  it('runs queries, statements and transactions without stepping a generator of its own', async () => {
    const counts = await countGeneratorSteps(async () => {
      await db.query('insert into item (id, name) values ($1, $2)', [1, 'en']);
      await db.exec("insert into item (id, name) values (2, 'to')");
      await db.transaction(async (tx) => {
        await tx.query('insert into item (id, name) values ($1, $2)', [3, 'tre']);
        await tx.query('select count(*) from item');
      });
      await db.query('select * from item');
    });
    expect(counts.pglite).toBe(0);
  });

  it('hands the protocol layer only the options it reads, not a copy of the query options', async () => {
    const seen: string[][] = [];
    const stream = db.execProtocolStream.bind(db);
    db.execProtocolStream = (message, options) => (seen.push(Object.keys(options ?? {}).sort()), stream(message, options));
    try {
      const notices: unknown[] = [];
      const { rows } = await db.query<unknown[]>('select $1::int + 1 as n', [41], { rowMode: 'array', onNotice: (notice) => notices.push(notice) });
      expect(rows).toEqual([[42]]);
      // Errors still throw: throwOnError keeps its default of true.
      await expect(db.query('select * from no_such_table', [], { rowMode: 'array' })).rejects.toThrow(/no_such_table/);
    } finally {
      delete (db as { execProtocolStream?: unknown }).execProtocolStream;
    }
    expect(seen.length).toBeGreaterThanOrEqual(2); // at least one per query
    for (const keys of seen) expect(keys).toEqual(['onNotice', 'syncToFs', 'throwOnError']);
  });

  it('still runs one query at a time: concurrent queries and a transaction see consistent data', async () => {
    await db.exec('delete from item');
    const inserts = Array.from({ length: 30 }, (_, index) => db.query('insert into item (id, name) values ($1, $2)', [index, `n${index}`]));
    // A transaction started among them sees a fixed count before and after its own insert.
    const transaction = db.transaction(async (tx) => {
      const before = (await tx.query<{ count: number }>('select count(*)::int as count from item')).rows[0]!.count;
      await tx.query('insert into item (id, name) values ($1, $2)', [1000, 'tx']);
      const after = (await tx.query<{ count: number }>('select count(*)::int as count from item')).rows[0]!.count;
      return { before, after };
    });
    const failing = db.query('insert into item (id, name) values (null, $1)', ['no id']);
    const [, seen, failed] = await Promise.all([Promise.all(inserts), transaction, failing.then(() => 'inserted', () => 'refused')]);
    expect(seen.after).toBe(seen.before + 1);
    expect(failed).toBe('refused');
    const { rows } = await db.query<{ count: number }>('select count(*)::int as count from item');
    expect(rows[0]!.count).toBe(31);
  });
});
