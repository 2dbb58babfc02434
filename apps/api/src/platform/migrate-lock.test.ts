import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MIGRATION_LOCK_KEY, migrateDatabase, openDatabase, rowsOf, type DatabaseHandle } from '@lykt/db';
import { freshDatabases } from '../../test/fresh-databases';

/**
 * Migrations run under a session-level advisory lock. It is taken and released on a connection of
 * its own: on one of the pool's connections the unlock could go out on another connection than
 * the lock, and the lock would stay held, so the next process to start would wait forever.
 * Only with TEST_DATABASE_URL.
 */
const baseUrl = process.env.TEST_DATABASE_URL;

describe.runIf(baseUrl)('the migration lock', () => {
  const freshDatabase = freshDatabases(baseUrl, 'lykt_lock');

  const heldLocks = async (handle: DatabaseHandle) =>
    rowsOf<{ held: number }>(await handle.db.execute(sql`select count(*)::int as held from pg_locks where locktype = 'advisory' and objid = ${MIGRATION_LOCK_KEY} and granted`))[0]?.held;

  it('is released after migrating with a pool whose connections are all open, and serialises processes starting at once', async () => {
    const url = await freshDatabase();
    const handles = await Promise.all([0, 1, 2].map(() => openDatabase({ kind: 'postgres', url, maxConnections: 3 })));
    try {
      // Every pool connection open and idle, so the pool could hand any of them to any query.
      await Promise.all(handles.flatMap((handle) => [0, 1, 2].map(() => handle.db.execute(sql`select pg_sleep(0.05)`))));
      const outcomes = await Promise.allSettled(handles.map((handle) => migrateDatabase(handle)));
      expect(outcomes.map((outcome) => (outcome.status === 'rejected' ? String(outcome.reason) : 'migrated'))).toEqual(['migrated', 'migrated', 'migrated']);
      expect(await heldLocks(handles[0]!)).toBe(0);
      // Migrating again (every start does) finds nothing to do and leaves no lock behind either.
      await migrateDatabase(handles[1]!);
      expect(await heldLocks(handles[0]!)).toBe(0);
      const applied = rowsOf<{ n: number }>(await handles[2]!.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`))[0]?.n;
      expect(applied).toBeGreaterThan(20);
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
    }
  }, 60_000);
});
