import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzleReadyPglite } from './pglite-parsers';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type Schema = typeof schema;
/** A database or a transaction: both run queries the same way. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

export type DatabaseHandle = {
  db: Database;
  kind: DatabaseKind;
  /** The PGlite instance in embedded mode (for dumps), else null. */
  pglite: PGlite | null;
  /** PostgreSQL only: LISTEN on a channel over a dedicated connection; onListen runs at every (re)connect. Null on PGlite (one process). */
  listen: ((channel: string, onMessage: (payload: string) => void, onListen: () => void) => Promise<() => Promise<void>>) | null;
  /** PostgreSQL only: how many connections the pool holds and how many are busy, for metrics. */
  poolSize: number;
  /**
   * PostgreSQL only: runs fn while this process holds the session-level advisory lock `key`, taken
   * and released on a connection of its own (never one of the pool's, which a later query could
   * not be sure to reach again). Null on PGlite (one process).
   */
  exclusive: (<T>(key: number, fn: () => Promise<T>) => Promise<T>) | null;
  close: () => Promise<void>;
};

export type OpenDatabaseOptions =
  | { kind: 'postgres'; url: string; maxConnections?: number }
  | { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob };

/** Opens PostgreSQL (DATABASE_URL) or an embedded PGlite (data dir, or in memory when null). */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.kind === 'postgres') {
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => undefined,
      connection: { application_name: 'lykt' },
    });
    const db = drizzlePostgres(client, { schema }) as unknown as Database;
    const listen = async (channel: string, onMessage: (payload: string) => void, onListen: () => void) => {
      const subscription = await client.listen(channel, onMessage, onListen);
      return () => subscription.unlisten();
    };
    const exclusive = async <T>(key: number, fn: () => Promise<T>): Promise<T> => {
      const session = postgres(options.url, { max: 1, onnotice: () => undefined, connection: { application_name: 'lykt-lock' } });
      try {
        await session`select pg_advisory_lock(${key}::bigint)`;
        try {
          return await fn();
        } finally {
          await session`select pg_advisory_unlock(${key}::bigint)`;
        }
      } finally {
        // Ending the session releases the lock even if the unlock above never arrived.
        await session.end({ timeout: 5 });
      }
    };
    return { db, kind: 'postgres', pglite: null, listen, exclusive, poolSize: options.maxConnections ?? 10, close: () => client.end({ timeout: 5 }) };
  }
  const pglite = new PGlite({
    // pg_trgm serves the audit log's free-text search (a GIN trigram index, migration 0026), as on PostgreSQL.
    extensions: { pg_trgm },
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = drizzlePglite({ client: await drizzleReadyPglite(pglite), schema }) as unknown as Database;
  return { db, kind: 'pglite', pglite, listen: null, exclusive: null, poolSize: 1, close: () => pglite.close() };
}

/** The advisory lock that serialises migrations across processes starting at once on one PostgreSQL. */
export const MIGRATION_LOCK_KEY = 727274;

/** Applies the generated migrations. Safe to call at every start; PostgreSQL callers are serialised by an advisory lock. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as Parameters<typeof migratePglite>[0], { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  if (!handle.exclusive) throw new Error('a PostgreSQL handle has no advisory lock to migrate under');
  await handle.exclusive(MIGRATION_LOCK_KEY, () => migratePostgres(handle.db as unknown as Parameters<typeof migratePostgres>[0], { migrationsFolder: MIGRATIONS_FOLDER }));
}

/** Rows of a raw `execute` result, whichever driver produced it. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  if (result && typeof result === 'object' && 'rows' in result && Array.isArray(result.rows)) return result.rows as T[];
  return [];
}
