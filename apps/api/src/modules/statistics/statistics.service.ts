import { and, desc, eq } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';
import {
  CELL_KEY_RANGE,
  cellKeyParameters,
  effectiveThreshold,
  lastClosedYear,
  perturbationTable,
  statisticsYear,
  STATISTICS_SOURCES,
  StatisticsTableSchema,
  type CellKeyParameters,
  type StatisticsPage,
  type StatisticsQuery,
  type StatisticsReleaseInfo,
  type StatisticsSource,
  type StatisticsTable,
} from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import { runWithContext, type UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { lastLocalDate, localDate, yearPeriod } from '../reports/period';
import { caseFacts, concernFacts, referralFacts, screeningFacts, tipFacts, trainingFacts, yearlyTotals } from './statistics.sources';
import { procurementFacts } from './statistics.procurement';
import { exactTables, publishedTables, type YearFacts } from './statistics.tables';

/** The municipality's disclosure parameters: k (never below 3), rounding base, and D and V of the cell-key noise, each within its bounds. */
export async function municipalityDisclosure(db: Database, municipalityId: string): Promise<CellKeyParameters> {
  const [row] = await db.select({ settings: schema.municipality.settings }).from(schema.municipality).where(eq(schema.municipality.id, municipalityId)).limit(1);
  return cellKeyParameters({
    threshold: effectiveThreshold(row?.settings.suppressionThreshold),
    roundingBase: row?.settings.roundingBase,
    noiseMax: row?.settings.noiseMax,
    noiseVariance: row?.settings.noiseVariance,
  });
}

/** The municipality's k (settings.suppressionThreshold), never below the minimum of 3. */
export async function municipalityThreshold(db: Database, municipalityId: string): Promise<number> {
  return (await municipalityDisclosure(db, municipalityId)).threshold;
}

/** Reads the coded facts of every source for one municipality and the calendar years firstYear..lastYear. */
export async function loadPeriodFacts(db: Database, municipalityId: string, firstYear: number, lastYear: number): Promise<YearFacts> {
  const period = { from: yearPeriod(firstYear).from, to: yearPeriod(lastYear).to };
  const [screening, concern, tip, cases, referral, training, procurement] = await Promise.all([
    screeningFacts(db, municipalityId, period),
    concernFacts(db, municipalityId, period),
    tipFacts(db, municipalityId, localDate(period.from), lastLocalDate(period.to)),
    caseFacts(db, municipalityId, period),
    referralFacts(db, municipalityId, period),
    trainingFacts(db, municipalityId, period),
    procurementFacts(db, municipalityId, period),
  ]);
  return { year: lastYear, screening, concern, tip, case: cases, referral, training, procurement };
}

/** Reads the coded facts of every source for one municipality and one calendar year. */
export async function loadYearFacts(db: Database, municipalityId: string, year: number): Promise<YearFacts> {
  return loadPeriodFacts(db, municipalityId, year, year);
}

function sourcesWithData(facts: YearFacts): StatisticsSource[] {
  const sources: StatisticsSource[] = (['screening', 'concern', 'tip', 'case', 'referral', 'training'] as const).filter((source) => facts[source].length > 0);
  return facts.procurement && facts.procurement.contract.length + facts.procurement.check.length + facts.procurement.finding.length > 0 ? [...sources, 'procurement'] : sources;
}

/** A period a release covers: one calendar year, or pooled calendar years ending with lastYear. */
export type ReleasePeriod = { kind: 'year' | 'years'; firstYear: number; lastYear: number; key: string };

export function releasePeriod(lastYear: number, pool = 1): ReleasePeriod {
  if (pool <= 1) return { kind: 'year', firstYear: lastYear, lastYear, key: String(lastYear) };
  const firstYear = lastYear - pool + 1;
  return { kind: 'years', firstYear, lastYear, key: `${firstYear}-${lastYear}` };
}

/** Whether a period has closed (its last day is over in Norway): only then may it be published. */
export function periodClosed(period: ReleasePeriod, now: Date = new Date()): boolean {
  return yearPeriod(period.lastYear).to.getTime() <= now.getTime();
}

/** The parameters stored with a release: everything needed to read its figures and to audit the method. */
export type ReleaseParameters = CellKeyParameters & { keyRange: number; perturbation: number[] };

type ReleaseRow = typeof schema.statisticsRelease.$inferSelect;

export type Release = { info: StatisticsReleaseInfo; tables: StatisticsTable[]; parameters: ReleaseParameters };

function readRelease(row: ReleaseRow): Release {
  const parameters = row.parameters as ReleaseParameters;
  return {
    info: {
      periodKind: row.periodKind === 'years' ? 'years' : 'year',
      periodKey: row.periodKey,
      number: row.releaseNumber,
      publishedAt: row.createdAt.toISOString(),
      automatic: row.publishedBy === null,
    },
    tables: StatisticsTableSchema.array().parse(row.tables),
    parameters,
  };
}

async function latestReleaseRow(db: Database, municipalityId: string, period: ReleasePeriod): Promise<ReleaseRow | null> {
  const r = schema.statisticsRelease;
  const [row] = await db
    .select()
    .from(r)
    .where(and(eq(r.municipalityId, municipalityId), eq(r.periodKind, period.kind), eq(r.periodKey, period.key)))
    .orderBy(desc(r.releaseNumber))
    .limit(1);
  return row ?? null;
}

/** The latest release of a period, or null when none has been published. */
export async function latestRelease(db: Database, municipalityId: string, period: ReleasePeriod): Promise<Release | null> {
  const row = await latestReleaseRow(db, municipalityId, period);
  return row ? readRelease(row) : null;
}

/** JSON with object keys sorted: jsonb does not keep key order, so stored and fresh tables compare by this. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : item,
  );
}

/**
 * Publishes a closed period: computes its protected tables once and stores them as a new release.
 * When the latest release already holds the same figures under the same parameters, nothing is
 * stored (created: false). publishedBy null means automatic (first read after the period closed).
 * Audited either way a release is stored.
 */
export async function publishRelease(db: Database, municipalityId: string, publishedBy: string | null, period: ReleasePeriod): Promise<{ created: boolean; release: Release }> {
  if (!periodClosed(period)) throw new AppError('PERIOD_OPEN', `The period ${period.key} has not closed yet; its figures are published after it closes.`);
  const [facts, disclosure, latest] = await Promise.all([
    loadPeriodFacts(db, municipalityId, period.firstYear, period.lastYear),
    municipalityDisclosure(db, municipalityId),
    latestReleaseRow(db, municipalityId, period),
  ]);
  const tables = publishedTables(facts, disclosure, { timeTables: period.kind === 'year' });
  const parameters: ReleaseParameters = { ...disclosure, keyRange: CELL_KEY_RANGE, perturbation: perturbationTable(disclosure.noiseMax, disclosure.noiseVariance) };
  if (latest && canonical(latest.tables) === canonical(tables) && canonical(latest.parameters) === canonical(parameters)) return { created: false, release: readRelease(latest) };
  try {
    const row = await db.transaction(async (transaction) => {
      const tx = transaction as unknown as Database;
      const [stored] = await tx
        .insert(schema.statisticsRelease)
        .values({ municipalityId, periodKind: period.kind, periodKey: period.key, releaseNumber: (latest?.releaseNumber ?? 0) + 1, publishedBy, tables, parameters })
        .returning();
      if (!stored) throw new Error('insert returned no row');
      await recordAudit(tx, {
        municipalityId,
        action: 'statistics.release.published',
        entityType: 'statistics_release',
        entityId: stored.id,
        details: { period: period.key, releaseNumber: stored.releaseNumber, automatic: publishedBy === null },
      });
      return stored;
    });
    return { created: true, release: readRelease(row) };
  } catch (error) {
    // Another request published the same release number first: that release stands.
    const again = await latestReleaseRow(db, municipalityId, period);
    if (again && again.releaseNumber > (latest?.releaseNumber ?? 0)) return { created: false, release: readRelease(again) };
    throw error;
  }
}

/** The release readers outside the case team see: the latest, published automatically on first read after the period closed; null while the period is open. */
export async function releaseFor(db: Database, municipalityId: string, period: ReleasePeriod): Promise<Release | null> {
  const latest = await latestRelease(db, municipalityId, period);
  if (latest) return latest;
  if (!periodClosed(period)) return null;
  return (await publishRelease(db, municipalityId, null, period)).release;
}

/** A source's grand total in a release (every table of a population shares it; the case time tables count new cases only). */
function sourceTotal(tables: readonly StatisticsTable[], source: StatisticsSource): number | null {
  return tables.find((table) => table.source === source && table.dimension !== 'month' && table.dimension !== 'quarter')?.total ?? null;
}

async function publishedTrend(deps: Deps, municipalityId: string, year: number): Promise<StatisticsPage['trend']> {
  const out: StatisticsPage['trend'] = [];
  for (const y of [year - 4, year - 3, year - 2, year - 1, year]) {
    const release = await releaseFor(deps.db, municipalityId, releasePeriod(y));
    for (const source of STATISTICS_SOURCES) out.push({ year: y, source, total: release ? sourceTotal(release.tables, source) : null, released: release !== null });
  }
  return out;
}

/** A one-way or two-way breakdown in which every figure is "fewer than k" says nothing: it is left out, and the page says why. */
export function allFewer(table: StatisticsTable): boolean {
  return table.rows.every((row) => row.values.every((value) => value === null) && row.total === null);
}

/** The published statistics page: the latest stored release of the period (closed periods only). */
export async function getStatistics(deps: Deps, actor: UserActor, query: StatisticsQuery): Promise<StatisticsPage> {
  const year = query.year ?? lastClosedYear();
  const pool = query.pool ?? 1;
  const period = releasePeriod(year, pool);
  const [release, disclosure] = await Promise.all([releaseFor(deps.db, actor.municipalityId, period), municipalityDisclosure(deps.db, actor.municipalityId)]);
  const trend = await publishedTrend(deps, actor.municipalityId, year);
  if (!release)
    return {
      year,
      pool,
      internal: false,
      status: 'open',
      release: null,
      suppressionThreshold: disclosure.threshold,
      roundingBase: disclosure.roundingBase,
      noiseMax: disclosure.noiseMax,
      noiseVariance: disclosure.noiseVariance,
      withheld: 0,
      dropped: [],
      sources: [],
      tables: [],
      trend,
      generatedAt: new Date().toISOString(),
    };
  const shown = release.tables.filter((table) => !allFewer(table));
  const withheld = shown.reduce((sum, table) => sum + table.rows.reduce((rows, row) => rows + row.values.filter((value) => value === null).length, 0), 0);
  return {
    year,
    pool,
    internal: false,
    status: 'released',
    release: release.info,
    suppressionThreshold: release.parameters.threshold,
    roundingBase: release.parameters.roundingBase,
    noiseMax: release.parameters.noiseMax,
    noiseVariance: release.parameters.noiseVariance,
    withheld,
    dropped: release.tables.filter(allFewer).map((table) => table.id),
    sources: [...new Set(release.tables.filter((table) => table.total !== null).map((table) => table.source))],
    tables: shown,
    trend,
    generatedAt: release.info.publishedAt,
  };
}

/** Exact figures for the coordinator, on a page marked internal (live, including the open year). The read is audited. */
export async function getInternalStatistics(deps: Deps, actor: UserActor, query: StatisticsQuery): Promise<StatisticsPage> {
  const year = statisticsYear(query);
  const pool = query.pool ?? 1;
  const period = releasePeriod(year, pool);
  const [facts, disclosure, release] = await Promise.all([
    loadPeriodFacts(deps.db, actor.municipalityId, period.firstYear, period.lastYear),
    municipalityDisclosure(deps.db, actor.municipalityId),
    latestRelease(deps.db, actor.municipalityId, period),
  ]);
  const tables = exactTables(facts);
  await inTransaction(deps, (tx) =>
    recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'statistics.internal.viewed',
      entityType: 'statistics',
      entityId: null,
      details: { year, pool },
    }),
  );
  const years = [year - 4, year - 3, year - 2, year - 1, year].map((y) => ({ year: y, ...yearPeriod(y) }));
  const totals = await yearlyTotals(deps.db, actor.municipalityId, years);
  return {
    year,
    pool,
    internal: true,
    status: 'internal',
    release: release?.info ?? null,
    suppressionThreshold: disclosure.threshold,
    roundingBase: 1,
    noiseMax: disclosure.noiseMax,
    noiseVariance: disclosure.noiseVariance,
    withheld: 0,
    dropped: [],
    sources: sourcesWithData(facts),
    tables: pool > 1 ? tables.filter((table) => table.dimension !== 'month' && table.dimension !== 'quarter') : tables,
    trend: totals.map((row) => ({ year: row.year, source: row.source as StatisticsSource, total: row.total, released: true })),
    generatedAt: new Date().toISOString(),
  };
}

/** Publishes (or re-publishes after late registrations) a closed period; coordinator only, audited. */
export async function publishStatistics(deps: Deps, actor: UserActor, body: { year: number; pool: number }): Promise<{ created: boolean; release: StatisticsReleaseInfo }> {
  const result = await publishRelease(deps.db, actor.municipalityId, actor.userId, releasePeriod(body.year, body.pool));
  return { created: result.created, release: result.release.info };
}

/**
 * The rollup job: publishes, for every municipality, the releases the statistics page reads (the
 * last closed year and the four before it, the page's trend) that do not exist yet, so no reader
 * pays for computing one. The same publishing as on first read: same protection (suppression, cell
 * key noise, the municipality's k and rounding), audited, and never a second release of a period
 * that already has one (a new release after late registrations stays the coordinator's decision).
 */
export async function publishDueReleases(deps: Deps, now: Date = new Date()): Promise<{ published: number }> {
  const last = lastClosedYear(now);
  const municipalities = await deps.db.select({ id: schema.municipality.id }).from(schema.municipality);
  let published = 0;
  await runWithContext({ requestId: null, actor: { kind: 'system', label: 'statistics-releases' } }, async () => {
    for (const { id } of municipalities) {
      for (let year = last - 4; year <= last; year += 1) {
        const period = releasePeriod(year);
        if (await latestReleaseRow(deps.db, id, period)) continue;
        if ((await publishRelease(deps.db, id, null, period)).created) published += 1;
      }
    }
  });
  return { published };
}
