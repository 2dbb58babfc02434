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

const SCALES = (process.env.BENCH_CASE_SCALES ?? process.env.BENCH_CASES ?? '100000').split(',').map((value) => Number(value.trim()));
const AUDIT_EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);
/** Rows per INSERT … SELECT generate_series batch: big enough to be fast, small enough for PGlite's memory. */
const BATCH = 50_000;

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * The generator: `CASES` cases (every tenth owned by the caseworker, the rest by the coordinator;
 * one real ciphertext of personal data reused, so the case page decrypts as in production), their
 * owners as team members, a referral on every fifth case, and AUDIT_EVENTS audit events spread
 * over the cases, all with multi-row INSERT … SELECT generate_series. The audit hashes are
 * placeholders: the chain is not meant to verify, only to have production's size and indexes.
 */
async function generate(db: Database, deps: Deps, tenant: Awaited<ReturnType<typeof buildTenant>>, CASES: number): Promise<void> {
  const m = tenant.municipality.id;
  const coordinator = tenant.users.coordinator.id;
  const caseworker = tenant.users.caseworker.id;
  const personEnc = await deps.keyring.encrypt(db, m, 'case_file.person', JSON.stringify({ name: 'Bench Fiktiv', aliases: [], dateOfBirth: '1990-01-01', phone: null, email: null, address: null, languages: ['engelsk'], interpreterNeeded: false, notes: null }));
  for (let from = 1; from <= CASES; from += BATCH) {
    const to = Math.min(CASES, from + BATCH - 1);
    await db.execute(sql`
      insert into case_file (municipality_id, case_number, status, source_kind, owner_user_id, opened_by_user_id, gender, age_band, is_minor, nationality,
        exploitation_forms, sectors, identifying_service, residence_status, person_enc, created_at, updated_at, closed_at)
      select ${m}::uuid, 'B-' || lpad(g::text, 7, '0'), (array['open','follow_up','closed','closed_referred'])[1 + g % 4], 'direct',
        case when g % 10 = 0 then ${caseworker}::uuid else ${coordinator}::uuid end,
        case when g % 10 = 0 then ${caseworker}::uuid else ${coordinator}::uuid end,
        (array['female','male','unknown'])[1 + g % 3], (array['16_17','18_24','25_39','40_59'])[1 + g % 4], g % 4 = 0, (array['RO','PL','NG','UA','LT'])[1 + g % 5],
        jsonb_build_array((array['labour','sexual','forced_criminality'])[1 + g % 3]), '["cleaning"]'::jsonb, 'health', 'unknown', ${personEnc},
        now() - make_interval(mins => g), now() - make_interval(mins => g), case when g % 4 >= 2 then now() - make_interval(mins => g) else null end
      from generate_series(${from}::int, ${to}::int) g`);
  }
  await db.execute(sql`insert into case_member (municipality_id, case_id, user_id, team_role) select municipality_id, id, owner_user_id, 'owner' from case_file where municipality_id = ${m}::uuid`);
  const [shelter] = rowsOf<{ id: string }>(await db.execute(sql`select id from organisation where municipality_id = ${m}::uuid limit 1`));
  await db.execute(sql`
    insert into case_referral (municipality_id, case_id, organisation_id, need_kind, data_categories, shared_snapshot_enc, status, answer_due_at, sent_by_user_id)
    select municipality_id, id, ${shelter?.id ?? ''}::uuid, 'housing', '["first_name"]'::jsonb, ${personEnc}, 'sent', now() + interval '7 days', owner_user_id
    from case_file where municipality_id = ${m}::uuid and (substr(case_number, 3)::int) % 5 = 0`);
  const [last] = rowsOf<{ seq: number | string | null }>(await db.execute(sql`select max(seq) as seq from audit_event where municipality_id = ${m}::uuid`));
  const base = Number(last?.seq ?? 0);
  for (let from = 1; from <= AUDIT_EVENTS; from += BATCH) {
    const to = Math.min(AUDIT_EVENTS, from + BATCH - 1);
    await db.execute(sql`
      with c as (select id, (substr(case_number, 3)::int) as n from case_file where municipality_id = ${m}::uuid)
      insert into audit_event (municipality_id, seq, occurred_at, actor_user_id, actor_label, action, entity_type, entity_id, request_id, outcome, details, prev_hash, hash)
      select ${m}::uuid, ${base}::bigint + g, now() - make_interval(secs => ${AUDIT_EVENTS}::int - g), ${coordinator}::uuid, 'user',
        (array['case.viewed','case.updated','case.journal.added','referral.viewed'])[1 + g % 4], 'case', c.id::text, null, 'success',
        '{"personalData":true}'::jsonb, md5((g - 1)::text) || md5((g - 1)::text), md5(g::text) || md5(g::text)
      from generate_series(${from}::int, ${to}::int) g join c on c.n = 1 + (g % ${CASES}::int)`);
  }
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

/** Empties a throwaway PostgreSQL database between scales, only when asked to (BENCH_RESET_DATABASE=yes). */
async function resetPostgres(url: string): Promise<void> {
  if (process.env.BENCH_RESET_DATABASE !== 'yes') return;
  const handle = await openDatabase({ kind: 'postgres', url, maxConnections: 1 });
  try {
    await handle.db.execute(sql`drop schema if exists drizzle cascade`);
    await handle.db.execute(sql`drop schema public cascade`);
    await handle.db.execute(sql`create schema public`);
  } finally {
    await handle.close();
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
