import { highRiskList, sectorRisk } from '@lykt/content/procurement';
import type { ProcurementFigures } from '@lykt/shared';

export const FIGURE_KEYS = ['contracts', 'highRiskContracts', 'checksPlanned', 'checksDone', 'findings', 'findingsWithSanction', 'concernsStarted'] as const satisfies ReadonlyArray<keyof ProcurementFigures>;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** True when the sector or the product category alone puts a contract at high risk (what the council is told). */
export function isHighRiskBySector(contract: { isicSection: string; productCategory: string | null; riskOverride: string | null }): boolean {
  if (contract.riskOverride === 'high') return true;
  if (contract.riskOverride !== null) return false;
  const sector = sectorRisk.sections.find((section) => section.code === contract.isicSection);
  return sector?.level === 'high' || (contract.productCategory !== null && highRiskList.categories.some((category) => category.id === contract.productCategory));
}
