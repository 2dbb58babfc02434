import { useCallback, useState } from 'react';
import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError, type ApiErrorCode } from '../../api/client';
import { codeFieldText } from './code-text';
import { placeServerIssues, type ServerPathOptions } from './field-paths';

/** What the error summary needs: which attempt failed, and any server error that belongs to no field. */
export interface FormFeedback {
  /** Increases with every failed submit; the summary takes focus when it changes. */
  failedAttempt: number;
  /** A server error that could not be placed on a field (shown in the summary). */
  formError: unknown;
}

export interface FormFeedbackOptions<T extends FieldValues> extends Omit<ServerPathOptions, 'fields'> {
  /** The form's fields the server may name (paths as the form registers them). */
  fields: readonly FieldPath<T>[];
  /** Translated texts for fields whose server error deserves more than the general text. */
  texts?: Partial<Record<FieldPath<T>, string>> | undefined;
  /** Error codes that belong to one field, whatever the details say (e.g. `{ EMAIL_TAKEN: 'email' }`); the field shows the code's translated text and takes focus (a form with the error summary moves focus on to the summary). */
  codeFields?: Partial<Record<ApiErrorCode, FieldPath<T>>> | undefined;
}

/**
 * Connects a react-hook-form form to the API's errors: every field the server names gets the error on
 * that field (via setError), whatever it cannot place is kept for the summary, and each failed submit,
 * by the browser's or the server's check, moves focus to the error summary. Values are never reset
 * by a failure, so nothing typed is lost.
 */
export function useFormFeedback<T extends FieldValues>(setError: UseFormSetError<T>, options: FormFeedbackOptions<T>) {
  const { t } = useTranslation();
  const [feedback, setFeedback] = useState<FormFeedback>({ failedAttempt: 0, formError: null });
  const { fields, prefix, aliases, texts, codeFields } = options;

  /** Call from handleSubmit's second argument: the browser-side check failed. */
  const onInvalid = useCallback(() => setFeedback((current) => ({ failedAttempt: current.failedAttempt + 1, formError: null })), []);

  /** Call with a mutation's error: places what it can on fields, keeps the rest for the summary. */
  const onServerError = useCallback(
    (error: unknown) => {
      const codeField = isApiError(error) ? codeFields?.[error.code] : undefined;
      if (codeField !== undefined && isApiError(error)) {
        setError(codeField, { type: 'server', message: codeFieldText(t, error) }, { shouldFocus: true });
        setFeedback((current) => ({ failedAttempt: current.failedAttempt + 1, formError: null }));
        return;
      }
      const { placed, hasUnplaced } = placeServerIssues(error, { fields, prefix, aliases });
      placed.forEach(({ field, code }, index) => {
        const path = field as FieldPath<T>;
        const message = texts?.[path] ?? (code === 'VALIDATION_ERROR' ? t('form.serverRejected') : t(`errors.${code}`));
        // The first field takes focus; a form with the error summary moves focus on to the summary.
        setError(path, { type: 'server', message }, { shouldFocus: index === 0 });
      });
      setFeedback((current) => ({ failedAttempt: current.failedAttempt + 1, formError: hasUnplaced ? error : null }));
    },
    [aliases, codeFields, fields, prefix, setError, t, texts],
  );

  const clear = useCallback(() => setFeedback((current) => ({ ...current, formError: null })), []);

  return { feedback, onInvalid, onServerError, clear };
}
