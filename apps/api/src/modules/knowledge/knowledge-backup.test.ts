import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrateDatabase, openDatabase, schema } from '@lykt/db';
import type { ArticleList } from '@lykt/shared';
import { call, createHarness, seedTenant, signIn, TEST_MASTER_KEY, type TestHarness } from '../../../test/harness';
import { buildApp } from '../../app';
import { backupDatabase, restoreDatabase } from '../../platform/backup';
import { KeyRing } from '../../platform/crypto';

/** A private, freshly migrated PGlite with its own app, whatever database the other tests use: the restore replaces all its data. */
async function privateTarget(config: TestHarness['deps']['config']): Promise<TestHarness> {
  // The migrated PGlite dump, or (when the tests run on PostgreSQL and there is none) a fresh migrated PGlite.
  const dump = inject('pgliteDump');
  const handle = await openDatabase(dump ? { kind: 'pglite', dataDir: null, loadDataDir: new Blob([fs.readFileSync(dump)]) } : { kind: 'pglite', dataDir: null });
  if (!dump) await migrateDatabase(handle);
  const deps = { db: handle.db, dbKind: handle.kind, keyring: new KeyRing(TEST_MASTER_KEY), config };
  const app = await buildApp(deps, { serveWeb: false });
  await app.ready();
  return { app, deps, handle, logs: [], close: async () => { await app.close(); await handle.close(); } };
}

let source: TestHarness;
let target: TestHarness;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lykt-knowledge-backup-'));
beforeAll(async () => {
  source = await createHarness();
  target = await privateTarget(source.deps.config);
});
afterAll(async () => {
  await source.close();
  await target.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('knowledge and training in a backup', () => {
  it('round-trip: search vectors, arrays, versions and completions restore and stay searchable', async () => {
    const tenant = await seedTenant(source, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
    const coordinator = await signIn(source, tenant.users.coordinator);
    const created = await call(source, coordinator, 'POST', '/api/v1/knowledge/articles', {
      slug: 'nattevakt-rutine',
      lang: 'nb',
      title: 'Rutine for nattevakten',
      summary: 'Hva nattevakten på legevakta gjør.',
      body: '## Natt\n\nRing bakvakten ved mistanke om **tvangsarbeid**.',
      services: ['health'],
      forms: ['labour'],
      baseVersion: null,
    });
    expect(created.statusCode, created.body).toBe(201);
    await source.deps.db.insert(schema.trainingCompletion).values({ municipalityId: tenant.municipality.id, userId: tenant.users.frontline.id, organisationId: tenant.organisation.id, moduleKey: 'basics', moduleVersion: 1, score: 100, validUntil: '2028-11-28' });
    const file = path.join(dir, 'backup.jsonl.gz');
    const header = await backupDatabase(source.deps.db, file);
    expect(header.tables.knowledge_article).toBeGreaterThanOrEqual(1);
    await restoreDatabase(target.deps.db, file, { force: true });
    const restored = await signIn(target, tenant.users.frontline);
    const found = (await call(target, restored, 'GET', '/api/v1/knowledge/articles?q=bakvakten&service=health')).json<ArticleList>();
    expect(found.items.map((item) => item.slug)).toEqual(['nattevakt-rutine']);
    const modules = (await call(target, restored, 'GET', '/api/v1/training/modules')).json<{ items: Array<{ key: string; status: string }> }>();
    expect(modules.items.find((item) => item.key === 'basics')?.status).toBe('completed');
  });
});
