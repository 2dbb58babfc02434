import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SelfDeadlockError, drizzleReadyPglite } from './pglite-parsers';

let pglite: PGlite;
let db: ReturnType<typeof drizzle>;
beforeAll(async () => {
  pglite = new PGlite();
  db = drizzle({ client: await drizzleReadyPglite(pglite) });
  await db.execute(sql`create table item (id int primary key)`);
});
afterAll(async () => {
  await pglite.close();
});

/** Resolves when the transaction mutex is free again: a plain query goes through. */
async function databaseAnswers(): Promise<number> {
  const { rows } = await db.execute<{ one: number }>(sql`select 1 as one`);
  return rows[0]!.one;
}

describe('PGlite: a query on the database from inside its own transaction fails instead of waiting forever', () => {
  it('rejects a query on the database started and awaited inside a transaction, and the transaction rolls back', async () => {
    // Without the check, PGlite queues the inner query behind the transaction, which waits for it:
    // this test would hang until vitest's timeout.
    const attempt = db.transaction(async (tx) => {
      await tx.execute(sql`insert into item values (1)`);
      await db.execute(sql`select count(*) from item`);
    });
    // drizzle wraps the query's error in its own, with PGlite's (here: ours) as the cause.
    const error = await attempt.then(() => null, (reason: unknown) => reason as Error);
    expect(error?.cause).toBeInstanceOf(SelfDeadlockError);
    expect((error?.cause as Error).message).toMatch(/inside that transaction/);
    expect(await databaseAnswers()).toBe(1);
    expect((await db.execute(sql`select count(*)::int as n from item`)).rows).toEqual([{ n: 0 }]);
  });

  it('rejects a second transaction on the database opened inside the first', async () => {
    const attempt = db.transaction(async () => {
      await db.transaction(async (inner) => inner.execute(sql`select 1`));
    });
    await expect(attempt).rejects.toBeInstanceOf(SelfDeadlockError);
    expect(await databaseAnswers()).toBe(1);
  });

  it('still serves savepoints (nested transactions on the transaction) and work inside the transaction', async () => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into item values (2)`);
      await tx.transaction(async (savepoint) => savepoint.execute(sql`insert into item values (3)`));
    });
    expect((await db.execute(sql`select count(*)::int as n from item`)).rows).toEqual([{ n: 2 }]);
  });

  it('serves a query the transaction started but that runs only after the transaction ended', async () => {
    let release!: () => void;
    const afterwards = new Promise<void>((resolve) => (release = resolve));
    let later!: Promise<unknown>;
    await db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      // Not awaited by the transaction: it runs once the transaction has ended.
      later = afterwards.then(() => db.execute(sql`select 2 as two`));
    });
    release();
    expect(((await later) as { rows: unknown[] }).rows).toEqual([{ two: 2 }]);
  });

  it('lets a query from elsewhere (another request) wait for the transaction and then run', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const transaction = db.transaction(async (tx) => {
      await tx.execute(sql`insert into item values (4)`);
      entered();
      await held;
    });
    await inside;
    // Started outside the transaction's callback: it queues behind the transaction, as before.
    const outside = db.execute<{ n: number }>(sql`select count(*)::int as n from item`);
    let answered = false;
    void outside.then(() => (answered = true));
    await Promise.resolve();
    expect(answered).toBe(false);
    release();
    await transaction;
    expect((await outside).rows).toEqual([{ n: 3 }]);
  });
});
