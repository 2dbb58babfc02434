import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { codeFieldText } from './code-text';

const t = ((key: string, options?: Record<string, unknown>) => (options ? `${key} ${JSON.stringify(options)}` : key)) as unknown as TFunction;

describe('codeFieldText', () => {
  it('gives the translated text of the code', () => {
    expect(codeFieldText(t, new ApiError('EMAIL_TAKEN', 409, 'Taken'))).toBe('errors.EMAIL_TAKEN');
  });
  it('says why a password is weak, from the reason the server gives', () => {
    expect(codeFieldText(t, new ApiError('WEAK_PASSWORD', 400, 'Too short', { reason: 'too_short', minLength: 14 }))).toBe('validation.passwordTooShort {"minLength":14}');
    expect(codeFieldText(t, new ApiError('WEAK_PASSWORD', 400, 'Guessable', { reason: 'guessable' }))).toBe('validation.passwordGuessable');
    expect(codeFieldText(t, new ApiError('WEAK_PASSWORD', 400, 'Weak'))).toBe('errors.WEAK_PASSWORD');
  });
});
