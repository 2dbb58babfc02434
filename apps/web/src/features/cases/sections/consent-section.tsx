import type { Case } from '@lykt/shared';
import { ExportSection } from '../case-protection-section';
import { ConsentsSection, ReferralsSection } from '../case-sharing-sections';

/** Consent and referrals: what the person agreed to share, with whom it is shared, and exports. */
export function ConsentAndReferralsSection({ theCase }: { theCase: Case }) {
  return (
    <>
      <ConsentsSection theCase={theCase} />
      <ReferralsSection theCase={theCase} />
      <ExportSection theCase={theCase} />
    </>
  );
}
