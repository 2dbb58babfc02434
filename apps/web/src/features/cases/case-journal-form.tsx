import { Button, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { JournalBodySchema, type Case } from '@lykt/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FormErrorSummary } from '../../components/form/form-error-summary';
import { UnsavedChangesGuard } from '../../components/form/unsaved-changes-guard';
import { useServerForm } from '../../components/form/use-server-form';
import { fieldErrorText } from '../../lib/error-text';
import { todayInputValue } from '../../lib/format';
import { addJournalMutationOptions } from './mutations';

type JournalBody = z.infer<typeof JournalBodySchema>;
const FORM_ID = 'case-journal';
const FIELDS: readonly FieldPath<JournalBody>[] = ['entryDate', 'text'];

/** Adds a journal entry to the case, checked by the shared JournalBodySchema in the browser and on the server. */
export function CaseJournalForm({ theCase }: { theCase: Case }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const add = useMutation(addJournalMutationOptions(queryClient, theCase.id));
  const { form, id, submitWith, summary } = useServerForm<JournalBody>({
    formId: FORM_ID,
    resolver: zodResolver(JournalBodySchema),
    defaultValues: { entryDate: todayInputValue(), text: '' },
    fields: FIELDS,
  });
  const {
    register,
    reset,
    getValues,
    formState: { errors, isDirty },
  } = form;
  const labels = { entryDate: t('cases.journal.entryDate'), text: t('cases.journal.text') };

  // The date stays for the next entry; the text is cleared once saved.
  const submit = submitWith((body, callbacks) => add.mutate(body, { ...callbacks, onSuccess: () => reset({ entryDate: getValues('entryDate'), text: '' }) }));

  return (
    <form className="case-form" noValidate onSubmit={(event) => void submit(event)}>
      <FormErrorSummary {...summary} labels={labels} />
      <Textfield id={id('entryDate')} type="date" label={labels.entryDate} error={fieldErrorText(t, errors.entryDate)} {...register('entryDate')} />
      <Textfield id={id('text')} multiline rows={3} label={labels.text} error={fieldErrorText(t, errors.text)} {...register('text')} />
      <div className="case-actions">
        <Button type="submit" variant="secondary" disabled={add.isPending} loading={add.isPending}>
          {t('cases.journal.add')}
        </Button>
      </div>
      <UnsavedChangesGuard when={isDirty} />
    </form>
  );
}
