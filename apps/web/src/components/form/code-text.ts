import type { TFunction } from 'i18next';
import i18next from 'i18next';
import type { ApiError } from '../../api/client';

/**
 * Why the server refused a password. The server explains in English (with zxcvbn's advice), so
 * English readers get its message; others get a translation chosen by the reason in the details.
 */
export function weakPasswordText(t: TFunction, error: ApiError): string {
  if (i18next.resolvedLanguage === 'en' && error.message) return error.message;
  const details: unknown = error.details;
  const reason = typeof details === 'object' && details !== null && 'reason' in details ? details.reason : undefined;
  const minLength = typeof details === 'object' && details !== null && 'minLength' in details ? Number(details.minLength) : 12;
  if (reason === 'too_short') return t('validation.passwordTooShort', { minLength });
  if (reason === 'guessable') return t('validation.passwordGuessable');
  return t('errors.WEAK_PASSWORD');
}

/** The translated text of an error code shown on a field (WEAK_PASSWORD says what makes the password weak). */
export function codeFieldText(t: TFunction, error: ApiError): string {
  return error.code === 'WEAK_PASSWORD' ? weakPasswordText(t, error) : t(`errors.${error.code}`);
}
