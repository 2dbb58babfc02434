import { Button, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { SafetyPlanBodySchema, type Case } from '@lykt/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { fieldId } from '../../components/form/field-paths';
import { FormErrorSummary } from '../../components/form/form-error-summary';
import { UnsavedChangesGuard } from '../../components/form/unsaved-changes-guard';
import { useFormFeedback } from '../../components/form/use-form-feedback';
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
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isDirty },
  } = useForm<SafetyPlanBody>({ resolver: zodResolver(SafetyPlanBodySchema), defaultValues: { text: theCase.safetyPlan ?? '' }, shouldFocusError: false });
  const { feedback, onInvalid, onServerError } = useFormFeedback(setError, { fields: FIELDS });
  const labels = { text: t('cases.safetyPlan.label') };

  const submit = handleSubmit(
    (body) =>
      new Promise<void>((resolve) => {
        save.mutate(body.text, { onSuccess: () => reset(body), onError: onServerError, onSettled: () => resolve() });
      }),
    onInvalid,
  );

  return (
    <form className="case-form" noValidate onSubmit={(event) => void submit(event)}>
      <FormErrorSummary formId={FORM_ID} errors={errors} feedback={feedback} labels={labels} />
      <Textfield id={fieldId(FORM_ID, 'text')} multiline rows={4} label={labels.text} error={fieldErrorText(t, errors.text)} {...register('text')} />
      <div className="case-actions">
        <Button type="submit" variant="secondary" disabled={save.isPending} loading={save.isPending}>
          {t('cases.safetyPlan.save')}
        </Button>
      </div>
      <UnsavedChangesGuard when={isDirty} />
    </form>
  );
}
