import { eq } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';
import { effectiveThreshold, isPrimarySensitive, roundToBase, statisticsYear, type StatisticsPage, type StatisticsQuery, type StatisticsSource } from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { lastLocalDate, localDate, yearPeriod } from '../reports/period';
import { caseFacts, concernFacts, referralFacts, screeningFacts, tipFacts, trainingFacts, yearlyTotals } from './statistics.sources';
import { exactTables, protectedTables, type YearFacts } from './statistics.tables';

/** The municipality's disclosure settings: k (never below the minimum of 3) and the rounding base (1: none). */
export async function municipalityDisclosure(db: Database, municipalityId: string): Promise<{ threshold: number; roundingBase: number }> {
  const [row] = await db.select({ settings: schema.municipality.settings }).from(schema.municipality).where(eq(schema.municipality.id, municipalityId)).limit(1);
  return { threshold: effectiveThreshold(row?.settings.suppressionThreshold), roundingBase: Math.max(1, Math.floor(row?.settings.roundingBase ?? 1)) };
}

/** The municipality's k (settings.suppressionThreshold), never below the minimum of 3. */
export async function municipalityThreshold(db: Database, municipalityId: string): Promise<number> {
  return (await municipalityDisclosure(db, municipalityId)).threshold;
}

/** Reads the coded facts of every source for one municipality and one calendar year. */
export async function loadYearFacts(db: Database, municipalityId: string, year: number): Promise<YearFacts> {
  const period = yearPeriod(year);
  const [screening, concern, tip, cases, referral, training] = await Promise.all([
    screeningFacts(db, municipalityId, period),
    concernFacts(db, municipalityId, period),
    tipFacts(db, municipalityId, localDate(period.from), lastLocalDate(period.to)),
    caseFacts(db, municipalityId, period),
    referralFacts(db, municipalityId, period),
    trainingFacts(db, municipalityId, period),
  ]);
  return { year, screening, concern, tip, case: cases, referral, training };
}

function sourcesWithData(facts: YearFacts): StatisticsSource[] {
  return (['screening', 'concern', 'tip', 'case', 'referral', 'training'] as const).filter((source) => facts[source].length > 0);
}

async function trend(db: Database, municipalityId: string, year: number, threshold: number | null, roundingBase = 1): Promise<StatisticsPage['trend']> {
  const years = [year - 4, year - 3, year - 2, year - 1, year].map((y) => ({
    year: y,
    ...yearPeriod(y),
  }));
  const totals = await yearlyTotals(db, municipalityId, years);
  // A year's total is withheld exactly when it is small: the same rule as on that year's page, where grand totals are never complements.
  return totals.map((row) => ({
    year: row.year,
    source: row.source as StatisticsSource,
    total: threshold !== null && isPrimarySensitive(row.total, threshold) ? null : roundToBase(row.total, roundingBase),
  }));
}

/** The protected statistics page for one year: what viewers and anyone outside the case team see. */
export async function getStatistics(deps: Deps, actor: UserActor, query: StatisticsQuery): Promise<StatisticsPage> {
  const year = statisticsYear(query);
  const [facts, disclosure] = await Promise.all([loadYearFacts(deps.db, actor.municipalityId, year), municipalityDisclosure(deps.db, actor.municipalityId)]);
  const page = protectedTables(facts, disclosure.threshold, disclosure.roundingBase);
  return {
    year,
    internal: false,
    suppressionThreshold: page.threshold,
    roundingBase: page.roundingBase,
    withheld: page.withheld,
    sources: sourcesWithData(facts),
    tables: page.tables,
    trend: await trend(deps.db, actor.municipalityId, year, page.threshold, page.roundingBase),
    generatedAt: new Date().toISOString(),
  };
}

/** Exact figures for the coordinator, on a page marked internal. The read is audited. */
export async function getInternalStatistics(deps: Deps, actor: UserActor, query: StatisticsQuery): Promise<StatisticsPage> {
  const year = statisticsYear(query);
  const [facts, threshold] = await Promise.all([loadYearFacts(deps.db, actor.municipalityId, year), municipalityThreshold(deps.db, actor.municipalityId)]);
  const tables = exactTables(facts);
  await inTransaction(deps, (tx) =>
    recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'statistics.internal.viewed',
      entityType: 'statistics',
      entityId: null,
      details: { year },
    }),
  );
  return {
    year,
    internal: true,
    suppressionThreshold: threshold,
    roundingBase: 1,
    withheld: 0,
    sources: sourcesWithData(facts),
    tables,
    trend: await trend(deps.db, actor.municipalityId, year, null),
    generatedAt: new Date().toISOString(),
  };
}
