import { Button, SelectOption, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { TaskBodySchema, type Case } from '@lykt/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { fieldId } from '../../components/form/field-paths';
import { FormErrorSummary } from '../../components/form/form-error-summary';
import { UnsavedChangesGuard } from '../../components/form/unsaved-changes-guard';
import { useFormFeedback } from '../../components/form/use-form-feedback';
import { SelectField } from '../../components/select-field';
import { fieldErrorText } from '../../lib/error-text';
import { addTaskMutationOptions } from './mutations';

type TaskBody = z.infer<typeof TaskBodySchema>;
const FORM_ID = 'case-task';
const FIELDS: readonly FieldPath<TaskBody>[] = ['title', 'ownerUserId', 'dueOn'];

/** Adds a task for a member of the case team, checked by the shared TaskBodySchema in the browser and on the server. */
export function CaseTaskForm({ theCase }: { theCase: Case }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const add = useMutation(addTaskMutationOptions(queryClient, theCase.id));
  const {
    register,
    handleSubmit,
    setError,
    reset,
    getValues,
    formState: { errors, isDirty },
  } = useForm<TaskBody>({ resolver: zodResolver(TaskBodySchema), defaultValues: { title: '', ownerUserId: theCase.team[0]?.userId ?? '', dueOn: '' }, shouldFocusError: false });
  const { feedback, onInvalid, onServerError } = useFormFeedback(setError, { fields: FIELDS });
  const labels = { title: t('cases.tasks.title'), ownerUserId: t('cases.tasks.owner'), dueOn: t('cases.tasks.dueOn') };
  const id = (path: FieldPath<TaskBody>) => fieldId(FORM_ID, path);

  const submit = handleSubmit(
    (body) =>
      new Promise<void>((resolve) => {
        // As before: once saved, the title is cleared and the owner and date stay for the next task.
        add.mutate(body, { onSuccess: () => reset({ ...getValues(), title: '' }), onError: onServerError, onSettled: () => resolve() });
      }),
    onInvalid,
  );

  return (
    <form className="case-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormErrorSummary formId={FORM_ID} errors={errors} feedback={feedback} labels={labels} kinds={{ ownerUserId: 'choice' }} />
      <Textfield id={id('title')} label={labels.title} error={fieldErrorText(t, errors.title)} {...register('title')} />
      <SelectField id={id('ownerUserId')} label={labels.ownerUserId} error={fieldErrorText(t, errors.ownerUserId, 'choice')} {...register('ownerUserId')}>
        {theCase.team.map((member) => (
          <SelectOption key={member.userId} value={member.userId}>
            {member.name}
          </SelectOption>
        ))}
      </SelectField>
      <Textfield id={id('dueOn')} type="date" label={labels.dueOn} error={fieldErrorText(t, errors.dueOn)} {...register('dueOn')} />
      <div className="case-actions">
        <Button type="submit" variant="secondary" disabled={add.isPending} loading={add.isPending}>
          {t('cases.tasks.add')}
        </Button>
      </div>
      <UnsavedChangesGuard when={isDirty} />
    </form>
  );
}
