import type { ReportSectionProvider } from '../report-section';
import { cooperationSection } from './cooperation.section';
import { identificationSection } from './identification.section';
import { mapSection } from './map.section';
import { maturitySection } from './maturity.section';
import { planSection } from './plan.section';
import { tipsSection } from './tips.section';
import { trainingSection } from '../../training/training.report-section';
import { statisticsSection } from '../../statistics/statistics.report-section';
import { prevalenceSection } from '../../prevalence/prevalence.report-section';
import { procurementSection } from '../../procurement/procurement.report-section';

/**
 * The council report's sections, in any order here (the report sorts by `order`). A module adds
 * its provider with one line: plan 10, cooperation 20, situation map 24, maturity 26, identification 30, tips 40, cases 50,
 * statistics 60, prevalence 65, training 70, procurement 75.
 */
export const REPORT_SECTION_PROVIDERS: readonly ReportSectionProvider[] = [
  planSection,
  cooperationSection,
  mapSection,
  maturitySection,
  identificationSection,
  tipsSection,
  trainingSection,
  statisticsSection,
  prevalenceSection,
  procurementSection,
];

/** The providers in report order. */
export function reportSectionProviders(): ReportSectionProvider[] {
  return [...REPORT_SECTION_PROVIDERS].sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
}
