import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '@lykt/db';

/** Rows per INSERT … SELECT generate_series batch: big enough to be fast, small enough for PGlite's memory. */
export const BATCH = 50_000;

export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** The fictional person every generated case carries (encrypted per municipality before use). */
export const BENCH_PERSON = JSON.stringify({ name: 'Bench Fiktiv', aliases: [], dateOfBirth: '1990-01-01', phone: null, email: null, address: null, languages: ['engelsk'], interpreterNeeded: false, notes: null });

/** Minutes in five years: cases spread over them when `spacingMinutes` asks for it. */
export const FIVE_YEARS_MINUTES = 5 * 365 * 24 * 60;

export type CaseSeed = {
  municipalityId: string;
  coordinatorId: string;
  caseworkerId: string;
  /** One real ciphertext of personal data (the municipality's data key), reused on every case so the case page decrypts as in production. */
  personEnc: string;
  count: number;
  /** Minutes between two cases' creation (1: the last `count` minutes; larger: spread back in time). */
  spacingMinutes?: number;
};

/**
 * `count` cases numbered B-0000001…, every tenth owned by the caseworker and the rest by the
 * coordinator, all with multi-row INSERT … SELECT generate_series; then their owners as team
 * members and a referral (to `organisationId`) on every fifth case. Half are closed, each within
 * the last 150 days: older closed cases would have had their personal data erased by the daily
 * retention job already, so the servers' first run of it finds no backlog to erase.
 */
export async function insertCases(db: Database, seed: CaseSeed, organisationId: string): Promise<void> {
  const m = seed.municipalityId;
  const spacing = Math.max(1, Math.floor(seed.spacingMinutes ?? 1));
  for (let from = 1; from <= seed.count; from += BATCH) {
    const to = Math.min(seed.count, from + BATCH - 1);
    await db.execute(sql`
      insert into case_file (municipality_id, case_number, status, source_kind, owner_user_id, opened_by_user_id, gender, age_band, is_minor, nationality,
        exploitation_forms, sectors, identifying_service, residence_status, person_enc, created_at, updated_at, closed_at)
      select ${m}::uuid, 'B-' || lpad(g::text, 7, '0'), (array['open','follow_up','closed','closed_referred'])[1 + g % 4], 'direct',
        case when g % 10 = 0 then ${seed.caseworkerId}::uuid else ${seed.coordinatorId}::uuid end,
        case when g % 10 = 0 then ${seed.caseworkerId}::uuid else ${seed.coordinatorId}::uuid end,
        (array['female','male','unknown'])[1 + g % 3], (array['16_17','18_24','25_39','40_59'])[1 + g % 4], g % 4 = 0, (array['RO','PL','NG','UA','LT'])[1 + g % 5],
        jsonb_build_array((array['labour','sexual','forced_criminality'])[1 + g % 3]), '["cleaning"]'::jsonb, 'health', 'unknown', ${seed.personEnc},
        now() - make_interval(mins => g * ${spacing}::int), now() - make_interval(mins => g * ${spacing}::int),
        case when g % 4 >= 2 then greatest(now() - make_interval(mins => g * ${spacing}::int), now() - make_interval(days => g % 150)) else null end
      from generate_series(${from}::int, ${to}::int) g`);
  }
  await db.execute(sql`insert into case_member (municipality_id, case_id, user_id, team_role) select municipality_id, id, owner_user_id, 'owner' from case_file where municipality_id = ${m}::uuid`);
  await db.execute(sql`
    insert into case_referral (municipality_id, case_id, organisation_id, need_kind, data_categories, shared_snapshot_enc, status, answer_due_at, sent_by_user_id)
    select municipality_id, id, ${organisationId}::uuid, 'housing', '["first_name"]'::jsonb, ${seed.personEnc}, 'sent', now() + interval '7 days', owner_user_id
    from case_file where municipality_id = ${m}::uuid and (substr(case_number, 3)::int) % 5 = 0`);
}

/**
 * `count` audit events of the municipality, spread over its `caseCount` cases (numbered as
 * `insertCases` numbers them), after the events it already has. The hashes are placeholders: the
 * chain is not meant to verify, only to have production's size and indexes.
 */
export async function insertAuditEvents(db: Database, municipalityId: string, actorUserId: string, count: number, caseCount: number): Promise<void> {
  const m = municipalityId;
  const [last] = rowsOf<{ seq: number | string | null }>(await db.execute(sql`select max(seq) as seq from audit_event where municipality_id = ${m}::uuid`));
  const base = Number(last?.seq ?? 0);
  for (let from = 1; from <= count; from += BATCH) {
    const to = Math.min(count, from + BATCH - 1);
    await db.execute(sql`
      with c as (select id, (substr(case_number, 3)::int) as n from case_file where municipality_id = ${m}::uuid)
      insert into audit_event (municipality_id, seq, occurred_at, actor_user_id, actor_label, action, entity_type, entity_id, request_id, outcome, details, prev_hash, hash)
      select ${m}::uuid, ${base}::bigint + g, now() - make_interval(secs => ${count}::int - g), ${actorUserId}::uuid, 'user',
        (array['case.viewed','case.updated','case.journal.added','referral.viewed'])[1 + g % 4], 'case', c.id::text, null, 'success',
        '{"personalData":true}'::jsonb, md5((g - 1)::text) || md5((g - 1)::text), md5(g::text) || md5(g::text)
      from generate_series(${from}::int, ${to}::int) g join c on c.n = 1 + (g % ${caseCount}::int)`);
  }
}

/** Empties a throwaway PostgreSQL database between scales, only when asked to (BENCH_RESET_DATABASE=yes). */
export async function resetPostgres(url: string): Promise<void> {
  if (process.env.BENCH_RESET_DATABASE !== 'yes') return;
  const handle = await openDatabase({ kind: 'postgres', url, maxConnections: 1 });
  try {
    await handle.db.execute(sql`drop schema if exists drizzle cascade`);
    await handle.db.execute(sql`drop schema if exists pgboss cascade`);
    await handle.db.execute(sql`drop schema public cascade`);
    await handle.db.execute(sql`create schema public`);
  } finally {
    await handle.close();
  }
}
