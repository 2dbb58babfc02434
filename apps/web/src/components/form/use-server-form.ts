import { useCallback, useEffect, useRef } from 'react';
import { useForm, type DefaultValues, type FieldPath, type FieldValues, type Resolver } from 'react-hook-form';
import { fieldId } from './field-paths';
import { useFormFeedback, type FormFeedbackOptions } from './use-form-feedback';

/** What a save started by `submitWith` must call back: the server's refusal, and the end of the save either way. */
export interface SaveCallbacks {
  onError: (error: unknown) => void;
  onSettled: () => void;
  /**
   * Call first thing on success: what was typed is saved, so the form is no longer "changed" and the
   * unsaved-changes guard lets a navigation made in the same callback go without asking.
   */
  saved: () => void;
}

export interface ServerFormOptions<TValues extends FieldValues, TOutput> extends FormFeedbackOptions<TValues> {
  /** The prefix of every field id, so that the error summary can link to the fields. */
  formId: string;
  /** The shared zod schema's resolver (the same schema the server checks with). */
  resolver: Resolver<TValues, unknown, TOutput>;
  defaultValues: DefaultValues<TValues>;
}

/**
 * The set-up every form on the shared layer repeats: react-hook-form with the shared schema, focus
 * left to the error summary (not the first field), the server's errors placed on their fields, ids
 * the summary links to, and a submit handler that stays pending until the save is settled. Values are
 * never reset by a failure, so nothing typed is lost.
 */
export function useServerForm<TValues extends FieldValues, TOutput = TValues>(options: ServerFormOptions<TValues, TOutput>) {
  const { formId, resolver, defaultValues, ...feedbackOptions } = options;
  const form = useForm<TValues, unknown, TOutput>({ resolver, defaultValues, shouldFocusError: false });
  const { feedback, onInvalid, onServerError, clear } = useFormFeedback(form.setError, feedbackOptions);
  const id = useCallback((path: FieldPath<TValues>) => fieldId(formId, path), [formId]);
  const { isDirty } = form.formState;
  // Set when a save succeeds, so that a navigation in the same callback (before React renders the
  // form as unchanged) is not stopped; cleared as soon as something is changed again.
  const released = useRef(false);
  useEffect(() => {
    if (isDirty) released.current = false;
  }, [isDirty]);

  /** The form's submit handler: `send` starts the save with the checked body and passes on the callbacks. */
  const submitWith = (send: (body: TOutput, callbacks: SaveCallbacks) => void) =>
    form.handleSubmit(
      (body) =>
        new Promise<void>((resolve) => {
          clear();
          const saved = () => {
            released.current = true;
            form.reset(form.getValues());
          };
          send(body, { onError: onServerError, onSettled: () => resolve(), saved });
        }),
      onInvalid,
    );

  /** The props FormErrorSummary needs besides the labels. */
  const summary = { formId, errors: form.formState.errors, feedback };
  /** The props UnsavedChangesGuard needs. */
  const guard = { when: isDirty, released };

  return { form, feedback, onServerError, clear, id, submitWith, summary, guard };
}
