import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { buildTenant, migrateDatabase, openDatabase, type Database, type DatabaseHandle } from '@lykt/db';
import { loadConfig } from '../apps/api/src/config';
import type { UserActor } from '../apps/api/src/platform/context';
import { KeyRing } from '../apps/api/src/platform/crypto';
import type { Deps } from '../apps/api/src/platform/deps';
import { seedCapabilities } from '../apps/api/src/platform/seed-capabilities';
import { htcdsCsv, htcdsExport } from '../apps/api/src/modules/statistics/statistics.export';
import { cellKeyParameters, lastClosedYear } from '@lykt/shared';
import { getStatistics, loadYearFacts, publishDueReleases } from '../apps/api/src/modules/statistics/statistics.service';
import { rowsOf } from '../apps/api/src/modules/statistics/statistics.sources';
import { publishedTables } from '../apps/api/src/modules/statistics/statistics.tables';

/** Cases in the statistics database (spread over ten years) and in the HTCDS export's year. */
const CASES = Number(process.env.BENCH_STATISTICS_CASES ?? 1_000_000);
const EXPORT_CASES = Number(process.env.BENCH_HTCDS_CASES ?? 100_000);
const BATCH = 50_000;
/** The last closed year: only a closed year is published. */
const YEAR = lastClosedYear();
const RUNS = Number(process.env.BENCH_STATISTICS_RUNS ?? 3);

/**
 * Coded cases generated in the database: created evenly over the ten years up to YEAR, most closed
 * half a year after opening, with spread-out gender, age band, nationality, forms, sectors,
 * identifying service, residence status and outcome (the columns the statistics read).
 */
async function generateCases(db: Database, municipalityId: string, userId: string, count: number, firstYear: number, years: number, prefix: string): Promise<void> {
  for (let from = 1; from <= count; from += BATCH) {
    const to = Math.min(count, from + BATCH - 1);
    await db.execute(sql`
      insert into case_file (municipality_id, case_number, status, source_kind, owner_user_id, opened_by_user_id, gender, age_band, is_minor, nationality,
        exploitation_forms, sectors, identifying_service, residence_status, outcome, police_report_made, assisted_return, child_welfare_measure, created_at, updated_at, closed_at)
      select ${municipalityId}::uuid, ${prefix} || g::text, case when g % 20 = 0 then 'open' else 'closed' end, 'direct', ${userId}::uuid, ${userId}::uuid,
        (array['female','male','other','unknown'])[1 + g % 4],
        (array['under_13','13_15','16_17','18_24','25_39','40_59','60_plus','unknown'])[1 + (g / 7) % 8],
        ((g / 7) % 8) < 3,
        (array['RO','PL','LT','NG','VN','UA','TH','BG','SE','ER','AF','BR'])[1 + (g / 3) % 12],
        case when g % 5 = 0 then '["labour","sexual"]'::jsonb when g % 2 = 0 then '["labour"]'::jsonb else '["sexual"]'::jsonb end,
        case when g % 3 = 0 then '["construction","cleaning"]'::jsonb else '["restaurant"]'::jsonb end,
        (array['police','child_welfare','health','social_services','labour_inspection','ngo','self_referral','unknown'])[1 + (g / 11) % 8],
        (array['reflection_period','limited_permit','asylum_seeker','eea_citizen','unknown'])[1 + (g / 13) % 5],
        case when g % 6 = 0 then null else (array['ongoing_assistance','residence_permit','assisted_return','referred_elsewhere','lost_contact'])[1 + g % 5] end,
        case when g % 4 = 0 then null else g % 3 = 0 end, null, null,
        make_timestamptz(${firstYear} + (g % ${years}), 1 + (g / ${years}) % 12, 1 + (g / 97) % 28, 12, 0, 0, 'UTC'),
        now(),
        case when g % 20 = 0 then null else make_timestamptz(${firstYear} + (g % ${years}), 1 + (g / ${years}) % 12, 1 + (g / 97) % 28, 12, 0, 0, 'UTC') + interval '6 months' end
      from generate_series(${from}::int, ${to}::int) as g`);
  }
}

/**
 * The same case counts the page shows, computed exactly by plain SQL in one statement over one scan
 * of the five years' cases: GROUPING SETS over the single-valued columns of the year, over the
 * expanded exploitation forms and sectors (one row per form or sector), and the five-year trend
 * (cases active per year), joined by UNION ALL on one materialised CTE. No protection.
 */
async function groupByCounts(db: Database, municipalityId: string, from: Date, to: Date, trendFrom: Date): Promise<number> {
  const f = from.toISOString();
  const t = to.toISOString();
  const result = await db.execute(sql`
    with five as materialized (
      select gender, age_band, is_minor, nationality, identifying_service, residence_status, outcome, police_report_made, assisted_return, child_welfare_measure,
        exploitation_forms, sectors, created_at, closed_at
      from case_file where municipality_id = ${municipalityId} and created_at < ${t} and (closed_at is null or closed_at >= ${trendFrom.toISOString()})),
    c as (select * from five where closed_at is null or closed_at >= ${f})
    select grouping(gender, age_band, is_minor, nationality, identifying_service, residence_status, outcome, police_report_made, assisted_return, child_welfare_measure, is_new, month)::text as g, count(*)::int as n
      from (select *, created_at >= ${f} as is_new, case when created_at >= ${f} then to_char(timezone('Europe/Oslo', created_at), 'YYYY-MM') end as month from c) x
      group by grouping sets ((gender), (age_band), (is_minor), (nationality), (identifying_service), (residence_status), (outcome), (police_report_made), (assisted_return), (child_welfare_measure), (is_new), (month))
    union all
    select grouping(f, is_minor)::text, count(*)::int from c, jsonb_array_elements_text(exploitation_forms) f group by grouping sets ((f), (f, is_minor))
    union all
    select 's', count(*)::int from c, jsonb_array_elements_text(sectors) s group by s
    union all
    select 'y' || y::text, count(*)::int from five, generate_series(0, 4) y
      where five.created_at < ${t}::timestamptz - make_interval(years => y) and (five.closed_at is null or five.closed_at >= ${f}::timestamptz - make_interval(years => y))
      group by y`);
  return rowsOf(result).length;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

type Row = { database: string; cases: number; inYear: number; facts: number; perturb: number; publish: number; page: number; groupBy: number };

async function benchOne(label: string, handle: DatabaseHandle): Promise<{ row: Row; exportRow: string }> {
  await migrateDatabase(handle);
  const config = { ...loadConfig({ NODE_ENV: 'test', LYKT_DEMO: 'false', LYKT_LOG_LEVEL: 'silent' }) };
  const deps: Deps = { db: handle.db, dbKind: handle.kind, keyring: new KeyRing(Buffer.alloc(32, 1)), config };
  const tenant = await buildTenant(deps.db, seedCapabilities(deps.keyring));
  const m = tenant.municipality.id;
  const user = tenant.users.coordinator;
  const started = performance.now();
  await generateCases(deps.db, m, user.id, CASES, YEAR - 9, 10, 'S-');
  // The export's tenant: EXPORT_CASES cases, all active in YEAR.
  const exportTenant = await buildTenant(deps.db, seedCapabilities(deps.keyring));
  await generateCases(deps.db, exportTenant.municipality.id, exportTenant.users.coordinator.id, EXPORT_CASES, YEAR, 1, 'H-');
  if (handle.kind === 'pglite') await deps.db.execute(sql`vacuum analyze case_file`);
  else await deps.db.execute(sql`analyze case_file`);
  console.log(`  ${label}: generated ${CASES.toLocaleString('en')} + ${EXPORT_CASES.toLocaleString('en')} cases in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const period = { from: new Date(Date.UTC(YEAR - 1, 11, 31, 23)), to: new Date(Date.UTC(YEAR, 11, 31, 23)) };
  const trendFrom = new Date(Date.UTC(YEAR - 5, 11, 31, 23));
  const factsMs: number[] = [];
  const perturbMs: number[] = [];
  const groupByMs: number[] = [];
  const pageMs: number[] = [];
  let inYear = 0;
  const parameters = cellKeyParameters({ threshold: 5 });
  const viewer: UserActor = { kind: 'user', userId: user.id, municipalityId: m, organisationId: tenant.organisation.id, role: 'viewer', sessionId: 'bench', name: 'Bench' };
  // Publishing: once per period (and per late-registration release), not per read.
  // The rollup job (statistics-releases) publishes the five years' releases for every municipality that has none.
  const publish = await timed(() => publishDueReleases(deps, new Date(Date.UTC(YEAR + 1, 0, 2))));
  if (publish.value.published < 5) throw new Error(`the rollup job published ${publish.value.published} releases, expected at least 5`);
  for (let run = 0; run < RUNS; run += 1) {
    const facts = await timed(() => loadYearFacts(deps.db, m, YEAR));
    inYear = facts.value.case.length;
    factsMs.push(facts.ms);
    perturbMs.push((await timed(async () => Promise.resolve(publishedTables(facts.value, parameters)))).ms);
    groupByMs.push((await timed(() => groupByCounts(deps.db, m, period.from, period.to, trendFrom))).ms);
    // What a reader gets: the stored release of the year and the five years' totals from their releases.
    pageMs.push((await timed(() => getStatistics(deps, viewer, { year: YEAR }))).ms);
  }
  const row: Row = { database: label, cases: CASES, inYear, facts: median(factsMs), perturb: median(perturbMs), publish: publish.ms / 5, page: median(pageMs), groupBy: median(groupByMs) };

  // HTCDS export: time and peak memory (sampled RSS and heap) of building the k-anonymised CSV.
  const actor: UserActor = { kind: 'user', userId: exportTenant.users.coordinator.id, municipalityId: exportTenant.municipality.id, organisationId: exportTenant.organisation.id, role: 'coordinator', sessionId: 'bench', name: 'Bench' };
  global.gc?.();
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 5);
  const exported = await timed(async () => htcdsCsv(await htcdsExport(deps, actor, { year: YEAR, variant: 'k_anonymised', format: 'csv' })));
  clearInterval(sampler);
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  const exportRow = `| ${label} | ${EXPORT_CASES.toLocaleString('en')} | ${(exported.ms / 1000).toFixed(2)} | ${mb(exported.value.body.length)} | ${mb(peakRss - baseline.rss)} | ${mb(peakHeap - baseline.heapUsed)} |`;
  return { row, exportRow };
}

/**
 * `npm run bench statistics`: the statistics page's queries (all sources for one year, then the
 * disclosure control) over CASES cases, against plain SQL GROUP BY queries of the same case counts,
 * on PGlite and on PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL); and the HTCDS export of
 * EXPORT_CASES cases (time and memory).
 */
export async function benchStatistics(): Promise<void> {
  const targets: Array<{ label: string; open: () => Promise<DatabaseHandle> }> =
    process.env.BENCH_POSTGRES_ONLY === 'yes' ? [] : [{ label: 'PGlite', open: () => openDatabase({ kind: 'pglite', dataDir: null }) }];
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) targets.push({ label: 'PostgreSQL', open: () => openDatabase({ kind: 'postgres', url }) });
  else console.log('  (no BENCH_DATABASE_URL or TEST_DATABASE_URL: PostgreSQL skipped)');
  const rows: Row[] = [];
  const exportRows: string[] = [];
  for (const target of targets) {
    const handle = await target.open();
    try {
      const result = await benchOne(target.label, handle);
      rows.push(result.row);
      exportRows.push(result.exportRow);
    } finally {
      await handle.close();
    }
  }
  console.log(`\nStatistics page for ${YEAR} (median of ${RUNS} runs). Baseline: one GROUPING SETS statement over one scan of the five years' cases, the year's counts and the five-year trend.`);
  console.log('Live: what a page would compute without a stored release (read the year\'s facts + cell-key protection). Job: statistics-releases publishing the five years (mean per year). Page: getStatistics reading the stored releases.');
  console.log('| database | cases in db | cases active in year | live: read facts ms | live: cell-key tables ms | live / GROUP BY | job: publish one year ms | page read (stored releases) ms | GROUP BY GROUPING SETS ms | page / GROUP BY |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    console.log(
      `| ${row.database} | ${row.cases.toLocaleString('en')} | ${row.inYear.toLocaleString('en')} | ${row.facts.toFixed(0)} | ${row.perturb.toFixed(0)} | ${((row.facts + row.perturb) / row.groupBy).toFixed(2)} | ${row.publish.toFixed(0)} | ${row.page.toFixed(1)} | ${row.groupBy.toFixed(0)} | ${(row.page / row.groupBy).toFixed(3)} |`,
    );
  }
  console.log(`- load average at the end: ${os.loadavg().map((value) => value.toFixed(2)).join(', ')}`);
  console.log('\nHTCDS export, k-anonymised CSV');
  console.log('| database | cases | seconds | CSV MiB | peak RSS growth MiB | peak heap growth MiB |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const row of exportRows) console.log(row);
}
