import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Case, CaseFacts, CasePerson } from '@lykt/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MutationError } from '../../components/load-state';
import { countryName } from '../identification/catalogue';
import { EMPTY_PERSON, FactsFields, PersonFields } from './case-fields';
import { updateFactsMutationOptions, updatePersonMutationOptions } from './mutations';

function useYesNo() {
  const { t } = useTranslation();
  return (value: boolean | null) => (value === null ? t('cases.facts.unknown') : value ? t('cases.facts.yes') : t('cases.facts.no'));
}

/** The coded facts (statistics), shown to everyone who sees the case, editable by the team. */
export function FactsSection({ theCase }: { theCase: Case }) {
  const { t, i18n } = useTranslation();
  const yesNo = useYesNo();
  const queryClient = useQueryClient();
  const update = useMutation(updateFactsMutationOptions(queryClient, theCase.id));
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<CaseFacts>(theCase.facts);
  const f = theCase.facts;
  const none = t('cases.facts.none');
  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate(draft, { onSuccess: () => setEditing(false) });
  }
  return (
    <section className="page-section" aria-labelledby="case-facts">
      <Heading level={2} data-size="sm" id="case-facts">
        {t('cases.facts.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('cases.facts.intro')}</Paragraph>
      {editing ? (
        <form className="case-form" onSubmit={submit} noValidate>
          <FactsFields value={draft} onChange={setDraft} />
          <MutationError error={update.error} />
          <div className="case-actions">
            <Button type="submit" disabled={update.isPending}>
              {t('cases.facts.save')}
            </Button>
            <Button type="button" variant="tertiary" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <>
          <dl className="case-facts">
            <dt>{t('cases.facts.gender')}</dt>
            <dd>{t(`identification.genders.${f.gender}`)}</dd>
            <dt>{t('cases.facts.ageBand')}</dt>
            <dd>{t(`identification.ageBands.${f.ageBand}`)}</dd>
            <dt>{t('cases.facts.isMinor')}</dt>
            <dd>{yesNo(f.isMinor)}</dd>
            <dt>{t('cases.facts.nationality')}</dt>
            <dd>{f.nationality ? countryName(f.nationality, i18n.language) : t('cases.facts.unknown')}</dd>
            <dt>{t('cases.facts.exploitationForms')}</dt>
            <dd>{f.exploitationForms.map((form) => t(`cases.values.exploitationForms.${form}`)).join(', ') || none}</dd>
            <dt>{t('cases.facts.sectors')}</dt>
            <dd>{f.sectors.map((sector) => t(`identification.sectors.${sector}`)).join(', ') || none}</dd>
            <dt>{t('cases.facts.identifyingService')}</dt>
            <dd>{t(`cases.values.identifyingServices.${f.identifyingService}`)}</dd>
            <dt>{t('cases.facts.residenceStatus')}</dt>
            <dd>{t(`cases.values.residenceStatuses.${f.residenceStatus}`)}</dd>
            <dt>{t('cases.facts.reflectionPeriodStart')}</dt>
            <dd>{f.reflectionPeriodStart ?? none}</dd>
            <dt>{t('cases.facts.reflectionPeriodEnd')}</dt>
            <dd>{f.reflectionPeriodEnd ?? none}</dd>
            <dt>{t('cases.facts.policeReportMade')}</dt>
            <dd>{yesNo(f.policeReportMade)}</dd>
            <dt>{t('cases.facts.assistedReturn')}</dt>
            <dd>{yesNo(f.assistedReturn)}</dd>
            <dt>{t('cases.facts.childWelfareMeasure')}</dt>
            <dd>{yesNo(f.childWelfareMeasure)}</dd>
            <dt>{t('cases.facts.outcome')}</dt>
            <dd>{f.outcome ? t(`cases.values.outcomes.${f.outcome}`) : t('cases.facts.unknown')}</dd>
          </dl>
          {theCase.abilities.edit ? (
            <div className="case-actions">
              <Button
                variant="secondary"
                onClick={() => {
                  setDraft(theCase.facts);
                  setEditing(true);
                }}
              >
                {t('cases.facts.edit')}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

/** The person's personal data: the case team (or break-glass) only; every view is audited. */
export function PersonSection({ theCase }: { theCase: Case }) {
  const { t } = useTranslation();
  const yesNo = useYesNo();
  const queryClient = useQueryClient();
  const update = useMutation(updatePersonMutationOptions(queryClient, theCase.id));
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<CasePerson>(EMPTY_PERSON);
  const p = theCase.person;
  const empty = t('common.empty');
  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate(draft, { onSuccess: () => setEditing(false) });
  }
  return (
    <section className="page-section" aria-labelledby="case-person">
      <Heading level={2} data-size="sm" id="case-person">
        {t('cases.person.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('cases.person.audited')}</Paragraph>
      {editing ? (
        <form className="case-form" onSubmit={submit} noValidate>
          <PersonFields value={draft} onChange={setDraft} />
          <MutationError error={update.error} />
          <div className="case-actions">
            <Button type="submit" disabled={update.isPending}>
              {t('cases.person.save')}
            </Button>
            <Button type="button" variant="tertiary" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <>
          {p ? (
            <dl className="case-facts">
              <dt>{t('cases.person.name')}</dt>
              <dd>{p.name ?? empty}</dd>
              <dt>{t('cases.person.aliases')}</dt>
              <dd>{p.aliases.join(', ') || empty}</dd>
              <dt>{t('cases.person.dateOfBirth')}</dt>
              <dd>{p.dateOfBirth ?? empty}</dd>
              <dt>{t('cases.person.phone')}</dt>
              <dd>{p.phone ?? empty}</dd>
              <dt>{t('cases.person.email')}</dt>
              <dd>{p.email ?? empty}</dd>
              <dt>{t('cases.person.address')}</dt>
              <dd>{p.address ?? empty}</dd>
              <dt>{t('cases.person.languages')}</dt>
              <dd>{p.languages.join(', ') || empty}</dd>
              <dt>{t('cases.person.interpreterNeeded')}</dt>
              <dd>{yesNo(p.interpreterNeeded)}</dd>
              <dt>{t('cases.person.notes')}</dt>
              <dd className="case-journal-text">{p.notes ?? empty}</dd>
            </dl>
          ) : (
            <Paragraph>{t('cases.person.none')}</Paragraph>
          )}
          {theCase.abilities.edit ? (
            <div className="case-actions">
              <Button
                variant="secondary"
                onClick={() => {
                  setDraft(p ? { ...EMPTY_PERSON, ...p } : EMPTY_PERSON);
                  setEditing(true);
                }}
              >
                {t('cases.person.edit')}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
