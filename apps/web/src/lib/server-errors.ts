import type { TFunction } from 'i18next';
import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { isApiError, type ApiErrorCode } from '../api/client';
import { codeFieldText } from '../components/form/code-text';

/** Which form field a server error code belongs to; the message comes from the translations. */
export type ServerFieldMap<T extends FieldValues> = Partial<Record<ApiErrorCode, FieldPath<T>>>;

/** Translated texts for fields the server may name in a VALIDATION_ERROR's details. */
export type ValidationFieldTexts<T extends FieldValues> = Partial<Record<FieldPath<T>, string>>;

interface FieldIssue {
  field: string;
}

function isFieldIssue(value: unknown): value is FieldIssue {
  return typeof value === 'object' && value !== null && 'field' in value && typeof value.field === 'string';
}

/**
 * Puts a server error on the field it belongs to (e.g. EMAIL_TAKEN on the e-mail field).
 * WEAK_PASSWORD shows the server's own explanation, which says what makes the password weak.
 * A VALIDATION_ERROR whose details name fields listed in `validationTexts` marks those fields.
 * Returns true when the error was placed on a field, false when the caller should show it in an alert.
 */
export function applyServerError<T extends FieldValues>(
  t: TFunction,
  error: unknown,
  setError: UseFormSetError<T>,
  fields: ServerFieldMap<T>,
  validationTexts: ValidationFieldTexts<T> = {},
): boolean {
  if (!isApiError(error)) return false;
  if (error.code === 'VALIDATION_ERROR' && Array.isArray(error.details)) {
    const named = error.details.filter(isFieldIssue).flatMap((issue) => {
      const text = (validationTexts as Record<string, string | undefined>)[issue.field];
      return text ? [{ field: issue.field as FieldPath<T>, text }] : [];
    });
    named.forEach(({ field, text }, index) => {
      setError(field, { type: 'server', message: text }, { shouldFocus: index === 0 });
    });
    if (named.length > 0) return true;
  }
  const field = fields[error.code];
  if (!field) return false;
  setError(field, { type: 'server', message: codeFieldText(t, error) }, { shouldFocus: true });
  return true;
}
