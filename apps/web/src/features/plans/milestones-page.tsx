import { Button, Fieldset, FieldsetLegend, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { MilestoneInputSchema, type MeasureBody, type MeasureDetail } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useRef } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import './plans.css';
import { LoadError, Loading, MutationError } from '../../components/load-state';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { PageHeading } from '../../components/page-heading';
import { fieldErrorText } from '../../lib/error-text';
import { updateMeasureMutationOptions } from './mutations';
import { measureQueryOptions } from './queries';

const route = getRouteApi('/signed-in/measures/$measureId/milestones');

/** Empty optional date fields are sent as null, as the contract expects. */
const emptyToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

const MilestonesFormSchema = z.object({ milestones: z.array(MilestoneInputSchema).max(30) });
type MilestonesFormValues = z.input<typeof MilestonesFormSchema>;
type MilestonesFormOutput = z.output<typeof MilestonesFormSchema>;

/** The milestones of a measure in a draft version: add, change, mark done and remove. */
export function MilestonesPage() {
  const { t } = useTranslation();
  const { measureId } = route.useParams();
  const detail = useQuery(measureQueryOptions(measureId));
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  const data = detail.data;
  return (
    <div className="page-stack narrow-page">
      <Breadcrumbs
        trail={[
          { label: t('plans.title'), to: '/plans' },
          { label: data.measure.title, to: `/measures/${encodeURIComponent(measureId)}` },
        ]}
        current={t('plans.milestonesEdit.title', { title: data.measure.title })}
      />
      <PageHeading>{t('plans.milestonesEdit.title', { title: data.measure.title })}</PageHeading>
      {data.editable ? <MilestonesForm data={data} /> : <Paragraph>{t('plans.milestonesEdit.frozen')}</Paragraph>}
    </div>
  );
}

function MilestonesForm({ data }: { data: MeasureDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const update = useMutation(updateMeasureMutationOptions(queryClient, data.measure.id));
  const addButton = useRef<HTMLButtonElement>(null);
  const measure = data.measure;
  const {
    register,
    control,
    handleSubmit,
    setFocus,
    formState: { errors },
  } = useForm<MilestonesFormValues, unknown, MilestonesFormOutput>({
    resolver: zodResolver(MilestonesFormSchema),
    defaultValues: { milestones: measure.milestones.map((milestone) => ({ id: milestone.id, title: milestone.title, dueDate: milestone.dueDate, doneOn: milestone.doneOn })) },
  });
  const rows = useFieldArray({ control, name: 'milestones' });

  const submit = (values: MilestonesFormOutput) => {
    // The measure's other fields are sent as they are: this page changes only its milestones.
    const body: MeasureBody = {
      area: measure.area,
      parentId: measure.parentId,
      title: measure.title,
      description: measure.description,
      why: measure.why,
      ownerOrganisationId: measure.ownerOrganisation?.id ?? null,
      partnerOrganisationIds: measure.partnerOrganisations.map((organisation) => organisation.id),
      responsiblePerson: measure.responsiblePerson,
      startDate: measure.startDate,
      dueDate: measure.dueDate,
      status: measure.status,
      progress: measure.progress,
      weight: measure.weight,
      milestones: values.milestones,
    };
    update.mutate(body, { onSuccess: () => void navigate({ to: '/measures/$measureId', params: { measureId: measure.id }, state: { flash: t('plans.milestonesEdit.saved') } }) });
  };

  const remove = (index: number) => {
    rows.remove(index);
    addButton.current?.focus();
  };

  return (
    <form onSubmit={(event) => void handleSubmit(submit)(event)} noValidate className="form-stack">
      <Paragraph>{t('plans.milestonesEdit.intro')}</Paragraph>
      <MutationError error={update.error} />
      {rows.fields.length === 0 ? <Paragraph>{t('plans.milestonesEdit.none')}</Paragraph> : null}
      {rows.fields.map((row, index) => (
        <Fieldset key={row.id} className="milestone-row">
          <FieldsetLegend>{t('plans.milestonesEdit.legend', { number: index + 1 })}</FieldsetLegend>
          <Textfield label={t('plans.milestonesEdit.milestoneTitle')} error={fieldErrorText(t, errors.milestones?.[index]?.title)} {...register(`milestones.${index}.title`)} />
          <div className="form-row">
            <Textfield type="date" label={t('plans.milestonesEdit.dueDate')} error={fieldErrorText(t, errors.milestones?.[index]?.dueDate)} {...register(`milestones.${index}.dueDate`)} />
            <Textfield
              type="date"
              label={t('plans.milestonesEdit.doneOn')}
              description={t('plans.milestonesEdit.doneOnDescription')}
              error={fieldErrorText(t, errors.milestones?.[index]?.doneOn)}
              {...register(`milestones.${index}.doneOn`, { setValueAs: emptyToNull })}
            />
          </div>
          <div>
            <Button type="button" variant="tertiary" data-color="danger" onClick={() => remove(index)}>
              {t('plans.milestonesEdit.remove', { number: index + 1 })}
            </Button>
          </div>
        </Fieldset>
      ))}
      <div>
        <Button
          ref={addButton}
          type="button"
          variant="secondary"
          disabled={rows.fields.length >= 30}
          onClick={() => {
            rows.append({ title: '', dueDate: '', doneOn: null }, { shouldFocus: false });
            setTimeout(() => setFocus(`milestones.${rows.fields.length}.title`), 0);
          }}
        >
          {t('plans.milestonesEdit.add')}
        </Button>
      </div>
      <div>
        <Button type="submit" disabled={update.isPending}>
          {t('plans.milestonesEdit.save')}
        </Button>
      </div>
    </form>
  );
}
