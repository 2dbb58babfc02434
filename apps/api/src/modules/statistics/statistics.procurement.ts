import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';
import { addRecord, cellKeyOf, type KeyedCount, type KeyedTable } from '@lykt/shared';
import { lastLocalDate, localDate } from '../reports/period';
import { isHighRiskBySector } from '../procurement/procurement.figures';
import type { Period } from './statistics.sources';

/**
 * Procurement in the published statistics (plan area H): the same cell-key noise, threshold and
 * stored releases as every other source. Only coded columns are read: the contract's sector, product
 * category and risk override, a check's dates, a finding's sanction and whether it started a concern.
 * No contract title, supplier, free text or person is read.
 */
export type ProcurementFacts = {
  /** Contracts that ran in the period. */
  contract: Array<{ key: number; highRisk: boolean }>;
  /** Checks planned in the period; done = done by the period's last day. */
  check: Array<{ key: number; done: boolean }>;
  /** Findings made in the period. */
  finding: Array<{ key: number; sanction: boolean; concern: boolean }>;
};

export async function procurementFacts(db: Database, municipalityId: string, period: Period): Promise<ProcurementFacts> {
  const firstDay = localDate(period.from);
  const lastDay = lastLocalDate(period.to);
  const c = schema.procurementContract;
  const ch = schema.procurementCheck;
  const f = schema.procurementFinding;
  const [contracts, checks, findings] = await Promise.all([
    db
      .select({ key: c.statisticsKey, isicSection: c.isicSection, productCategory: c.productCategory, riskOverride: c.riskOverride })
      .from(c)
      .where(and(eq(c.municipalityId, municipalityId), sql`${c.startsOn} <= ${lastDay}`, sql`${c.endsOn} >= ${firstDay}`)),
    db
      .select({ key: ch.statisticsKey, doneOn: ch.doneOn })
      .from(ch)
      .where(and(eq(ch.municipalityId, municipalityId), sql`${ch.plannedOn} >= ${firstDay}`, sql`${ch.plannedOn} <= ${lastDay}`)),
    db
      .select({ key: f.statisticsKey, sanction: f.sanction, concernId: f.concernId })
      .from(f)
      .where(and(eq(f.municipalityId, municipalityId), gte(f.createdAt, period.from), lt(f.createdAt, period.to))),
  ]);
  return {
    contract: contracts.map((row) => ({ key: row.key, highRisk: isHighRiskBySector(row) })),
    check: checks.map((row) => ({ key: row.key, done: row.doneOn !== null && row.doneOn <= lastDay })),
    finding: findings.map((row) => ({ key: row.key, sanction: row.sanction !== 'none', concern: row.concernId !== null })),
  };
}

export const NO_PROCUREMENT: ProcurementFacts = { contract: [], check: [], finding: [] };

function oneWay<T extends { key: number }>(id: string, population: string, records: readonly T[], rows: readonly [string, string], first: (record: T) => boolean): KeyedTable {
  const cells: KeyedCount[] = rows.map(() => ({ count: 0, key: 0 }));
  for (const record of records) addRecord(cells[first(record) ? 0 : 1] as KeyedCount, record.key);
  return {
    id,
    population,
    rowDimension: id.split('.')[1] ?? '',
    rows: [...rows],
    cells: cells.map((cell) => [cell]),
    grandTotal: { count: records.length, key: cellKeyOf(records.map((record) => record.key)) },
  };
}

/**
 * The procurement tables of a period, ids `procurement.<dimension>`: contracts by risk, planned checks by
 * whether they were done, and findings by sanction and by whether they started a concern. The two finding
 * tables share their records, so their totals carry the same noise.
 */
export function procurementTables(facts: ProcurementFacts): KeyedTable[] {
  return [
    oneWay('procurement.contract_risk', 'procurement_contract', facts.contract, ['high_risk', 'not_high_risk'], (record) => record.highRisk),
    oneWay('procurement.check_done', 'procurement_check', facts.check, ['done', 'not_done'], (record) => record.done),
    oneWay('procurement.sanction', 'procurement_finding', facts.finding, ['with_sanction', 'without_sanction'], (record) => record.sanction),
    oneWay('procurement.finding_concern', 'procurement_finding', facts.finding, ['yes', 'no'], (record) => record.concern),
  ];
}
