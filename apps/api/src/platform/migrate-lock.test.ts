import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATION_LOCK_KEY, migrateDatabase, openDatabase, rowsOf, type DatabaseHandle } from '@lykt/db';

/**
 * Migrations run under a session-level advisory lock. It is taken and released on a connection of
 * its own: on one of the pool's connections the unlock could go out on another connection than
 * the lock, and the lock would stay held, so the next process to start would wait forever.
 * Only with TEST_DATABASE_URL.
 */
const baseUrl = process.env.TEST_DATABASE_URL;

describe.runIf(baseUrl)('the migration lock', () => {
  const admin = baseUrl ? postgres(baseUrl, { max: 1, onnotice: () => undefined }) : null;
  const created: string[] = [];
  afterAll(async () => {
    for (const name of created) await admin?.unsafe(`drop database if exists ${name} with (force)`);
    await admin?.end();
  });

  async function freshDatabase(): Promise<string> {
    const name = `lykt_lock_${randomBytes(4).toString('hex')}`;
    created.push(name);
    await admin?.unsafe(`create database ${name}`);
    return Object.assign(new URL(baseUrl ?? ''), { pathname: `/${name}` }).toString();
  }

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
