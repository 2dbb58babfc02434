import { Button, SelectOption, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { TaskBodySchema, type Case } from '@lykt/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FormErrorSummary } from '../../components/form/form-error-summary';
import { UnsavedChangesGuard } from '../../components/form/unsaved-changes-guard';
import { useServerForm } from '../../components/form/use-server-form';
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
  const { form, id, submitWith, summary } = useServerForm<TaskBody>({
    formId: FORM_ID,
    resolver: zodResolver(TaskBodySchema),
    defaultValues: { title: '', ownerUserId: theCase.team[0]?.userId ?? '', dueOn: '' },
    fields: FIELDS,
  });
  const {
    register,
    reset,
    getValues,
    formState: { errors, isDirty },
  } = form;
  const labels = { title: t('cases.tasks.title'), ownerUserId: t('cases.tasks.owner'), dueOn: t('cases.tasks.dueOn') };

  // As before: once saved, the title is cleared and the owner and date stay for the next task.
  const submit = submitWith((body, callbacks) => add.mutate(body, { ...callbacks, onSuccess: () => reset({ ...getValues(), title: '' }) }));

  return (
    <form className="case-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormErrorSummary {...summary} labels={labels} kinds={{ ownerUserId: 'choice' }} />
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
