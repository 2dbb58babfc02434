import { Button, Checkbox, Fieldset, FieldsetLegend, SelectOption, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { MEASURE_STATUSES, MeasureBodySchema, PLAN_AREA_CODES, type MeasureBody } from '@lykt/shared';
import { useQuery } from '@tanstack/react-query';
import { Controller, type DefaultValues, type FieldError, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FormErrorSummary } from '../../components/form/form-error-summary';
import { UnsavedChangesGuard } from '../../components/form/unsaved-changes-guard';
import { useServerForm, type SaveCallbacks } from '../../components/form/use-server-form';
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
const KINDS = { area: 'choice', parentId: 'choice', ownerOrganisationId: 'choice', status: 'choice' } as const;

const emptyToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
const numberOrNull = (value: unknown) => (value === '' || value === null || value === undefined || Number.isNaN(Number(value)) ? null : Number(value));

interface MeasureFormProps {
  defaultValues: DefaultValues<MeasureFormValues>;
  /** Measures that may be chosen as parent (same version). */
  parents: { id: string; area: string; title: string }[];
  submitLabel: string;
  isPending: boolean;
  /** Called with the body and the callbacks to pass to the save (`saved()` first thing on success). */
  onSubmit: (body: MeasureBody, callbacks: SaveCallbacks) => void;
}

/** Create and edit form for a measure or sub-measure of a draft plan. */
export function MeasureForm({ defaultValues, parents, submitLabel, isPending, onSubmit }: MeasureFormProps) {
  const { t } = useTranslation();
  const organisations = useQuery(organisationsQueryOptions(false));
  /** Puts every refused field on its input; the summary above the form lists them and anything else. */
  const { form, id, submitWith, summary, guard } = useServerForm<MeasureFormValues, MeasureBody>({
    formId: 'measure',
    resolver: zodResolver(MeasureBodySchema),
    defaultValues,
    fields: FIELDS,
    texts: {
      ownerOrganisationId: t('plans.form.chooseFromRegistry'),
      parentId: t('plans.form.badParent'),
      dueDate: t('plans.form.dueAfterStart'),
    },
  });
  const {
    register,
    control,
    formState: { errors },
  } = form;
  const labels = {
    area: t('plans.form.area'),
    parentId: t('plans.form.parent'),
    title: t('plans.form.title'),
    description: t('plans.form.description'),
    why: t('plans.form.why'),
    ownerOrganisationId: t('plans.form.owner'),
    partnerOrganisationIds: t('plans.form.partners'),
    responsiblePerson: t('plans.form.responsible'),
    startDate: t('plans.form.startDate'),
    dueDate: t('plans.form.dueDate'),
    status: t('plans.form.status'),
    progress: t('plans.form.progress'),
    weight: t('plans.form.weight'),
  };
  const submit = submitWith(onSubmit);
  /** The shared schema's date check has the same text as the server's, on the field and in the summary. */
  const messageOf = (path: string, error: FieldError) => (path === 'dueDate' && error.type === 'custom' ? t('plans.form.dueAfterStart') : undefined);

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="form-stack">
      <FormErrorSummary {...summary} labels={labels} kinds={KINDS} messageOf={messageOf} />
      <SelectField id={id('area')} label={labels.area} error={fieldErrorText(t, errors.area, 'choice')} {...register('area')}>
        {PLAN_AREA_CODES.map((code) => (
          <SelectOption key={code} value={code}>
            {t('plans.areaLabel', { code, name: t(`plans.areas.${code}`) })}
          </SelectOption>
        ))}
      </SelectField>
      <SelectField id={id('parentId')} label={labels.parentId} description={t('plans.form.parentDescription')} error={fieldErrorText(t, errors.parentId, 'choice')} {...register('parentId', { setValueAs: emptyToNull })}>
        <SelectOption value="">{t('plans.form.noParent')}</SelectOption>
        {parents.map((parent) => (
          <SelectOption key={parent.id} value={parent.id}>
            {`${parent.area} – ${parent.title}`}
          </SelectOption>
        ))}
      </SelectField>
      <Textfield id={id('title')} label={labels.title} error={fieldErrorText(t, errors.title)} {...register('title')} />
      <Textfield id={id('description')} multiline rows={3} label={labels.description} error={fieldErrorText(t, errors.description)} {...register('description')} />
      <Textfield id={id('why')} multiline rows={2} label={labels.why} description={t('plans.form.whyDescription')} error={fieldErrorText(t, errors.why)} {...register('why')} />
      <SelectField id={id('ownerOrganisationId')} label={labels.ownerOrganisationId} error={fieldErrorText(t, errors.ownerOrganisationId, 'choice')} {...register('ownerOrganisationId', { setValueAs: emptyToNull })}>
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
            <Fieldset id={id('partnerOrganisationIds')}>
              <FieldsetLegend>{labels.partnerOrganisationIds}</FieldsetLegend>
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
      <Textfield id={id('responsiblePerson')} label={labels.responsiblePerson} description={t('plans.form.responsibleDescription')} error={fieldErrorText(t, errors.responsiblePerson)} {...register('responsiblePerson')} />
      <div className="form-row">
        <Textfield id={id('startDate')} type="date" label={labels.startDate} error={fieldErrorText(t, errors.startDate)} {...register('startDate', { setValueAs: emptyToNull })} />
        <Textfield id={id('dueDate')} type="date" label={labels.dueDate} error={errors.dueDate ? (messageOf('dueDate', errors.dueDate) ?? fieldErrorText(t, errors.dueDate)) : undefined} {...register('dueDate', { setValueAs: emptyToNull })} />
      </div>
      <SelectField id={id('status')} label={labels.status} error={fieldErrorText(t, errors.status, 'choice')} {...register('status')}>
        {MEASURE_STATUSES.map((status) => (
          <SelectOption key={status} value={status}>
            {t(`plans.status.${status}`)}
          </SelectOption>
        ))}
      </SelectField>
      <div className="form-row">
        <Textfield id={id('progress')} type="number" min={0} max={100} label={labels.progress} description={t('plans.form.progressDescription')} error={fieldErrorText(t, errors.progress)} {...register('progress', { setValueAs: numberOrNull })} />
        <Textfield id={id('weight')} type="number" min={1} max={100} label={labels.weight} description={t('plans.form.weightDescription')} error={fieldErrorText(t, errors.weight)} {...register('weight', { setValueAs: numberOrNull })} />
      </div>
      <div>
        <Button type="submit" disabled={isPending}>
          {submitLabel}
        </Button>
      </div>
      <UnsavedChangesGuard {...guard} />
    </form>
  );
}
