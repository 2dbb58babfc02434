import Fastify from 'fastify';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { TEST_PASSWORD, migrateDatabase, openDatabase, type DatabaseHandle } from '@lykt/db';
import { buildApp } from '../apps/api/src/app';
import { loadConfig } from '../apps/api/src/config';
import { KeyRing } from '../apps/api/src/platform/crypto';
import type { Deps } from '../apps/api/src/platform/deps';
import { cpuIdleSetting, measureApart, printTable, seedBenchTenant, type Measurement } from './support';

const CONNECTIONS = 10;
/** Bare route and /me alternate this many times per database, so a change in machine load hits both. */
const ROUNDS = Number(process.env.BENCH_ME_ROUNDS ?? 7);

/** One database under test: PGlite on disk (a throwaway directory), or PostgreSQL from BENCH_DATABASE_URL / TEST_DATABASE_URL. */
async function openTarget(kind: 'pglite' | 'postgres'): Promise<{ handle: DatabaseHandle; deps: Deps; cleanup: () => void }> {
  let dataDir: string | null = null;
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? '';
  if (kind === 'pglite') dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lykt-bench-me-'));
  const handle = kind === 'pglite' ? await openDatabase({ kind: 'pglite', dataDir }) : await openDatabase({ kind: 'postgres', url });
  await migrateDatabase(handle);
  const config = { ...loadConfig({ NODE_ENV: 'test', LYKT_DEMO: 'false', LYKT_LOG_LEVEL: 'silent' }), loginRateLimitPerMinute: 1_000_000 };
  const deps: Deps = { db: handle.db, dbKind: handle.kind, keyring: new KeyRing(Buffer.alloc(32, 1)), config };
  return { handle, deps, cleanup: () => dataDir && fs.rmSync(dataDir, { recursive: true, force: true }) };
}

/**
 * GET /api/v1/me with a signed-in session (session check, cached user and settings, fast-json
 * serialisation, security headers, metrics, compression hook) against a bare Fastify route that
 * returns the same JSON body, each loaded by autocannon in a separate process, alternating in the
 * same run (ROUNDS times per database), so both see the same machine load; the median ratio is reported.
 * PGlite on disk always; PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set.
 */
export async function benchMe(seconds: number): Promise<void> {
  const kinds: Array<'pglite' | 'postgres'> = process.env.BENCH_ME_POSTGRES_ONLY === 'yes' ? [] : ['pglite'];
  if (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL) kinds.push('postgres');
  else console.log('  (no BENCH_DATABASE_URL or TEST_DATABASE_URL: PostgreSQL skipped)');
  const rows: Measurement[] = [];
  const ratios: string[] = [];
  for (const kind of kinds) {
    const { handle, deps, cleanup } = await openTarget(kind);
    const tenant = await seedBenchTenant(deps);
    const app = await buildApp(deps, { serveWeb: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const bare = Fastify({ logger: false });
    try {
      const appUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const login = await fetch(`${appUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: appUrl },
        body: JSON.stringify({ email: tenant.users.viewer.email, password: TEST_PASSWORD }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      if (login.status !== 200 || !cookie) throw new Error(`sign-in failed: ${login.status}`);
      const meResponse = await fetch(`${appUrl}/api/v1/me`, { headers: { cookie } });
      const body = await meResponse.text();
      if (meResponse.status !== 200) throw new Error(`/me answered ${meResponse.status}`);
      // The bare route sends the very bytes /me sent, as JSON.
      bare.get('/bare', async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
      await bare.listen({ port: 0, host: '127.0.0.1' });
      const bareUrl = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}/bare`;
      const label = kind === 'pglite' ? 'PGlite on disk' : 'PostgreSQL';
      const percentages: number[] = [];
      for (let round = 1; round <= ROUNDS; round += 1) {
        const baseline = await measureApart(`${label} round ${round}: bare Fastify route, same ${body.length}-byte JSON`, bareUrl, {}, seconds, CONNECTIONS);
        const me = await measureApart(`${label} round ${round}: GET /api/v1/me`, `${appUrl}/api/v1/me`, { cookie }, seconds, CONNECTIONS);
        rows.push(baseline, me);
        percentages.push((me.requestsPerSecond / baseline.requestsPerSecond) * 100);
      }
      const sorted = [...percentages].sort((a, b) => a - b);
      ratios.push(`${label}: /me ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} % of the bare route (median of ${ROUNDS} rounds; each: ${percentages.map((value) => value.toFixed(1)).join(', ')} %)`);
    } finally {
      await app.close();
      await bare.close();
      await handle.close();
      cleanup();
    }
  }
  printTable(`GET /api/v1/me vs a bare route with the same JSON (${seconds} s each, ${CONNECTIONS} connections, load generated by a separate process)`, rows);
  for (const ratio of ratios) console.log(`- ${ratio}`);
  console.log(`- load average at the end: ${os.loadavg().map((value) => value.toFixed(2)).join(', ')}`);
  const idle = cpuIdleSetting();
  if (idle) console.log(`- ${idle}`);
}
