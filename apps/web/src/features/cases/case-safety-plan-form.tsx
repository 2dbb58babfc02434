import { Button, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { SafetyPlanBodySchema, type Case } from '@lykt/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FormErrorSummary } from '../../components/form/form-error-summary';
import { UnsavedChangesGuard } from '../../components/form/unsaved-changes-guard';
import { useServerForm } from '../../components/form/use-server-form';
import { fieldErrorText } from '../../lib/error-text';
import { safetyPlanMutationOptions } from './mutations';

type SafetyPlanBody = z.infer<typeof SafetyPlanBodySchema>;
const FORM_ID = 'case-safety-plan';
const FIELDS: readonly FieldPath<SafetyPlanBody>[] = ['text'];

/** The case's safety plan, checked by the shared SafetyPlanBodySchema in the browser and on the server. */
export function CaseSafetyPlanForm({ theCase }: { theCase: Case }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation(safetyPlanMutationOptions(queryClient, theCase.id));
  const { form, id, submitWith, summary } = useServerForm<SafetyPlanBody>({
    formId: FORM_ID,
    resolver: zodResolver(SafetyPlanBodySchema),
    defaultValues: { text: theCase.safetyPlan ?? '' },
    fields: FIELDS,
  });
  const {
    register,
    reset,
    formState: { errors, isDirty },
  } = form;
  const labels = { text: t('cases.safetyPlan.label') };

  const submit = submitWith((body, callbacks) => save.mutate(body.text, { ...callbacks, onSuccess: () => reset(body) }));

  return (
    <form className="case-form" noValidate onSubmit={(event) => void submit(event)}>
      <FormErrorSummary {...summary} labels={labels} />
      <Textfield id={id('text')} multiline rows={4} label={labels.text} error={fieldErrorText(t, errors.text)} {...register('text')} />
      <div className="case-actions">
        <Button type="submit" variant="secondary" disabled={save.isPending} loading={save.isPending}>
          {t('cases.safetyPlan.save')}
        </Button>
      </div>
      <UnsavedChangesGuard when={isDirty} />
    </form>
  );
}
