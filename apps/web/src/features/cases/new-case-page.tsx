import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { CaseCreateBody, CaseFacts, CasePerson } from '@lykt/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MutationError } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { EMPTY_FACTS, EMPTY_PERSON, FactsFields, PersonFields } from './case-fields';
import { createCaseMutationOptions } from './mutations';
import './cases.css';

const route = getRouteApi('/signed-in/cases/new');

function hasPersonData(person: CasePerson): boolean {
  return Object.values(person).some((value) => (Array.isArray(value) ? value.length > 0 : value !== null && value !== false && value !== ''));
}

/** Opens a case: from a concern or a tip (their facts are carried over on the server) or directly with a form. */
export function NewCasePage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation(createCaseMutationOptions(queryClient));
  const [facts, setFacts] = useState<CaseFacts>(EMPTY_FACTS);
  const [person, setPerson] = useState<CasePerson>(EMPTY_PERSON);
  const fromSource = search.sourceKind !== undefined && search.sourceId !== undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    const body: CaseCreateBody = search.sourceKind && search.sourceId
      ? { source: { kind: search.sourceKind, id: search.sourceId }, facts: {}, person: null }
      : { source: { kind: 'direct', id: null }, facts, person: hasPersonData(person) ? person : null };
    create.mutate(body, { onSuccess: (theCase) => void navigate({ to: '/cases/$caseId', params: { caseId: theCase.id } }) });
  }

  return (
    <div className="page-stack">
      <PageHeading>{t('cases.new.title')}</PageHeading>
      <Paragraph>{t('cases.new.intro')}</Paragraph>
      <form className="case-form" onSubmit={submit} noValidate>
        {fromSource ? (
          <Paragraph>{t(search.sourceKind === 'concern' ? 'cases.new.fromConcern' : 'cases.new.fromTip')}</Paragraph>
        ) : (
          <>
            <Heading level={2} data-size="sm">
              {t('cases.new.personHeading')}
            </Heading>
            <PersonFields value={person} onChange={setPerson} />
            <Heading level={2} data-size="sm">
              {t('cases.new.factsHeading')}
            </Heading>
            <FactsFields value={facts} onChange={setFacts} />
          </>
        )}
        <MutationError error={create.error} />
        <div className="case-actions">
          <Button type="submit" disabled={create.isPending}>
            {t('cases.new.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
