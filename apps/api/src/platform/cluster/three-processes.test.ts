import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTenant, migrateDatabase, openDatabase, rowsOf, TEST_PASSWORD, type DatabaseHandle } from '@lykt/db';
import { KeyRing } from '../crypto';
import { seedCapabilities } from '../seed-capabilities';
import { scheduledJobs } from '../jobs/definitions';

/**
 * Three real API processes (node --import tsx apps/api/src/main.ts) on one PostgreSQL database of
 * their own, created and dropped here. Only with TEST_DATABASE_URL (the CI has it).
 */
const baseUrl = process.env.TEST_DATABASE_URL;
const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const MASTER_KEY = randomBytes(32);
const JOBS = scheduledJobs().map((job) => job.name);

type Proc = { child: ChildProcess; url: string; output: string[] };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

describe.runIf(baseUrl)('three API processes on one PostgreSQL', () => {
  const dbName = `lykt_three_${randomBytes(4).toString('hex')}`;
  const admin = baseUrl ? postgres(baseUrl, { max: 1, onnotice: () => undefined }) : null;
  const dbUrl = baseUrl ? Object.assign(new URL(baseUrl), { pathname: `/${dbName}` }).toString() : '';
  const procs: Proc[] = [];
  let handle: DatabaseHandle;
  let tenant: Awaited<ReturnType<typeof buildTenant>>;

  const start = async (): Promise<Proc> => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'apps/api/src/main.ts')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: dbUrl,
        LYKT_MASTER_KEY: MASTER_KEY.toString('base64'),
        PORT: String(port),
        LYKT_DEMO: 'false',
        LYKT_LOG_LEVEL: 'warn',
        LYKT_LOGIN_RATE_LIMIT: '5',
      },
    });
    const proc: Proc = { child, url: `http://127.0.0.1:${port}`, output: [] };
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        proc.output.push(chunk.toString());
        if (proc.output.join('').includes('scheduled jobs: pg-boss')) resolve();
      });
      child.stderr?.on('data', (chunk: Buffer) => proc.output.push(chunk.toString()));
      child.on('exit', (code) => reject(new Error(`process exited ${code}: ${proc.output.join('')}`)));
    });
    return proc;
  };

  const request = (proc: Proc, method: string, url: string, cookie?: string, body?: unknown) =>
    fetch(`${proc.url}${url}`, {
      method,
      headers: { origin: proc.url, ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  const signIn = async (proc: Proc, email: string): Promise<string> => {
    const response = await request(proc, 'POST', '/api/v1/auth/login', undefined, { email, password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };

  /** Polls until every process answers as wanted; returns the milliseconds it took. */
  const until = async (check: (proc: Proc) => Promise<boolean>, within: number): Promise<number> => {
    const started = performance.now();
    await expect
      .poll(async () => (await Promise.all(procs.map(check))).every(Boolean), { timeout: within, interval: 25 })
      .toBe(true);
    return Math.round(performance.now() - started);
  };

  beforeAll(async () => {
    await admin?.unsafe(`create database ${dbName}`);
    handle = await openDatabase({ kind: 'postgres', url: dbUrl, maxConnections: 2 });
    await migrateDatabase(handle);
    tenant = await buildTenant(handle.db, seedCapabilities(new KeyRing(MASTER_KEY)), {
      settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 },
    });
    procs.push(...(await Promise.all([start(), start(), start()])));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(
      procs.map(
        (proc) =>
          new Promise((resolve) => {
            if (proc.child.exitCode !== null) return resolve(null);
            proc.child.on('exit', resolve);
            proc.child.kill('SIGTERM');
          }),
      ),
    );
    await handle?.close();
    await admin?.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin?.end();
  }, 60_000);

  it('runs each nightly job exactly once, though all three offered it', async () => {
    const runs = async () => rowsOf<{ name: string; outcome: string; n: number }>(await handle.db.execute(sql`select name, outcome, count(*)::int as n from job_run group by name, outcome order by name`));
    await expect.poll(async () => (await runs()).filter((row) => row.outcome === 'succeeded').length, { timeout: 60_000, interval: 200 }).toBe(JOBS.length);
    const rows = await runs();
    process.stdout.write(`${['job_run:', JSON.stringify(rows)].join(' ')}\n`);
    expect(rows.map((row) => `${row.name}:${row.outcome}:${row.n}`).sort()).toEqual(JOBS.map((name) => `${name}:succeeded:1`).sort());
    const queued = rowsOf<{ name: string; n: number }>(await handle.db.execute(sql`select name, count(*)::int as n from pgboss.job group by name order by name`));
    process.stdout.write(`${['pgboss.job:', JSON.stringify(queued)].join(' ')}\n`);
    expect(queued.map((row) => `${row.name}:${row.n}`).sort()).toEqual(JOBS.map((name) => `${name}:1`).sort());
  }, 90_000);

  it('revokes a session on every process within a second of a logout on one', async () => {
    const cookie = await signIn(procs[0] as Proc, tenant.users.viewer.email);
    for (const proc of procs) expect((await request(proc, 'GET', '/api/v1/me', cookie)).status).toBe(200);
    expect((await request(procs[0] as Proc, 'POST', '/api/v1/auth/logout', cookie, {})).status).toBeLessThan(300);
    const ms = await until(async (proc) => (await request(proc, 'GET', '/api/v1/me', cookie)).status === 401, 1000);
    process.stdout.write(`${[`logout on process 1 refused on all three after ${ms} ms`].join(' ')}\n`);
  });

  it('shows a settings change on every process within a second', async () => {
    const cookie = await signIn(procs[1] as Proc, tenant.users.admin.email);
    for (const proc of procs) expect(((await (await request(proc, 'GET', '/api/v1/me', cookie)).json()) as { municipality: { defaultLanguage: string } }).municipality.defaultLanguage).toBe('nb');
    expect((await request(procs[1] as Proc, 'PATCH', '/api/v1/municipality', cookie, { defaultLanguage: 'en' })).status).toBe(200);
    const ms = await until(
      async (proc) => ((await (await request(proc, 'GET', '/api/v1/me', cookie)).json()) as { municipality: { defaultLanguage: string } }).municipality.defaultLanguage === 'en',
      1000,
    );
    process.stdout.write(`${[`settings change on process 2 seen by all three after ${ms} ms`].join(' ')}\n`);
  });

  it('holds a sign-in rate limit reached on one process on the others', async () => {
    // The limit counts per minute: start early in a minute, so the window cannot turn mid-test.
    await expect.poll(() => new Date().getSeconds() < 40, { timeout: 30_000, interval: 250 }).toBe(true);
    const attempt = (proc: Proc) => request(proc, 'POST', '/api/v1/auth/login', undefined, { email: 'nobody@example.invalid', password: 'wrong-password-here' });
    const statuses: number[] = [];
    for (let i = 0; i < 8 && statuses.at(-1) !== 429; i += 1) statuses.push((await attempt(procs[0] as Proc)).status);
    expect(statuses.at(-1)).toBe(429);
    const others = [(await attempt(procs[1] as Proc)).status, (await attempt(procs[2] as Proc)).status];
    process.stdout.write(`${[`sign-in attempts on process 1: ${statuses.join(' ')}; then process 2 and 3: ${others.join(' ')}`].join(' ')}\n`);
    expect(others).toEqual([429, 429]);
  }, 60_000);
});
