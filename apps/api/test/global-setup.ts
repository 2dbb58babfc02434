import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase } from '@lykt/db';

/**
 * Migrates one database for the whole run. Under PGlite the migrated data dir is dumped once
 * and every test file loads that dump (creating and migrating a fresh PGlite takes seconds).
 * With TEST_DATABASE_URL the PostgreSQL database is migrated once and shared; tests isolate
 * by seeding their own municipality.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const handle = await openDatabase({ kind: 'postgres', url, maxConnections: 1 });
    await migrateDatabase(handle);
    // Rate-limit counts are shared through the database and outlive a run: start each run from none,
    // so a second run within the hour does not find the addresses of the first one used up.
    await handle.db.execute(sql`delete from rate_limit_bucket`);
    await handle.close();
    project.provide('pgliteDump', '');
    return () => undefined;
  }
  const handle = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrateDatabase(handle);
  if (!handle.pglite) throw new Error('expected PGlite');
  const dump = await handle.pglite.dumpDataDir('none');
  await handle.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lykt-test-'));
  const file = path.join(dir, 'migrated.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDump', file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
  }
}
