import { Alert, Paragraph } from '@digdir/designsystemet-react';
import type { Case } from '@lykt/shared';
import { useTranslation } from 'react-i18next';
import { JournalSection, TasksSection } from '../case-work-sections';

/** Journal and tasks: personal data, for the team or under break-glass only. */
export function JournalAndTasksSection({ theCase }: { theCase: Case }) {
  const { t } = useTranslation();
  if (!theCase.abilities.readPersonalData) {
    return (
      <Alert data-color="info">
        <Paragraph>{t('caseSections.personalOnly')}</Paragraph>
      </Alert>
    );
  }
  return (
    <>
      <TasksSection theCase={theCase} />
      <JournalSection theCase={theCase} />
    </>
  );
}
