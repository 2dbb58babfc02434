import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { isPossibleMinor, type ExploitationForm, type ScreeningContext, type ScreeningFacts } from '@lykt/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading';
import { ConcernForm } from './concern-form';
import { EMPTY_FACTS, SituationFields } from './situation-fields';
import './identification.css';

/** A concern sent to the coordinator without a screening: the same coarse coded facts, no names. */
export function DirectConcernPage() {
  const { t } = useTranslation();
  const [context, setContext] = useState<ScreeningContext>('health');
  const [forms, setForms] = useState<ExploitationForm[]>([]);
  const [facts, setFacts] = useState<ScreeningFacts>(EMPTY_FACTS);

  function setFact<K extends keyof ScreeningFacts>(key: K, value: ScreeningFacts[K]) {
    setFacts((current) => ({ ...current, [key]: value }));
  }

  function toggleForm(form: ExploitationForm, checked: boolean) {
    setForms((current) => (checked ? [...current, form] : current.filter((entry) => entry !== form)));
  }

  return (
    <div className="page-stack">
      <PageHeading>{t('identification.directConcern.title')}</PageHeading>
      <Paragraph>{t('identification.directConcern.intro')}</Paragraph>
      <Alert data-color="warning">
        <Paragraph>{t('identification.directConcern.noNames')}</Paragraph>
      </Alert>
      <section className="page-section">
        <ConcernForm source={{ context, suspectedForms: forms, facts: { ...facts, possibleMinor: isPossibleMinor(facts) } }} headingLevel={2}>
          <SituationFields context={context} onContextChange={setContext} facts={facts} onFactChange={setFact} forms={forms} onFormToggle={toggleForm} formsHint={t('identification.directConcern.formsHint')} />
        </ConcernForm>
      </section>
    </div>
  );
}
