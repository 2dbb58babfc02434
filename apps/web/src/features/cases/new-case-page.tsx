import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { CaseCreateBodySchema, type CaseCreateBody, type CaseFacts, type CasePerson } from '@lykt/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm, type FieldError, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { fieldId } from '../../components/form/field-paths';
import { FormErrorSummary } from '../../components/form/form-error-summary';
import { UnsavedChangesGuard } from '../../components/form/unsaved-changes-guard';
import { useFormFeedback } from '../../components/form/use-form-feedback';
import { PageHeading } from '../../components/page-heading';
import { fieldErrorText, type FieldKind } from '../../lib/error-text';
import { EMPTY_FACTS, EMPTY_PERSON, FactsFields, PersonFields } from './case-fields';
import { createCaseMutationOptions } from './mutations';
import './cases.css';

const route = getRouteApi('/signed-in/cases/new');
const FORM_ID = 'new-case';

/** The new case as the form holds it; the shared CaseCreateBodySchema checks what it becomes. */
interface NewCaseValues {
  facts: CaseFacts;
  person: CasePerson;
}

const PERSON_KEYS = Object.keys(EMPTY_PERSON) as (keyof CasePerson)[];
const FACT_KEYS = Object.keys(EMPTY_FACTS) as (keyof CaseFacts)[];
/** The fields the server may name, as the server names them ("person.email", "facts.nationality"). */
const FIELDS = [...PERSON_KEYS.map((key) => `person.${key}` as const), ...FACT_KEYS.map((key) => `facts.${key}` as const)] as unknown as readonly FieldPath<NewCaseValues>[];
const KINDS: Record<string, FieldKind> = { 'person.email': 'email', 'person.phone': 'phone' };

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
  const fromSource = search.sourceKind !== undefined && search.sourceId !== undefined;
  // Opened: the guard lets go first, then the page moves on to the case.
  const [createdId, setCreatedId] = useState<string | null>(null);
  useEffect(() => {
    if (createdId !== null) void navigate({ to: '/cases/$caseId', params: { caseId: createdId } });
  }, [createdId, navigate]);

  const schema = useMemo(
    () =>
      z
        .custom<NewCaseValues>()
        .transform((values): z.input<typeof CaseCreateBodySchema> =>
          search.sourceKind && search.sourceId
            ? { source: { kind: search.sourceKind, id: search.sourceId }, facts: {}, person: null }
            : { source: { kind: 'direct', id: null }, facts: values.facts, person: hasPersonData(values.person) ? values.person : null },
        )
        .pipe(CaseCreateBodySchema),
    [search.sourceId, search.sourceKind],
  );
  const {
    control,
    handleSubmit,
    setError,
    formState: { errors, isDirty },
  } = useForm<NewCaseValues, unknown, CaseCreateBody>({ resolver: zodResolver(schema), defaultValues: { facts: EMPTY_FACTS, person: EMPTY_PERSON }, shouldFocusError: false });
  const { feedback, onInvalid, onServerError } = useFormFeedback(setError, { fields: FIELDS });

  const personErrors = errors.person as Partial<Record<keyof CasePerson, FieldError>> | undefined;
  const factErrors = errors.facts as Partial<Record<keyof CaseFacts, FieldError>> | undefined;
  const labels: Record<string, string> = {
    ...Object.fromEntries(PERSON_KEYS.map((key) => [`person.${key}`, t(`cases.person.${key}`)])),
    ...Object.fromEntries(FACT_KEYS.map((key) => [`facts.${key}`, t(`cases.facts.${key}`)])),
  };

  const submit = handleSubmit(
    (body) =>
      new Promise<void>((resolve) => {
        create.mutate(body, {
          onSuccess: (theCase) => setCreatedId(theCase.id),
          onError: onServerError,
          onSettled: () => resolve(),
        });
      }),
    onInvalid,
  );

  return (
    <div className="page-stack">
      <PageHeading>{t('cases.new.title')}</PageHeading>
      <Paragraph>{t('cases.new.intro')}</Paragraph>
      <form className="case-form" onSubmit={(event) => void submit(event)} noValidate>
        <FormErrorSummary formId={FORM_ID} errors={errors} feedback={feedback} labels={labels} kinds={KINDS} />
        {fromSource ? (
          <Paragraph>{t(search.sourceKind === 'concern' ? 'cases.new.fromConcern' : 'cases.new.fromTip')}</Paragraph>
        ) : (
          <>
            <Heading level={2} data-size="sm">
              {t('cases.new.personHeading')}
            </Heading>
            <Controller
              control={control}
              name="person"
              render={({ field }) => (
                <PersonFields
                  value={field.value}
                  onChange={field.onChange}
                  idOf={(key) => fieldId(FORM_ID, `person.${key}`)}
                  errorOf={(key) => fieldErrorText(t, personErrors?.[key], KINDS[`person.${key}`])}
                />
              )}
            />
            <Heading level={2} data-size="sm">
              {t('cases.new.factsHeading')}
            </Heading>
            <Controller
              control={control}
              name="facts"
              render={({ field }) => (
                <FactsFields value={field.value} onChange={field.onChange} idOf={(key) => fieldId(FORM_ID, `facts.${key}`)} errorOf={(key) => fieldErrorText(t, factErrors?.[key])} />
              )}
            />
          </>
        )}
        <div className="case-actions">
          <Button type="submit" disabled={create.isPending} loading={create.isPending}>
            {t('cases.new.submit')}
          </Button>
        </div>
        <UnsavedChangesGuard when={isDirty && createdId === null} />
      </form>
    </div>
  );
}
