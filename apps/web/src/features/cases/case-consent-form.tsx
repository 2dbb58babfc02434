import { Button, Checkbox, Heading, SelectOption, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { CONSENT_METHODS, CONSENT_PURPOSES, ConsentBodySchema, SHARE_CATEGORIES, type Case, type ConsentBody, type ConsentPurpose, type ShareCategory } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormErrorSummary } from '../../components/form/form-error-summary';
import { UnsavedChangesGuard } from '../../components/form/unsaved-changes-guard';
import { useServerForm } from '../../components/form/use-server-form';
import { SelectField } from '../../components/select-field';
import { fieldErrorText } from '../../lib/error-text';
import { todayInputValue } from '../../lib/format';
import { CategoryChoice } from './category-choice';
import { recordConsentMutationOptions } from './mutations';
import { caseOrganisationsQueryOptions } from './queries';

const FORM_ID = 'case-consent';

/** The consent as the form holds it (paths as the server names them); the shared ConsentBodySchema checks what it becomes. */
interface ConsentFormValues {
  purpose: ConsentPurpose;
  recipientOrganisationId: string;
  dataCategories: ShareCategory[];
  method: ConsentBody['method'];
  withInterpreter: boolean;
  givenOn: string;
}

const FIELDS: readonly FieldPath<ConsentFormValues>[] = ['purpose', 'recipientOrganisationId', 'dataCategories', 'method', 'withInterpreter', 'givenOn'];
const KINDS = { purpose: 'choice', recipientOrganisationId: 'choice', dataCategories: 'choice', method: 'choice' } as const;

/** A recipient and categories belong only to consent to share; the server requires them there. */
const schema = z
  .custom<ConsentFormValues>()
  .transform((values): z.input<typeof ConsentBodySchema> => {
    const sharing = values.purpose === 'share_with_organisation';
    return {
      purpose: values.purpose,
      recipientOrganisationId: sharing && values.recipientOrganisationId !== '' ? values.recipientOrganisationId : null,
      dataCategories: sharing ? values.dataCategories : [],
      method: values.method,
      withInterpreter: values.withInterpreter,
      givenOn: values.givenOn,
    };
  })
  .pipe(ConsentBodySchema);

const startingValues = (): ConsentFormValues => ({ purpose: 'share_with_organisation', recipientOrganisationId: '', dataCategories: [], method: 'written', withInterpreter: false, givenOn: todayInputValue() });

/** Records the person's consent, per purpose and, for sharing, per recipient and categories. */
export function CaseConsentForm({ theCase }: { theCase: Case }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const record = useMutation(recordConsentMutationOptions(queryClient, theCase.id));
  const organisations = useQuery(caseOrganisationsQueryOptions());
  const { form, id, submitWith, summary } = useServerForm<ConsentFormValues, ConsentBody>({
    formId: FORM_ID,
    resolver: zodResolver(schema),
    defaultValues: startingValues(),
    fields: FIELDS,
  });
  const {
    control,
    register,
    reset,
    getValues,
    formState: { errors, isDirty },
  } = form;
  const sharing = useWatch({ control, name: 'purpose' }) === 'share_with_organisation';
  const labels = {
    purpose: t('cases.consents.purpose'),
    recipientOrganisationId: t('cases.consents.recipient'),
    dataCategories: t('cases.consents.categories'),
    method: t('cases.consents.method'),
    withInterpreter: t('cases.consents.withInterpreter'),
    givenOn: t('cases.consents.givenOn'),
  };

  // As before: once recorded, the categories are cleared and the rest stays for the next consent.
  const submit = submitWith((body, callbacks) => record.mutate(body, { ...callbacks, onSuccess: () => reset({ ...getValues(), dataCategories: [] }) }));

  return (
    <form className="case-form" onSubmit={(event) => void submit(event)} noValidate>
      <Heading level={3} data-size="xs">
        {t('cases.consents.record')}
      </Heading>
      <FormErrorSummary {...summary} labels={labels} kinds={KINDS} />
      <SelectField id={id('purpose')} label={labels.purpose} error={fieldErrorText(t, errors.purpose, 'choice')} {...register('purpose')}>
        {CONSENT_PURPOSES.map((value) => (
          <SelectOption key={value} value={value}>
            {t(`cases.values.consentPurposes.${value}`)}
          </SelectOption>
        ))}
      </SelectField>
      {sharing ? (
        <>
          <SelectField id={id('recipientOrganisationId')} label={labels.recipientOrganisationId} error={fieldErrorText(t, errors.recipientOrganisationId, 'choice')} {...register('recipientOrganisationId')}>
            <SelectOption value="">{t('cases.team.choose')}</SelectOption>
            {(organisations.data?.items ?? []).map((organisation) => (
              <SelectOption key={organisation.id} value={organisation.id}>
                {organisation.name}
              </SelectOption>
            ))}
          </SelectField>
          <Controller
            control={control}
            name="dataCategories"
            render={({ field, fieldState }) => (
              <CategoryChoice id={id('dataCategories')} legend={labels.dataCategories} allowed={SHARE_CATEGORIES} value={field.value} onChange={field.onChange} error={fieldErrorText(t, fieldState.error, 'choice')} />
            )}
          />
        </>
      ) : null}
      <SelectField id={id('method')} label={labels.method} error={fieldErrorText(t, errors.method, 'choice')} {...register('method')}>
        {CONSENT_METHODS.map((value) => (
          <SelectOption key={value} value={value}>
            {t(`cases.values.consentMethods.${value}`)}
          </SelectOption>
        ))}
      </SelectField>
      <Checkbox id={id('withInterpreter')} label={labels.withInterpreter} {...register('withInterpreter')} />
      <Textfield id={id('givenOn')} type="date" label={labels.givenOn} error={fieldErrorText(t, errors.givenOn)} {...register('givenOn')} />
      <div className="case-actions">
        <Button type="submit" variant="secondary" disabled={record.isPending} loading={record.isPending}>
          {t('cases.consents.record')}
        </Button>
      </div>
      <UnsavedChangesGuard when={isDirty} />
    </form>
  );
}
