import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { inArray, sql } from 'drizzle-orm';
import { buildTenant, migrateDatabase, openDatabase, schema, type Database } from '@lykt/db';
import { loadConfig } from '../apps/api/src/config';
import { KeyRing } from '../apps/api/src/platform/crypto';
import { runWithContext } from '../apps/api/src/platform/context';
import type { Deps } from '../apps/api/src/platform/deps';
import { seedCapabilities } from '../apps/api/src/platform/seed-capabilities';
import { openSession } from '../apps/api/src/modules/auth/open-session';
import { publishDueReleases } from '../apps/api/src/modules/statistics/statistics.service';
import { serverNodeOptions } from '../apps/api/src/start-command';
import type { UserRow } from '../apps/api/src/modules/users/user.repository';
import { BENCH_PERSON, FIVE_YEARS_MINUTES, insertAuditEvents, insertCases, resetPostgres, rowsOf } from './seed-bulk';
import { measureMix } from './support';
import type { Stream, StreamResult, Variant } from './figures';
import { TIP_FORM } from './tips.bench';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const MUNICIPALITIES = Number(env.BENCH_MUNICIPALITIES ?? 400);
const STAFF = Number(env.BENCH_STAFF ?? 60_000);
const CASES = Number(env.BENCH_NATIONAL_CASES ?? 100_000);
const AUDIT_EVENTS = Number(env.BENCH_AUDIT_EVENTS ?? 1_000_000);
const TIPS = Number(env.BENCH_TIPS ?? 3_000);
const MEASURES_PER_PLAN = 20;
/** Signed-in staff the load is spread over (besides one coordinator per municipality). */
const SESSIONS = Number(env.BENCH_SESSIONS ?? 2_000);
const PROCESSES = (env.BENCH_PROCESSES ?? '1,2').split(',').map((value) => Number(value.trim()));
const BASE_PORT = Number(env.BENCH_NATIONAL_PORT ?? 4710);
const PREFIX = 'Benchkommune';
/** The master key the bench seeds with and the server processes run with (a bench key, never a real one). */
const MASTER_KEY = Buffer.alloc(32, 1);
/** Roles of generated staff, one per 20: half frontline workers, a fifth caseworkers, then one each. */
const STAFF_ROLES = [...Array(10).fill('frontline'), ...Array(4).fill('caseworker'), 'coordinator', 'viewer', 'viewer', 'partner', 'procurement', 'admin'] as string[];

type Seeded = { municipalities: { id: string; coordinatorId: string; caseworkerId: string; organisationId: string }[]; seconds: number; steps: string[] };

/** Integer shares of `total` by Zipf weights 1/rank (largest remainder), at least `floor` each: a capital, a few cities, many small municipalities. */
export function zipfShares(total: number, count: number, floor: number): number[] {
  const weights = Array.from({ length: count }, (_, index) => 1 / (index + 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = Math.max(0, total - floor * count);
  const raw = weights.map((weight) => (weight / sum) * spare);
  const shares = raw.map((value) => Math.floor(value));
  let left = spare - shares.reduce((a, b) => a + b, 0);
  const order = raw.map((value, index) => [value - Math.floor(value), index] as const).sort((a, b) => b[0] - a[0]);
  for (const [, index] of order) {
    if (left <= 0) break;
    shares[index] = (shares[index] ?? 0) + 1;
    left -= 1;
  }
  return shares.map((share) => share + floor);
}

const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;

async function timed(steps: string[], label: string, fn: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await fn();
  const line = `${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`;
  steps.push(line);
  console.log(`  ${line}`);
}

/** The national data set, in bulk SQL (the municipalities themselves through the seed builders, with their data keys). */
async function seed(db: Database, deps: Deps): Promise<Seeded> {
  const started = performance.now();
  const steps: string[] = [];
  const caps = seedCapabilities(deps.keyring);
  const municipalities: Seeded['municipalities'] = [];
  await timed(steps, `${MUNICIPALITIES} municipalities (builders: data key, organisation, one user per role)`, async () => {
    for (let rank = 1; rank <= MUNICIPALITIES; rank += 1) {
      const tenant = await buildTenant(db, caps, {
        name: `${PREFIX} ${String(rank).padStart(3, '0')}`,
        settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 },
      });
      municipalities.push({ id: tenant.municipality.id, coordinatorId: tenant.users.coordinator.id, caseworkerId: tenant.users.caseworker.id, organisationId: tenant.organisation.id });
    }
  });
  const ids = municipalities.map((m) => m.id);
  const staff = zipfShares(Math.max(0, STAFF - 7 * MUNICIPALITIES), MUNICIPALITIES, 0);
  await timed(steps, `${STAFF.toLocaleString('en')} staff accounts (Zipf 1/rank over the municipalities)`, async () => {
    const [hash] = rowsOf<{ password_hash: string }>(await db.execute(sql`select password_hash from app_user where id = ${municipalities[0]?.coordinatorId ?? ''}::uuid`));
    await db.execute(sql`
      insert into app_user (municipality_id, organisation_id, email, name, role, password_hash)
      select t.m, t.o, 'staff-' || t.rank || '-' || g || '@national.bench.invalid', 'Ansatt ' || t.rank || '-' || g,
        (${`{${STAFF_ROLES.join(',')}}`}::text[])[1 + g % ${STAFF_ROLES.length}::int], ${hash?.password_hash ?? ''}
      from unnest(${uuidArray(ids)}::uuid[], ${uuidArray(municipalities.map((m) => m.organisationId))}::uuid[], ${`{${staff.join(',')}}`}::int[]) with ordinality as t(m, o, n, rank)
      cross join lateral generate_series(1, t.n) g`);
  });
  const cases = zipfShares(CASES, MUNICIPALITIES, 1);
  const audits = zipfShares(AUDIT_EVENTS, MUNICIPALITIES, 1);
  await timed(steps, `${CASES.toLocaleString('en')} cases over five years, team members, referrals`, async () => {
    for (const [index, m] of municipalities.entries()) {
      const count = cases[index] ?? 1;
      const personEnc = await deps.keyring.encrypt(db, m.id, 'case_file.person', BENCH_PERSON);
      await insertCases(db, { municipalityId: m.id, coordinatorId: m.coordinatorId, caseworkerId: m.caseworkerId, personEnc, count, spacingMinutes: FIVE_YEARS_MINUTES / count }, m.organisationId);
    }
  });
  await timed(steps, `${AUDIT_EVENTS.toLocaleString('en')} audit events`, async () => {
    for (const [index, m] of municipalities.entries()) await insertAuditEvents(db, m.id, m.coordinatorId, audits[index] ?? 1, cases[index] ?? 1);
  });
  const tips = zipfShares(TIPS, MUNICIPALITIES, 1);
  await timed(steps, `${TIPS.toLocaleString('en')} tips`, async () => {
    for (const [index, m] of municipalities.entries()) {
      const contentEnc = await deps.keyring.encrypt(db, m.id, 'tip.content', JSON.stringify({ what: 'Bench: workers never paid.', area: 'Sentrum', address: '', when: 'Last week', peopleCount: 'two_to_five' }));
      await db.execute(sql`
        insert into tip (municipality_id, receipt_hash, status, language, place_kind, minor, immediate_danger, anonymous, content_enc, submitted_on, last_activity_on)
        select ${m.id}::uuid, md5(${m.id} || g::text), (array['new','in_progress','closed'])[1 + g % 3], 'nb', 'construction', 'unknown', g % 50 = 0, true, ${contentEnc},
          current_date - (g % 300), current_date - (g % 300)
        from generate_series(1, ${tips[index] ?? 1}::int) g`);
    }
  });
  await timed(steps, `plans: one adopted plan with ${MEASURES_PER_PLAN} measures per municipality`, async () => {
    await db.execute(sql`insert into plan (municipality_id, title, period_start, period_end) select id, 'Handlingsplan mot menneskehandel', '2025-01-01', '2028-12-31' from municipality where name like ${`${PREFIX} %`}`);
    await db.execute(sql`
      insert into plan_version (municipality_id, plan_id, number, status, decision_ref, decision_date, adopted_at)
      select p.municipality_id, p.id, 1, 'adopted', 'Bench', '2025-01-15', now() from plan p join municipality m on m.id = p.municipality_id where m.name like ${`${PREFIX} %`}`);
    await db.execute(sql`
      insert into plan_measure (municipality_id, plan_version_id, lineage_id, area, position, title, status, progress, due_date)
      select v.municipality_id, v.id, gen_random_uuid(), (array['A','B','C','D','E','F','G','H','I'])[1 + g % 9], g, 'Tiltak ' || g,
        (array['not_started','planned','in_progress'])[1 + g % 3], (g * 5) % 100, date '2026-01-01' + g * 30
      from plan_version v join municipality m on m.id = v.municipality_id cross join generate_series(1, ${MEASURES_PER_PLAN}::int) g where m.name like ${`${PREFIX} %`}`);
  });
  await timed(steps, 'statistics releases (the statistics-releases job: last closed year and the four before, every municipality)', async () => {
    await publishDueReleases(deps);
  });
  await timed(steps, 'analyze', async () => db.execute(sql`analyze`));
  return { municipalities, seconds: (performance.now() - started) / 1000, steps };
}

type Session = { cookie: string; role: string; municipalityId: string; /** The coordinator the seed builders made for the municipality (owner of its cases). */ tenantCoordinator: boolean };

/** Sessions through the real session code (openSession: token, hash, audit of the sign-in), as a password sign-in ends. */
async function openSessions(db: Database, deps: Deps): Promise<Session[]> {
  const sampled = rowsOf<{ id: string }>(await db.execute(sql`select id from app_user where email like '%@national.bench.invalid' order by md5(id::text) limit ${SESSIONS}::int`));
  const owners = rowsOf<{ id: string }>(
    await db.execute(sql`select u.id from app_user u join municipality m on m.id = u.municipality_id where m.name like ${`${PREFIX} %`} and u.role = 'coordinator' and u.email not like '%@national.bench.invalid'`),
  );
  const users = [...sampled.map(({ id }) => ({ id, owner: false })), ...owners.map(({ id }) => ({ id, owner: true }))];
  const sessions: Session[] = [];
  await runWithContext({ requestId: null, actor: { kind: 'system', label: 'bench' } }, async () => {
    for (let from = 0; from < users.length; from += 500) {
      const batch = users.slice(from, from + 500);
      const ids = batch.map((user) => user.id);
      const rows: UserRow[] = await db.select().from(schema.appUser).where(inArray(schema.appUser.id, ids));
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const [offset, id] of ids.entries()) {
        const row = byId.get(id);
        if (!row) continue;
        const token = await db.transaction((tx) => openSession(deps, tx, row, 'active', undefined, { method: 'password' }));
        sessions.push({ cookie: `lykt_session=${token}`, role: row.role, municipalityId: row.municipalityId, tenantCoordinator: batch[offset]?.owner ?? false });
      }
    }
  });
  return sessions;
}

type ServerProcess = { child: ChildProcess; url: string; output: () => string; exited: () => boolean };

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `node apps/api/dist/main.js` on its own port with DATABASE_URL; resolves once it printed its start banner (after its job runner started). */
async function startServer(databaseUrl: string, port: number, publicMunicipalityId: string, dataDir: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...serverNodeOptions(ROOT), 'apps/api/dist/main.js'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: env.PATH ?? '',
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LYKT_DATA_DIR: dataDir,
      LYKT_MASTER_KEY: MASTER_KEY.toString('base64'),
      LYKT_DEMO: 'false',
      LYKT_LOG_LEVEL: 'warn',
      LYKT_TRUST_PROXY: 'true',
      LYKT_PUBLIC_MUNICIPALITY: publicMunicipalityId,
      LYKT_PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
  });
  let output = '';
  let exited = false;
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.on('exit', () => (exited = true));
  const started = performance.now();
  while (!output.includes('is running on')) {
    if (exited) throw new Error(`server on port ${port} ended before it started:\n${output.slice(-3000)}`);
    if (performance.now() - started > 300_000) throw new Error(`server on port ${port}: no start banner within 300 s`);
    await sleep(100);
  }
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited: () => exited };
}

async function stopServer(server: ServerProcess): Promise<void> {
  if (server.exited()) return;
  server.child.kill('SIGTERM');
  for (let waited = 0; !server.exited() && waited < 20_000; waited += 100) await sleep(100);
  if (!server.exited()) server.child.kill('SIGKILL');
}

function rssMiB(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** Waits until the job queue has nothing queued or running (the start-up runs of the scheduled jobs), so they do not fall into the measurement. */
async function waitForJobs(db: Database): Promise<number> {
  const started = performance.now();
  let quiet = 0;
  while (quiet < 3) {
    const [row] = rowsOf<{ n: number | string }>(await db.execute(sql`select count(*) as n from pgboss.job where state in ('created', 'retry', 'active')`));
    quiet = Number(row?.n ?? 0) === 0 ? quiet + 1 : 0;
    if (performance.now() - started > 900_000) throw new Error('scheduled jobs still running after 900 s');
    await sleep(1000);
  }
  return (performance.now() - started) / 1000;
}

const pick = <T>(items: T[], predicate: (item: T) => boolean): T[] => items.filter(predicate);

function streams(urls: string[], sessions: Session[], caseOf: Map<string, string>): Stream[] {
  const variants = (list: Session[], pathOf: (session: Session) => string | null): Variant[] =>
    list.flatMap((session) => {
      const target = pathOf(session);
      return target ? [{ path: target, headers: { cookie: session.cookie } }] : [];
    });
  const coordinators = pick(sessions, (s) => s.tenantCoordinator);
  const caseReaders = pick(sessions, (s) => s.role === 'coordinator' || s.role === 'caseworker');
  return [
    { name: 'GET /api/v1/me', urls, connections: 16, variants: variants(sessions, () => '/api/v1/me') },
    { name: 'GET /api/v1/cases?limit=50 (first page)', urls, connections: 6, variants: variants(caseReaders, () => '/api/v1/cases?limit=50') },
    {
      name: 'GET /api/v1/concerns (first page)',
      urls,
      connections: 4,
      variants: variants(pick(sessions, (s) => ['coordinator', 'caseworker', 'frontline'].includes(s.role)), () => '/api/v1/concerns'),
    },
    { name: 'GET /api/v1/tips (first page)', urls, connections: 4, variants: variants(caseReaders, () => '/api/v1/tips') },
    {
      name: 'GET /api/v1/cases/:id (decrypt + audited read)',
      urls,
      connections: 2,
      variants: variants(coordinators, (s) => (caseOf.has(s.municipalityId) ? `/api/v1/cases/${caseOf.get(s.municipalityId)}` : null)),
    },
    { name: 'GET /api/v1/statistics (published release)', urls, connections: 2, variants: variants(pick(sessions, (s) => s.role === 'coordinator' || s.role === 'viewer'), () => '/api/v1/statistics') },
    {
      name: 'POST /nb/tips (public tip form)',
      urls,
      connections: 1,
      method: 'POST',
      body: TIP_FORM,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      forwardedFor: true,
      variants: [{ path: '/nb/tips', headers: {} }],
    },
  ];
}

/** Connections to the bench database now (the bench's own included). */
async function connectionsNow(db: Database): Promise<number> {
  const [row] = rowsOf<{ total: number | string }>(await db.execute(sql`select count(*) as total from pg_stat_activity where datname = current_database()`));
  return Number(row?.total ?? 0);
}

function commandLine(): string {
  const names = ['BENCH_DATABASE_URL', 'BENCH_RESET_DATABASE', 'BENCH_MUNICIPALITIES', 'BENCH_STAFF', 'BENCH_NATIONAL_CASES', 'BENCH_AUDIT_EVENTS', 'BENCH_TIPS', 'BENCH_SESSIONS', 'BENCH_PROCESSES', 'BENCH_SECONDS', 'BENCH_NATIONAL_PORT'];
  const set = names.filter((name) => env[name] !== undefined).map((name) => `${name}=${env[name]}`);
  return `${set.join(' ')} npm run bench national`;
}

/**
 * `npm run bench national`: a national installation on one PostgreSQL (BENCH_DATABASE_URL, a
 * throwaway database): BENCH_MUNICIPALITIES municipalities (400), BENCH_STAFF staff (60,000),
 * BENCH_NATIONAL_CASES cases (100,000), BENCH_AUDIT_EVENTS audit events (1,000,000) and BENCH_TIPS
 * tips (3,000), all spread by Zipf 1/rank, plans with measures and the published statistics
 * releases. Seeds once (again only with BENCH_RESET_DATABASE=yes), then for each count in
 * BENCH_PROCESSES (1,2) starts that many compiled servers (apps/api/dist/main.js) and drives a
 * mixed load from a separate process over many users in many municipalities.
 */
export async function benchNational(seconds: number): Promise<void> {
  const url = env.BENCH_DATABASE_URL;
  console.log(`\nNational scale. Command: ${commandLine()}`);
  if (!url) {
    console.log('National bench skipped: it needs BENCH_DATABASE_URL (a throwaway PostgreSQL database).');
    return;
  }
  await resetPostgres(url);
  const build = spawn(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const built = await new Promise<number | null>((resolve) => build.on('exit', resolve));
  if (built !== 0) throw new Error('scripts/build-server.mjs failed');

  const handle = await openDatabase({ kind: 'postgres', url, maxConnections: 4 });
  try {
    await migrateDatabase(handle);
    const config = { ...loadConfig({ NODE_ENV: 'test', LYKT_DEMO: 'false', LYKT_LOG_LEVEL: 'silent' }) };
    const deps: Deps = { db: handle.db, dbKind: handle.kind, keyring: new KeyRing(MASTER_KEY), config };
    const db = handle.db;
    const [existing] = rowsOf<{ n: number | string }>(await db.execute(sql`select count(*) as n from municipality where name like ${`${PREFIX} %`}`));
    if (Number(existing?.n ?? 0) === 0) {
      console.log('Seeding:');
      const seeded = await seed(db, deps);
      console.log(`Seeded in ${seeded.seconds.toFixed(1)} s (load average now ${os.loadavg().map((v) => v.toFixed(2)).join(', ')})`);
    } else {
      console.log(`Reusing the ${existing?.n} bench municipalities already in the database (BENCH_RESET_DATABASE=yes seeds anew).`);
    }
    const [sizes] = rowsOf<Record<string, number | string>>(
      await db.execute(sql`select (select count(*) from municipality) as municipalities, (select count(*) from app_user) as users, (select count(*) from case_file) as cases,
        (select count(*) from audit_event) as audit_events, (select count(*) from tip) as tips, (select count(*) from plan_measure) as measures,
        (select count(*) from statistics_release) as releases, pg_size_pretty(pg_database_size(current_database())) as size`),
    );
    console.log(`Data: ${Object.entries(sizes ?? {}).map(([k, v]) => `${k} ${typeof v === 'string' && /^\d+$/.test(v) ? Number(v).toLocaleString('en') : v}`).join(', ')}`);
    const largest = rowsOf<{ id: string; n: number | string }>(
      await db.execute(sql`select m.id, count(c.id) as n from municipality m left join case_file c on c.municipality_id = m.id where m.name like ${`${PREFIX} %`} group by m.id order by n desc limit 1`),
    )[0];
    const caseOf = new Map(
      rowsOf<{ m: string; id: string }>(await db.execute(sql`select distinct on (municipality_id) municipality_id as m, id from case_file order by municipality_id, case_number`)).map((row) => [row.m, row.id]),
    );
    const sessionsStarted = performance.now();
    const sessions = await openSessions(db, deps);
    console.log(`Opened ${sessions.length.toLocaleString('en')} sessions (${SESSIONS.toLocaleString('en')} sampled staff + every municipality's coordinator) through openSession in ${((performance.now() - sessionsStarted) / 1000).toFixed(1)} s`);

    for (const count of PROCESSES) {
      const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'lykt-bench-national-'));
      const servers: ServerProcess[] = [];
      try {
        // The bench's own connections (its pool), counted before any server connects.
        const ownConnections = await connectionsNow(db);
        for (let index = 0; index < count; index += 1) servers.push(await startServer(url, BASE_PORT + index, largest?.id ?? '', path.join(dataRoot, String(index))));
        const jobSeconds = await waitForJobs(db);
        const urls = servers.map((server) => server.url);
        let peak = 0;
        let sampling = true;
        const sampler = (async () => {
          while (sampling) {
            peak = Math.max(peak, await connectionsNow(db));
            await sleep(500);
          }
        })();
        const results = await measureMix(streams(urls, sessions, caseOf), seconds);
        sampling = false;
        await sampler;
        const rss = servers.map((server) => rssMiB(server.child.pid));
        report(count, seconds, results, { total: peak, servers: peak - ownConnections }, rss, jobSeconds);
      } finally {
        for (const server of servers) await stopServer(server);
        fs.rmSync(dataRoot, { recursive: true, force: true });
      }
    }
  } finally {
    await handle.close();
  }
}

function report(processes: number, seconds: number, results: StreamResult[], connections: { total: number; servers: number }, rss: number[], jobSeconds: number): void {
  console.log(`\n${processes} API process${processes > 1 ? 'es' : ''} on one PostgreSQL, mixed load for ${seconds} s from a separate process (start-up jobs finished ${jobSeconds.toFixed(0)} s after start)`);
  console.log('| request | req/s | p50 ms | p99 ms | requests | errors | non-2xx | status codes |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  let total = 0;
  let failed = 0;
  for (const row of results) {
    total += row.requestsPerSecond;
    failed += row.errors + row.non2xx;
    const codes = Object.entries(row.statusCodes).map(([code, n]) => `${code}: ${n}`).join(', ');
    console.log(`| ${row.name} | ${row.requestsPerSecond.toFixed(0)} | ${row.p50} | ${row.p99} | ${row.total} | ${row.errors} | ${row.non2xx} | ${codes} |`);
  }
  console.log(`| **total** | **${total.toFixed(0)}** | | | | | | |`);
  console.log(`- PostgreSQL connections at the peak: ${connections.servers} held by the API processes (pools, LISTEN, job queue), ${connections.total} to this database in all`);
  console.log(`- server RSS at the end: ${rss.map((value) => `${value.toFixed(0)} MiB`).join(', ')}`);
  console.log(`- load average at the end: ${os.loadavg().map((value) => value.toFixed(2)).join(', ')} (${os.cpus().length} cores)`);
  if (failed > 0) console.log(`\n!!! THIS RUN HAD ${failed} FAILED REQUESTS (errors, timeouts or non-2xx answers): its figures do not count. !!!`);
}
