import { ErrorSummary } from '@digdir/designsystemet-react';
import { useEffect, useRef, type ComponentRef, type MouseEvent } from 'react';
import type { FieldError, FieldErrors, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorText, fieldErrorText, type FieldKind } from '../../lib/error-text';
import { fieldId, flattenFieldErrors } from './field-paths';
import type { FormFeedback } from './use-form-feedback';

interface FormErrorSummaryProps<T extends FieldValues> {
  formId: string;
  errors: FieldErrors<T>;
  feedback: FormFeedback;
  /** The visible label of each field, by path; a field without a label is listed by the general text. */
  labels: Readonly<Record<string, string>>;
  /** Fields whose error text depends on what they hold (choices, e-mail, phone). */
  kinds?: Readonly<Record<string, FieldKind>> | undefined;
  /** The form's own text for a field's error, when it shows one on the field (the summary must say the same). */
  messageOf?: ((path: string, error: FieldError) => string | undefined) | undefined;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  const focusable = target.matches('input, select, textarea, button') ? target : target.querySelector<HTMLElement>('input, select, textarea, button');
  (focusable ?? target).focus();
}

/**
 * The list of what stops the form, above it: one link per field error (to the field), and any server
 * error that belongs to no field. It takes focus after every failed submit, so a keyboard or
 * screen-reader user hears what to fix; each link moves focus to its field.
 */
export function FormErrorSummary<T extends FieldValues>({ formId, errors, feedback, labels, kinds, messageOf }: FormErrorSummaryProps<T>) {
  const { t } = useTranslation();
  const summary = useRef<ComponentRef<typeof ErrorSummary>>(null);
  const fieldErrors = flattenFieldErrors(errors);
  const hasContent = fieldErrors.length > 0 || Boolean(feedback.formError);

  useEffect(() => {
    if (feedback.failedAttempt > 0) summary.current?.focus();
  }, [feedback.failedAttempt]);

  if (!hasContent) return null;
  return (
    <ErrorSummary ref={summary} tabIndex={-1}>
      <ErrorSummary.Heading>{t('form.summaryHeading')}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {feedback.formError ? <ErrorSummary.Item>{errorText(t, feedback.formError)}</ErrorSummary.Item> : null}
        {fieldErrors.map(({ path, error }) => {
          const id = fieldId(formId, path);
          const message = messageOf?.(path, error) ?? fieldErrorText(t, error, kinds?.[path]) ?? '';
          const label = labels[path];
          return (
            <ErrorSummary.Item key={path}>
              <ErrorSummary.Link href={`#${id}`} onClick={(event) => focusField(event, id)}>
                {label ? t('form.summaryItem', { label, message }) : message}
              </ErrorSummary.Link>
            </ErrorSummary.Item>
          );
        })}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
