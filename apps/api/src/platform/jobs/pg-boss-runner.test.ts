import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, rowsOf, type DatabaseHandle } from '@lykt/db';
import { freshDatabases } from '../../../test/fresh-databases';
import { KeyRing } from '../crypto';
import { loadConfig } from '../../config';
import type { Deps } from '../deps';
import type { JobDefinition } from './jobs';
import { PgBossJobRunner } from './pg-boss-runner';

/**
 * Processes that start together on a fresh PostgreSQL database create pg-boss's queues at the
 * same moment; pg-boss 10 alone deadlocked in 40 of 60 such starts. Only with TEST_DATABASE_URL.
 */
const baseUrl = process.env.TEST_DATABASE_URL;
const JOBS: JobDefinition[] = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'].map((name) => ({
  name: `test-${name}`,
  periodMs: 86_400_000,
  run: async () => ({ ran: true }),
}));

describe.runIf(baseUrl)('pg-boss job runner', () => {
  const freshDatabase = freshDatabases(baseUrl, 'lykt_boss');

  it('starts three runners at once on a fresh database, every time, with one queue per job', async () => {
    for (let round = 0; round < 4; round += 1) {
      const url = await freshDatabase();
      const handles: DatabaseHandle[] = await Promise.all([0, 1, 2].map(() => openDatabase({ kind: 'postgres', url, maxConnections: 2 })));
      await migrateDatabase(handles[0]!);
      const config = loadConfig({ DATABASE_URL: url, LYKT_MASTER_KEY: randomBytes(32).toString('base64') });
      const errors: unknown[] = [];
      const runners = handles.map((handle) => {
        const deps: Deps = { db: handle.db, dbKind: handle.kind, keyring: new KeyRing(randomBytes(32)), config };
        return new PgBossJobRunner(deps, url, JOBS, () => undefined, (error) => errors.push(error));
      });
      try {
        const started = await Promise.allSettled(runners.map((runner) => runner.start()));
        expect(started.map((outcome) => (outcome.status === 'rejected' ? String(outcome.reason) : 'started'))).toEqual(['started', 'started', 'started']);
        const queues = rowsOf<{ name: string }>(await handles[0]!.db.execute(sql`select name from pgboss.queue where name like 'test-%' order by name`));
        expect(queues.map((queue) => queue.name)).toEqual(JOBS.map((job) => job.name));
        expect(errors).toEqual([]);
      } finally {
        await Promise.all(runners.map((runner) => runner.stop()));
        await Promise.all(handles.map((handle) => handle.close()));
      }
    }
  }, 120_000);
});
