import type { Case } from '@lykt/shared';
import { NeedsSection, SafetyPlanSection } from '../case-work-sections';

/** Needs and safety plan (the plan is personal data: team or break-glass only). */
export function NeedsAndSafetySection({ theCase }: { theCase: Case }) {
  return (
    <>
      <NeedsSection theCase={theCase} />
      {theCase.abilities.readPersonalData ? <SafetyPlanSection theCase={theCase} /> : null}
    </>
  );
}
