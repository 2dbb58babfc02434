/**
 * The parts of the case page, each at its own address (/cases/$caseId/$section), in the order of
 * the section navigation. The bare case address opens the overview (a redirect in routes/router.tsx).
 */
export const CASE_SECTIONS = ['overview', 'people', 'needs', 'journal', 'consent', 'access'] as const;
export type CaseSection = (typeof CASE_SECTIONS)[number];

export function isCaseSection(value: string): value is CaseSection {
  return (CASE_SECTIONS as readonly string[]).includes(value);
}
