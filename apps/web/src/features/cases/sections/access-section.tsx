import { Paragraph } from '@digdir/designsystemet-react';
import type { Case } from '@lykt/shared';
import { useTranslation } from 'react-i18next';
import { AccessGrantsSection, ProtectionSection } from '../case-protection-section';

/** Access log and protection: break-glass grants, who has read the case, duplicates and erasure. */
export function AccessAndProtectionSection({ theCase }: { theCase: Case }) {
  const { t } = useTranslation();
  const a = theCase.abilities;
  const nothing = theCase.accessGrants.length === 0 && !a.breakGlass && !a.viewReadLog && !a.viewDuplicates && !a.erase;
  return (
    <>
      {nothing ? <Paragraph>{t('caseSections.nothingToShow')}</Paragraph> : null}
      <AccessGrantsSection theCase={theCase} />
      <ProtectionSection theCase={theCase} />
    </>
  );
}
