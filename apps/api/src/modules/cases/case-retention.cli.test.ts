import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, schema } from '@lykt/db';

const ROOT = path.resolve(import.meta.dirname, '../../../../..');
const BIN = path.join(ROOT, 'apps/api/bin/lykt.mjs');
const MASTER_KEY = Buffer.alloc(32, 5).toString('base64');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lykt-cases-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function lykt(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LYKT_DATA_DIR: tmp, LYKT_MASTER_KEY: MASTER_KEY, LYKT_LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

describe('lykt retention run', { timeout: 120_000 }, () => {
  it('erases the personal data of a case closed longer than the retention period, audited as the system; refuses an unknown action', async () => {
    expect(lykt(['user', 'create-admin', '--email', 'admin@retention.test.lykt.invalid', '--name', 'Ada Admin', '--municipality', 'Retensjon kommune', '--password-stdin'], 'lantern-harbour-quietly-7-retention').code).toBe(0);
    const handle = await openDatabase({ kind: 'pglite', dataDir: path.join(tmp, 'pgdata') });
    try {
      const [user] = await handle.db.select().from(schema.appUser).limit(1);
      if (!user) throw new Error('no admin');
      await handle.db.insert(schema.caseFile).values({
        municipalityId: user.municipalityId,
        caseNumber: '2020-0001',
        status: 'closed',
        sourceKind: 'direct',
        ownerUserId: user.id,
        openedByUserId: user.id,
        personEnc: 'v1:placeholder:not-decrypted-by-erasure',
        closedAt: new Date(Date.now() - 3 * 365 * 86_400_000),
      });
    } finally {
      await handle.close();
    }
    const run = lykt(['retention', 'run']);
    expect(run.out).toContain('personal data erased in 1 case(s)');
    expect(run.code).toBe(0);
    const after = await openDatabase({ kind: 'pglite', dataDir: path.join(tmp, 'pgdata') });
    try {
      const [row] = await after.db.select().from(schema.caseFile);
      expect(row?.personEnc).toBeNull();
      expect(row?.personalDataErasedAt).not.toBeNull();
      const events = await after.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.action, 'case.personal.erased'));
      expect(events).toHaveLength(1);
      expect(events[0]?.actorLabel).toBe('case-retention');
    } finally {
      await after.close();
    }
    const wrong = lykt(['retention', 'purge']);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain("Allowed choices are run");
  });
});
