import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '@lykt/db';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const BIN = path.join(ROOT, 'apps/api/bin/lykt.mjs');
const MASTER_KEY = Buffer.alloc(32, 3).toString('base64');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lykt-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function lykt(dataDir: string, args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LYKT_DATA_DIR: dataDir, LYKT_MASTER_KEY: MASTER_KEY, LYKT_LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

async function withPglite<T>(dataDir: string, fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pgdata') });
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

// Each test starts the CLI (tsx + PGlite) several times; on a loaded machine that takes a while.
describe('lykt CLI', { timeout: 120_000 }, () => {
  const dir = path.join(tmp, 'one');
  const backup = path.join(tmp, 'backup.jsonl.gz');

  it('creates the first admin with a password from stdin, refusing a weak one', () => {
    const weak = lykt(dir, ['user', 'create-admin', '--email', 'ada@test.kommune.no', '--name', 'Ada', '--municipality', 'Prøve kommune', '--password-stdin'], 'password123456\n');
    expect(weak.code).toBe(2);
    expect(weak.out).toMatch(/too easy to guess/);
    const ok = lykt(dir, ['user', 'create-admin', '--email', 'ada@test.kommune.no', '--name', 'Ada', '--municipality', 'Prøve kommune', '--password-stdin'], 'violet-tractor-sings-loudly\n');
    expect(ok.out).toMatch(/Created administrator ada@test.kommune.no/);
    expect(ok.code).toBe(0);
    const again = lykt(dir, ['user', 'create-admin', '--email', 'ADA@test.kommune.no', '--name', 'Ada'], undefined);
    expect(again.code).toBe(2);
    expect(again.out).toMatch(/already exists/);
  });

  it('verifies an intact audit log, then names the first edited event and exits 1', async () => {
    const intact = lykt(dir, ['audit', 'verify']);
    expect(intact.out).toMatch(/Audit log intact: 2 events checked/);
    expect(intact.code).toBe(0);

    const made = lykt(dir, ['backup', '--out', backup]);
    expect(made.code).toBe(0);
    expect(fs.existsSync(backup)).toBe(true);
    expect((fs.statSync(backup).mode & 0o777).toString(8)).toBe('600');

    await withPglite(dir, (db) => db.execute(sql`update audit_event set entity_type = 'edited' where seq = 1`));
    const broken = lykt(dir, ['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/event #1 .* edited/);
  });

  it('restores a backup into an empty installation; refuses a non-empty one without --force', async () => {
    const other = path.join(tmp, 'two');
    const restored = lykt(other, ['restore', '--in', backup]);
    expect(restored.out).toMatch(/Restored the backup/);
    expect(restored.code).toBe(0);
    expect(lykt(other, ['audit', 'verify']).code).toBe(0);
    const count = await withPglite(other, async (db) => rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from app_user where email = 'ada@test.kommune.no'`))[0]?.n);
    expect(count).toBe(1);
    const refused = lykt(other, ['restore', '--in', backup]);
    expect(refused.code).toBe(2);
    expect(refused.out).toMatch(/--force/);
    expect(lykt(other, ['restore', '--in', backup, '--force']).code).toBe(0);
  });

  it('refuses a restore whose data keys the master key cannot open', () => {
    const result = spawnSync(process.execPath, [BIN, 'restore', '--in', backup], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, LYKT_DATA_DIR: path.join(tmp, 'three'), LYKT_MASTER_KEY: Buffer.alloc(32, 4).toString('base64') },
    });
    expect(result.status).toBe(2);
    expect(`${result.stdout}${result.stderr}`).toMatch(/LYKT_MASTER_KEY/);
  });

  it('names each wrong configuration value', () => {
    const result = spawnSync(process.execPath, [BIN, 'migrate'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, PORT: 'eighty', DATABASE_URL: 'mysql://x', LYKT_MASTER_KEY: 'short' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/PORT/);
    expect(result.stderr).toMatch(/DATABASE_URL: must start with postgres/);
    expect(result.stderr).toMatch(/LYKT_MASTER_KEY: must be 32 random bytes/);
  });

  it('refuses a second process on the same embedded data dir', async () => {
    const dir = path.join(tmp, 'locked');
    const server = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'apps/api/src/main.ts')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, LYKT_DATA_DIR: dir, LYKT_MASTER_KEY: MASTER_KEY, PORT: '0', LYKT_DEMO: 'false', LYKT_LOG_LEVEL: 'silent' },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        let output = '';
        server.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('is running')) resolve();
        });
        server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
      });
      const second = lykt(dir, ['audit', 'verify']);
      expect(second.code).toBe(2);
      expect(second.out).toMatch(/in use by another Lykt process/);
    } finally {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.on('exit', resolve));
        server.kill('SIGINT');
        await exited;
      }
    }
    // Ctrl-C shut down cleanly: a backup was made, the lock is released and the data is intact.
    expect(fs.existsSync(path.join(dir, 'lykt.lock'))).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((name) => name.endsWith('.jsonl.gz'))).toHaveLength(1);
    const after = lykt(dir, ['audit', 'verify']);
    expect(after.out).toMatch(/Audit log intact/);
    expect(after.code).toBe(0);
  });
});
