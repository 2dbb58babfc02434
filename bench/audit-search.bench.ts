import { createHash } from 'node:crypto';
import { and, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { buildTenant, migrateDatabase, openDatabase, schema, type Database } from '@lykt/db';
import { AuditListQuerySchema } from '@lykt/shared';
import { KeyRing } from '../apps/api/src/platform/crypto';
import { seedCapabilities } from '../apps/api/src/platform/seed-capabilities';
import { containsPattern, keysetKey, keysetOrderBy } from '../apps/api/src/platform/keyset';
import { actorsNamed, auditEventsQuery, auditListSort } from '../apps/api/src/modules/audit/audit.repository';

const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 100_000);
const BATCH = 50_000;

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** The search as it was before migration 0026: one ILIKE per column and the actor's name through the join, in one OR. */
function previousQuery(db: Database, municipalityId: string, q: string) {
  const a = schema.auditEvent;
  const pattern = containsPattern(q);
  const sort = auditListSort('-occurredAt');
  return db
    .select({ event: a, actorName: schema.appUser.name, id: a.id, cursorKey: keysetKey(sort) })
    .from(a)
    .leftJoin(schema.appUser, eq(schema.appUser.id, a.actorUserId))
    .where(and(eq(a.municipalityId, municipalityId), or(ilike(a.action, pattern), ilike(a.entityType, pattern), ilike(a.entityId, pattern), ilike(a.requestId, pattern), ilike(a.actorLabel, pattern), ilike(schema.appUser.name, pattern))))
    .orderBy(...keysetOrderBy(sort))
    .limit(51);
}

/** EXPLAIN ANALYZE of a query: its execution time (ms) and the plan's first lines. */
async function explain(db: Database, query: { getSQL(): SQL }): Promise<{ ms: number; plan: string }> {
  const lines = rowsOf<{ 'QUERY PLAN': string }>(await db.execute(sql`explain (analyze, buffers) ${query.getSQL()}`)).map((row) => row['QUERY PLAN']);
  const time = lines.find((line) => line.startsWith('Execution Time'));
  return { ms: Number(/([\d.]+) ms/.exec(time ?? '')?.[1] ?? Number.NaN), plan: lines.slice(0, 6).join('\n') };
}

/**
 * The audit log's free-text search at BENCH_AUDIT_EVENTS events (default 100,000) on PostgreSQL
 * (BENCH_DATABASE_URL, a throwaway database that is emptied first): EXPLAIN ANALYZE of the search
 * as it was (the previous query, without the trigram index) and as it is (with it), same data.
 */
export async function benchAuditSearch(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    console.log('audit-search: set BENCH_DATABASE_URL to a throwaway PostgreSQL database (it is emptied).');
    return;
  }
  const handle = await openDatabase({ kind: 'postgres', url, maxConnections: 2 });
  const db = handle.db;
  try {
    await db.execute(sql`drop schema if exists drizzle cascade`);
    await db.execute(sql`drop schema public cascade`);
    await db.execute(sql`create schema public`);
    await migrateDatabase(handle);
    const tenant = await buildTenant(db, seedCapabilities(new KeyRing(Buffer.alloc(32, 1))), { settings: { mfaPolicy: 'off', languages: ['nb'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
    const m = tenant.municipality.id;
    const { coordinator, caseworker } = tenant.users;
    for (let from = 1; from <= EVENTS; from += BATCH) {
      const to = Math.min(EVENTS, from + BATCH - 1);
      await db.execute(sql`
        insert into audit_event (municipality_id, seq, occurred_at, actor_user_id, actor_label, action, entity_type, entity_id, request_id, outcome, details, prev_hash, hash)
        select ${m}::uuid, g, now() - make_interval(secs => ${EVENTS}::int - g),
          case when g % 10 = 0 then ${caseworker.id}::uuid else ${coordinator.id}::uuid end, 'user',
          (array['case.viewed','case.updated','case.journal.added','referral.viewed','tip.viewed','concern.updated','user.signed_in'])[1 + g % 7],
          (array['case','case','case','referral','tip','concern','user'])[1 + g % 7], gen_random_uuid()::text, 'req-' || md5(g::text), 'success',
          '{}'::jsonb, md5((g - 1)::text) || md5((g - 1)::text), md5(g::text) || md5(g::text)
        from generate_series(${from}::int, ${to}::int) g`);
    }
    await db.execute(sql`analyze audit_event`);
    await db.execute(sql`analyze app_user`);
    const searches: [string, string][] = [
      ['a request id (1 row)', md5Prefix(77_777)],
      ['nothing matches', 'zzqxv'],
      ['an action word (1 in 7 rows)', 'journal'],
      ['a staff name (1 in 10 rows)', caseworker.name],
    ];
    const results: { label: string; before: number; after: number }[] = [];
    for (const [label, q] of searches) {
      const query = AuditListQuerySchema.parse({ q });
      const current = auditEventsQuery(db, m, query, { sort: auditListSort(query.sort), cursor: null }, await actorsNamed(db, query.q));
      const after = await explain(db, current);
      let before = { ms: Number.NaN, plan: '' };
      // The same data without the index, by the previous query: dropped in a transaction that is rolled back.
      await db
        .transaction(async (tx) => {
          await tx.execute(sql`drop index audit_event_search_trgm_idx`);
          before = await explain(tx, previousQuery(tx, m, q));
          tx.rollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof Error) || !/rollback/i.test(error.message)) throw error;
        });
      console.log(`\n${label} (q=${JSON.stringify(q)})\n-- before --\n${before.plan}\n-- after --\n${after.plan}`);
      results.push({ label, before: before.ms, after: after.ms });
    }
    console.log(`\nAudit search at ${EVENTS.toLocaleString('en')} events (EXPLAIN ANALYZE execution time, PostgreSQL)`);
    console.log('| search | before (no trigram index, previous query) ms | after ms |');
    console.log('|---|---:|---:|');
    for (const row of results) console.log(`| ${row.label} | ${row.before.toFixed(1)} | ${row.after.toFixed(1)} |`);
  } finally {
    await handle.close();
  }
}

/** The first 10 characters of the request id of event g (md5 of g), as a user would paste part of it. */
function md5Prefix(g: number): string {
  return `req-${createHash('md5').update(String(g)).digest('hex').slice(0, 10)}`;
}
