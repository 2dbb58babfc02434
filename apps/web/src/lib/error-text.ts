import type { TFunction } from 'i18next';
import type { FieldError } from 'react-hook-form';
import { isApiError } from '../api/client';

/** A translated, user-facing text for any error thrown by the API client or the app. */
export function errorText(t: TFunction, error: unknown): string {
  if (isApiError(error)) return t(`errors.${error.code}`);
  return t('errors.INTERNAL_ERROR');
}

/** What kind of value a field holds, to pick the right validation text. */
export type FieldKind = 'text' | 'email' | 'phone' | 'choice' | 'code' | 'password';

/**
 * A translated text for a react-hook-form field error. Zod's own messages are English, so the
 * issue code (which zodResolver puts in `type`) decides the text; errors set from server
 * responses carry their own, already translated message (type "server").
 */
export function fieldErrorText(t: TFunction, error: FieldError | undefined, kind: FieldKind = 'text'): string | undefined {
  if (!error) return undefined;
  if (error.type === 'server' && error.message) return error.message;
  if (kind === 'choice') return t('validation.choose');
  // zod issue codes, as zodResolver reports them.
  if (error.type === 'too_small' || error.type === 'invalid_type' || error.type === 'invalid_value') return t('validation.required');
  if (error.type === 'too_big') return t('validation.tooLong');
  if (error.type === 'invalid_format') {
    if (kind === 'email') return t('validation.email');
    if (kind === 'phone') return t('validation.phone');
    if (kind === 'code') return t('validation.code');
  }
  return t('validation.invalid');
}
