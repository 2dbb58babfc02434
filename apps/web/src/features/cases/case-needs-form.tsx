import { Button, SelectOption, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { NEED_STATUSES, NeedBodySchema, type Case, type NeedStatus } from '@lykt/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormErrorSummary } from '../../components/form/form-error-summary';
import { UnsavedChangesGuard } from '../../components/form/unsaved-changes-guard';
import { useServerForm } from '../../components/form/use-server-form';
import { SelectField } from '../../components/select-field';
import { fieldErrorText } from '../../lib/error-text';
import { updateNeedMutationOptions } from './mutations';

type Need = Case['needs'][number];
type NeedBody = z.output<typeof NeedBodySchema>;

/** The need as the form holds it: the note as typed; an empty note becomes null for the shared NeedBodySchema. */
interface NeedFormValues {
  status: NeedStatus;
  note: string;
}

const FIELDS: readonly FieldPath<NeedFormValues>[] = ['status', 'note'];
const KINDS = { status: 'choice' } as const;

const schema = z
  .custom<NeedFormValues>()
  .transform((values): z.input<typeof NeedBodySchema> => ({ status: values.status, note: values.note.trim() === '' ? null : values.note }))
  .pipe(NeedBodySchema);

/** One need's status (and a note for the team), checked by the shared NeedBodySchema in the browser and on the server. */
export function CaseNeedForm({ theCase, need }: { theCase: Case; need: Need }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useMutation(updateNeedMutationOptions(queryClient, theCase.id));
  const label = t(`cases.values.needKinds.${need.kind}`);
  const { form, id, submitWith, summary } = useServerForm<NeedFormValues, NeedBody>({
    formId: `case-need-${need.kind}`,
    resolver: zodResolver(schema),
    defaultValues: { status: need.status, note: need.note ?? '' },
    fields: FIELDS,
  });
  const {
    register,
    reset,
    getValues,
    formState: { errors, isDirty },
  } = form;
  const labels = { status: t('cases.needs.status', { need: label }), note: t('cases.needs.note', { need: label }) };

  const submit = submitWith((body, callbacks) => update.mutate({ kind: need.kind, status: body.status, note: body.note }, { ...callbacks, onSuccess: () => reset(getValues()) }));

  return (
    <form className="case-form" noValidate onSubmit={(event) => void submit(event)}>
      <FormErrorSummary {...summary} labels={labels} kinds={KINDS} />
      <SelectField id={id('status')} label={labels.status} error={fieldErrorText(t, errors.status, 'choice')} {...register('status')}>
        {NEED_STATUSES.map((value) => (
          <SelectOption key={value} value={value}>
            {t(`cases.values.needStatuses.${value}`)}
          </SelectOption>
        ))}
      </SelectField>
      {theCase.abilities.readPersonalData ? <Textfield id={id('note')} multiline rows={2} label={labels.note} error={fieldErrorText(t, errors.note)} {...register('note')} /> : null}
      <div className="case-actions">
        <Button type="submit" variant="secondary" data-size="sm" disabled={update.isPending} loading={update.isPending}>
          {t('cases.needs.save', { need: label })}
        </Button>
      </div>
      <UnsavedChangesGuard when={isDirty} />
    </form>
  );
}
