import { Button, Checkbox, Fieldset, FieldsetLegend, SelectOption, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { MEASURE_STATUSES, MeasureBodySchema, PLAN_AREA_CODES, type MeasureBody } from '@lykt/shared';
import { useQuery } from '@tanstack/react-query';
import { Controller, useForm, type DefaultValues, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useFormFeedback } from '../../components/form/use-form-feedback';
import { MutationError } from '../../components/load-state';
import { SelectField } from '../../components/select-field';
import { fieldErrorText } from '../../lib/error-text';
import { organisationsQueryOptions } from '../organisations/queries';

export type MeasureFormValues = z.input<typeof MeasureBodySchema>;

const FIELDS: readonly FieldPath<MeasureFormValues>[] = [
  'area',
  'parentId',
  'title',
  'description',
  'why',
  'ownerOrganisationId',
  'partnerOrganisationIds',
  'responsiblePerson',
  'startDate',
  'dueDate',
  'status',
  'progress',
  'weight',
];

const emptyToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
const numberOrNull = (value: unknown) => (value === '' || value === null || value === undefined || Number.isNaN(Number(value)) ? null : Number(value));

interface MeasureFormProps {
  defaultValues: DefaultValues<MeasureFormValues>;
  /** Measures that may be chosen as parent (same version). */
  parents: { id: string; area: string; title: string }[];
  submitLabel: string;
  isPending: boolean;
  /** Called with the body and a handler to pass the server's refusal to. */
  onSubmit: (body: MeasureBody, onServerError: (error: unknown) => void) => void;
}

/** Create and edit form for a measure or sub-measure of a draft plan. */
export function MeasureForm({ defaultValues, parents, submitLabel, isPending, onSubmit }: MeasureFormProps) {
  const { t } = useTranslation();
  const organisations = useQuery(organisationsQueryOptions(false));
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<MeasureFormValues, unknown, MeasureBody>({ resolver: zodResolver(MeasureBodySchema), defaultValues });

  /** Puts every refused field on its input; anything else shows in the alert above the form. */
  const { feedback, onServerError, clear } = useFormFeedback(setError, {
    fields: FIELDS,
    texts: {
      ownerOrganisationId: t('plans.form.chooseFromRegistry'),
      parentId: t('plans.form.badParent'),
      dueDate: t('plans.form.dueAfterStart'),
    },
  });
  const submit = (body: MeasureBody) => {
    clear();
    onSubmit(body, onServerError);
  };

  return (
    <form onSubmit={(event) => void handleSubmit(submit)(event)} noValidate className="form-stack">
      <MutationError error={feedback.formError} />
      <SelectField label={t('plans.form.area')} error={fieldErrorText(t, errors.area, 'choice')} {...register('area')}>
        {PLAN_AREA_CODES.map((code) => (
          <SelectOption key={code} value={code}>
            {t('plans.areaLabel', { code, name: t(`plans.areas.${code}`) })}
          </SelectOption>
        ))}
      </SelectField>
      <SelectField label={t('plans.form.parent')} description={t('plans.form.parentDescription')} error={fieldErrorText(t, errors.parentId, 'choice')} {...register('parentId', { setValueAs: emptyToNull })}>
        <SelectOption value="">{t('plans.form.noParent')}</SelectOption>
        {parents.map((parent) => (
          <SelectOption key={parent.id} value={parent.id}>
            {`${parent.area} – ${parent.title}`}
          </SelectOption>
        ))}
      </SelectField>
      <Textfield label={t('plans.form.title')} error={fieldErrorText(t, errors.title)} {...register('title')} />
      <Textfield multiline rows={3} label={t('plans.form.description')} error={fieldErrorText(t, errors.description)} {...register('description')} />
      <Textfield multiline rows={2} label={t('plans.form.why')} description={t('plans.form.whyDescription')} error={fieldErrorText(t, errors.why)} {...register('why')} />
      <SelectField label={t('plans.form.owner')} error={fieldErrorText(t, errors.ownerOrganisationId, 'choice')} {...register('ownerOrganisationId', { setValueAs: emptyToNull })}>
        <SelectOption value="">{t('plans.form.noOwner')}</SelectOption>
        {(organisations.data?.items ?? []).map((organisation) => (
          <SelectOption key={organisation.id} value={organisation.id}>
            {organisation.name}
          </SelectOption>
        ))}
      </SelectField>
      <Controller
        control={control}
        name="partnerOrganisationIds"
        render={({ field }) => {
          const value = field.value ?? [];
          return (
            <Fieldset>
              <FieldsetLegend>{t('plans.form.partners')}</FieldsetLegend>
              {(organisations.data?.items ?? []).map((organisation) => (
                <Checkbox
                  key={organisation.id}
                  label={organisation.name}
                  value={organisation.id}
                  checked={value.includes(organisation.id)}
                  onChange={(event) => field.onChange(event.currentTarget.checked ? [...value, organisation.id] : value.filter((id) => id !== organisation.id))}
                />
              ))}
            </Fieldset>
          );
        }}
      />
      <Textfield label={t('plans.form.responsible')} description={t('plans.form.responsibleDescription')} error={fieldErrorText(t, errors.responsiblePerson)} {...register('responsiblePerson')} />
      <div className="form-row">
        <Textfield type="date" label={t('plans.form.startDate')} error={fieldErrorText(t, errors.startDate)} {...register('startDate', { setValueAs: emptyToNull })} />
        <Textfield type="date" label={t('plans.form.dueDate')} error={fieldErrorText(t, errors.dueDate)} {...register('dueDate', { setValueAs: emptyToNull })} />
      </div>
      <SelectField label={t('plans.form.status')} error={fieldErrorText(t, errors.status, 'choice')} {...register('status')}>
        {MEASURE_STATUSES.map((status) => (
          <SelectOption key={status} value={status}>
            {t(`plans.status.${status}`)}
          </SelectOption>
        ))}
      </SelectField>
      <div className="form-row">
        <Textfield type="number" min={0} max={100} label={t('plans.form.progress')} description={t('plans.form.progressDescription')} error={fieldErrorText(t, errors.progress)} {...register('progress', { setValueAs: numberOrNull })} />
        <Textfield type="number" min={1} max={100} label={t('plans.form.weight')} description={t('plans.form.weightDescription')} error={fieldErrorText(t, errors.weight)} {...register('weight', { setValueAs: numberOrNull })} />
      </div>
      <div>
        <Button type="submit" disabled={isPending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
