import { highRiskList, sectorRisk } from '@lykt/content/procurement';
import { RISK_LEVELS, type ProcurementRiskLevel } from '@lykt/shared';

export type RiskReason = {
  code: 'sector' | 'high_risk_category' | 'site_risk' | 'site_inspections' | 'earlier_findings' | 'tiers';
  level: ProcurementRiskLevel;
};

export type RiskInput = {
  isicSection: string;
  productCategory: string | null;
  /** The linked site on the situation map: its assessed level and whether an inspection there started a concern. */
  site: { riskLevel: string; inspectionConcerns: number } | null;
  /** The same supplier's findings in the municipality's other contracts. */
  earlierFindings: { total: number; serious: number };
  /** The deepest subcontractor tier under the contract (0 without subcontractors). */
  deepestTier: number;
};

/** A chain this deep is hard to see into; Lykt's own rule, documented in docs/PROCUREMENT.md. */
export const DEEP_CHAIN_TIER = 3;

const rank = (level: ProcurementRiskLevel) => RISK_LEVELS.indexOf(level);
const isLevel = (value: string): value is ProcurementRiskLevel => (RISK_LEVELS as readonly string[]).includes(value);

/**
 * The computed risk of a contract: the highest of what it rests on. The sector (ISIC section) and
 * the high-risk list come from sourced content; the site and earlier findings are what the
 * municipality itself knows. Pure, so the UI and the report can explain every level.
 */
export function computeRisk(input: RiskInput): { level: ProcurementRiskLevel; reasons: RiskReason[] } {
  const reasons: RiskReason[] = [];
  const sector = sectorRisk.sections.find((section) => section.code === input.isicSection);
  if (sector) reasons.push({ code: 'sector', level: sector.level });
  if (input.productCategory && highRiskList.categories.some((category) => category.id === input.productCategory)) reasons.push({ code: 'high_risk_category', level: 'high' });
  if (input.site && isLevel(input.site.riskLevel) && input.site.riskLevel !== 'low') reasons.push({ code: 'site_risk', level: input.site.riskLevel });
  if (input.site && input.site.inspectionConcerns > 0) reasons.push({ code: 'site_inspections', level: 'high' });
  if (input.earlierFindings.serious > 0) reasons.push({ code: 'earlier_findings', level: 'high' });
  else if (input.earlierFindings.total > 0) reasons.push({ code: 'earlier_findings', level: 'medium' });
  if (input.deepestTier >= DEEP_CHAIN_TIER) reasons.push({ code: 'tiers', level: 'medium' });
  const level = reasons.reduce<ProcurementRiskLevel>((highest, reason) => (rank(reason.level) > rank(highest) ? reason.level : highest), 'low');
  return { level, reasons };
}
