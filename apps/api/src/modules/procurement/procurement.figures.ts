import { highRiskList, sectorRisk } from '@lykt/content/procurement';
import type { Database } from '@lykt/db';
import type { ProcurementFigures } from '@lykt/shared';
import { protectCounts } from '../reports/disclosure';
import * as repo from './procurement.repository';

export const FIGURE_KEYS = ['contracts', 'highRiskContracts', 'checksPlanned', 'checksDone', 'findings', 'findingsWithSanction', 'concernsStarted'] as const satisfies ReadonlyArray<keyof ProcurementFigures>;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** True when the sector or the product category alone puts a contract at high risk (what the council is told). */
export function isHighRiskBySector(contract: { isicSection: string; productCategory: string | null; riskOverride: string | null }): boolean {
  if (contract.riskOverride === 'high') return true;
  if (contract.riskOverride !== null) return false;
  const sector = sectorRisk.sections.find((section) => section.code === contract.isicSection);
  return sector?.level === 'high' || (contract.productCategory !== null && highRiskList.categories.some((category) => category.id === contract.productCategory));
}

/** Live counts for contracts that ran in [from, to] (days, inclusive): checks planned in the period, findings made in it. */
export async function countFigures(db: Database, municipalityId: string, from: string, to: string): Promise<ProcurementFigures> {
  const { contracts, checks, findings } = await repo.figureRows(db, municipalityId, from, to);
  const inPeriod = (day: string | null) => day !== null && day >= from && day <= to;
  const made = findings.filter((finding) => inPeriod(finding.createdAt.toISOString().slice(0, 10)));
  return {
    contracts: contracts.length,
    highRiskContracts: contracts.filter(isHighRiskBySector).length,
    checksPlanned: checks.filter((check) => inPeriod(check.plannedOn)).length,
    checksDone: checks.filter((check) => inPeriod(check.doneOn)).length,
    findings: made.length,
    findingsWithSanction: made.filter((finding) => finding.sanction !== 'none').length,
    concernsStarted: made.filter((finding) => finding.concernId !== null).length,
  };
}

/**
 * The same disclosure control as the report's other counts: each figure is its own one-cell table of
 * the population it counts, so a count below the municipality's threshold k is withheld (null).
 */
export function protectFigures(figures: ProcurementFigures, threshold: number): Record<FigureKey, number | null> {
  const tables = FIGURE_KEYS.map((key) => ({ id: key, population: `procurement.${key}`, dimension: 'all', rows: ['all'], counts: [figures[key]], additive: true, context: {} }));
  const shown = protectCounts(tables, threshold);
  return Object.fromEntries(FIGURE_KEYS.map((key) => [key, shown.get(key)?.cells[0] ?? null])) as Record<FigureKey, number | null>;
}
