/**
 * The parts of the case page, each at its own address (/cases/$caseId/$section), in the order of
 * the section navigation. The bare case address opens the overview.
 */
export const CASE_SECTIONS = ['overview', 'people', 'needs', 'journal', 'consent', 'access'] as const;
export type CaseSection = (typeof CASE_SECTIONS)[number];
export const DEFAULT_CASE_SECTION: CaseSection = 'overview';

export function isCaseSection(value: string): value is CaseSection {
  return (CASE_SECTIONS as readonly string[]).includes(value);
}

/** The router's address of one part of a case (without the app's base path). */
export function caseSectionHref(caseId: string, section: CaseSection): string {
  return `/cases/${encodeURIComponent(caseId)}/${section}`;
}
