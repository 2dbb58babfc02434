import type { Case } from '@lykt/shared';
import { PersonSection } from '../case-facts-section';
import { TeamSection } from '../case-team-section';

/** People and team: the case team and, for those who may read it, the person's personal data. */
export function PeopleSection({ theCase }: { theCase: Case }) {
  return (
    <>
      <TeamSection theCase={theCase} />
      {theCase.abilities.readPersonalData ? <PersonSection theCase={theCase} /> : null}
    </>
  );
}
