import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { buildTenant, migrateDatabase, openDatabase, TEST_PASSWORD, type Database, type DatabaseHandle } from '@lykt/db';
import { buildApp } from '../apps/api/src/app';
import { loadConfig } from '../apps/api/src/config';
import { KeyRing } from '../apps/api/src/platform/crypto';
import type { Deps } from '../apps/api/src/platform/deps';
import { seedCapabilities } from '../apps/api/src/platform/seed-capabilities';
import { encodeCursor } from '../apps/api/src/platform/keyset';
import { measureApart, printTable, type Measurement } from './support';
import { BENCH_PERSON, insertAuditEvents, insertCases, resetPostgres, rowsOf } from './seed-bulk';

const SCALES = (process.env.BENCH_CASE_SCALES ?? process.env.BENCH_CASES ?? '100000').split(',').map((value) => Number(value.trim()));
const AUDIT_EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);

/**
 * The generator: `CASES` cases (every tenth owned by the caseworker, the rest by the coordinator;
 * one real ciphertext of personal data reused, so the case page decrypts as in production), their
 * owners as team members, a referral on every fifth case, and AUDIT_EVENTS audit events spread
 * over the cases (bench/seed-bulk.ts, shared with the national bench).
 */
async function generate(db: Database, deps: Deps, tenant: Awaited<ReturnType<typeof buildTenant>>, CASES: number): Promise<void> {
  const m = tenant.municipality.id;
  const personEnc = await deps.keyring.encrypt(db, m, 'case_file.person', BENCH_PERSON);
  const [shelter] = rowsOf<{ id: string }>(await db.execute(sql`select id from organisation where municipality_id = ${m}::uuid limit 1`));
  await insertCases(db, { municipalityId: m, coordinatorId: tenant.users.coordinator.id, caseworkerId: tenant.users.caseworker.id, personEnc, count: CASES }, shelter?.id ?? '');
  await insertAuditEvents(db, m, tenant.users.coordinator.id, AUDIT_EVENTS, CASES);
  await db.execute(sql`analyze`);
}

async function benchOne(handle: DatabaseHandle, label: string, seconds: number, cases: number): Promise<Measurement[]> {
  await migrateDatabase(handle);
  const config = { ...loadConfig({ NODE_ENV: 'test', LYKT_DEMO: 'false', LYKT_LOG_LEVEL: 'silent' }), loginRateLimitPerMinute: 1_000_000 };
  const deps: Deps = { db: handle.db, dbKind: handle.kind, keyring: new KeyRing(Buffer.alloc(32, 1)), config };
  const tenant = await buildTenant(deps.db, seedCapabilities(deps.keyring), { settings: { mfaPolicy: 'off', languages: ['nb'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
  const started = performance.now();
  await generate(deps.db, deps, tenant, cases);
  const scale = `${label} ${cases.toLocaleString('en')}`;
  console.log(`\n${label}: generated ${cases.toLocaleString('en')} cases and ${AUDIT_EVENTS.toLocaleString('en')} audit events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const app = await buildApp(deps, { serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const appUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const signIn = async (email: string) => {
      const login = await fetch(`${appUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: appUrl }, body: JSON.stringify({ email, password: TEST_PASSWORD }) });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      if (login.status !== 200 || !cookie) throw new Error(`sign-in failed: ${login.status}`);
      return cookie;
    };
    const coordinator = await signIn(tenant.users.coordinator.email);
    const caseworker = await signIn(tenant.users.caseworker.email);
    const m = tenant.municipality.id;
    const [one] = rowsOf<{ id: string }>(await deps.db.execute(sql`select id from case_file where municipality_id = ${m}::uuid and case_number = 'B-0000007'`));
    const caseId = one?.id ?? '';
    const first = await fetch(`${appUrl}/api/v1/cases/${caseId}`, { headers: { cookie: coordinator } });
    if (first.status !== 200) throw new Error(`case page answered ${first.status}`);
    const page = (await (await fetch(`${appUrl}/api/v1/cases?limit=50`, { headers: { cookie: coordinator } })).json()) as Record<string, unknown>;
    const keyset = 'nextCursor' in page;
    // The last page as a client reaches it: with keyset paging the cursor the page before it
    // answered with (built here from the 51st row from the end); before keyset paging, an offset.
    const lastPage = async (filter: string, where: ReturnType<typeof sql>, total: number) => {
      if (!keyset) return `${appUrl}/api/v1/cases?limit=50${filter}&offset=${Math.max(0, total - 50)}`;
      const [row] = rowsOf<{ k: string; id: string }>(
        await deps.db.execute(sql`select updated_at::text as k, id from case_file where municipality_id = ${m}::uuid ${where} order by updated_at desc, id desc offset ${Math.max(0, total - 51)} limit 1`),
      );
      return `${appUrl}/api/v1/cases?limit=50${filter}&cursor=${encodeCursor('-updatedAt', row?.k ?? '', row?.id ?? '')}`;
    };
    const openCases = Math.ceil(cases / 4);
    return [
      await measureApart(`${scale}: case list, coordinator, first page`, `${appUrl}/api/v1/cases?limit=50`, { cookie: coordinator }, seconds, 10),
      await measureApart(`${scale}: case list, coordinator, status filter, first page`, `${appUrl}/api/v1/cases?limit=50&status=open`, { cookie: coordinator }, seconds, 10),
      await measureApart(`${scale}: case list, coordinator, last page`, await lastPage('', sql``, cases), { cookie: coordinator }, seconds, 10),
      await measureApart(`${scale}: case list, coordinator, status filter, last page`, await lastPage('&status=open', sql`and status = 'open'`, openCases), { cookie: coordinator }, seconds, 10),
      await measureApart(`${scale}: case list, caseworker (team-scoped), first page`, `${appUrl}/api/v1/cases?limit=50`, { cookie: caseworker }, seconds, 10),
      await measureApart(`${scale}: case page (decrypt + audited read)`, `${appUrl}/api/v1/cases/${caseId}`, { cookie: coordinator }, seconds, 10),
      await measureApart(`${scale}: who has read the case (audit of ${AUDIT_EVENTS.toLocaleString('en')})`, `${appUrl}/api/v1/cases/${caseId}/reads`, { cookie: coordinator }, seconds, 10),
    ];
  } finally {
    await app.close();
  }
}

/**
 * Case list and case page latency with BENCH_CASE_SCALES cases (default 100,000; e.g.
 * "10000,100000,1000000" to see how cost grows) and BENCH_AUDIT_EVENTS audit events (default
 * 1,000,000), load generated from a separate process. On PGlite in memory (unless
 * BENCH_POSTGRES_ONLY=yes) and, when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, on
 * PostgreSQL: a fresh throwaway database, or one the bench may empty (BENCH_RESET_DATABASE=yes).
 */
export async function benchCases(seconds: number): Promise<void> {
  const rows: Measurement[] = [];
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  for (const cases of SCALES) {
    if (process.env.BENCH_POSTGRES_ONLY !== 'yes') {
      const pglite = await openDatabase({ kind: 'pglite', dataDir: null });
      try {
        rows.push(...(await benchOne(pglite, 'PGlite', seconds, cases)));
      } finally {
        await pglite.close();
      }
    }
    if (url) {
      await resetPostgres(url);
      const postgres = await openDatabase({ kind: 'postgres', url });
      try {
        rows.push(...(await benchOne(postgres, 'PostgreSQL', seconds, cases)));
      } finally {
        await postgres.close();
      }
    } else {
      console.log('PostgreSQL skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a throwaway database to measure it too.');
    }
  }
  printTable(`Cases (${seconds} s each, 10 connections, load generated from a separate process)`, rows);
}
