import { Button, Paragraph } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { MfaCodeBodySchema } from '@lykt/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError, isSessionLost } from '../../api/client';
import { useFormFeedback } from '../../components/form/use-form-feedback';
import { MutationError } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { fieldErrorText } from '../../lib/error-text';
import { MfaCodeField } from './mfa-code-field';
import { verifyMfaMutationOptions } from './mutations';
import { mfaMethodsQueryOptions } from './passkey-api';
import { PasskeyMfaOption } from './passkey-mfa-option';
import { useFinishSignIn } from './use-finish-sign-in';
import { useSignOut } from './use-sign-out';

const route = getRouteApi('/public/sign-in/mfa');

/** Step two of signing in for users with MFA: the code from the authenticator app. */
export function MfaChallengePage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate();
  const finishSignIn = useFinishSignIn();
  const { signOut, isPending: isSigningOut } = useSignOut();
  const verify = useMutation(verifyMfaMutationOptions());
  const methods = useQuery(mfaMethodsQueryOptions());
  // One field: no error summary; the field itself takes focus on an error (react-hook-form's
  // shouldFocusError, and codeFields for the server's INVALID_MFA_CODE). Source: Nav's Aksel,
  // «Mønster for skjemavalidering» (aksel.nav.no, updated 9 May 2025, checked 2026-12-05): the error
  // summary is not needed when a page never has more than one form field; then that field takes focus.
  // No unsaved-changes guard: the code is six digits the server accepts for at most 90 seconds (30 s
  // steps, one step either side: apps/api/src/platform/totp.ts), so nothing worth keeping is lost.
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm({ resolver: zodResolver(MfaCodeBodySchema), defaultValues: { code: '' } });
  const { feedback, onServerError } = useFormFeedback(setError, { fields: ['code'], codeFields: { INVALID_MFA_CODE: 'code' } });

  const onSubmit = handleSubmit((values) => {
    verify.mutate(values, {
      onSuccess: () => void finishSignIn(search.redirect),
      onError: (error) => {
        // The half-finished sign-in is gone (timed out or never started): start again.
        if (isSessionLost(error) || isApiError(error, 'MFA_NOT_PENDING')) {
          void navigate({ to: '/sign-in', search: { reason: 'expired', redirect: search.redirect } });
          return;
        }
        onServerError(error);
      },
    });
  });

  return (
    <div className="narrow-page">
      <PageHeading>{t('auth.mfaChallenge.title')}</PageHeading>
      <Paragraph>{t('auth.mfaChallenge.intro')}</Paragraph>
      <PasskeyMfaOption methods={methods.data} onDone={() => void finishSignIn(search.redirect)} />
      {/* Errors shown on the field are not repeated in an alert. */}
      <MutationError error={feedback.formError} />
      {/* Under the passkey rule, a user with a passkey may not use a code. */}
      {methods.data?.totp === false ? null : (
        <form onSubmit={(event) => void onSubmit(event)} noValidate className="form-stack">
          <MfaCodeField
            label={t('auth.mfaChallenge.code')}
            description={t('auth.mfaChallenge.codeDescription')}
            error={fieldErrorText(t, errors.code, 'code')}
            {...register('code')}
          />
          <div className="button-row">
            <Button type="submit" loading={verify.isPending} disabled={verify.isPending}>
              {t('auth.mfaChallenge.submit')}
            </Button>
          </div>
        </form>
      )}
      <div className="button-row">
        <Button type="button" variant="tertiary" onClick={signOut} disabled={isSigningOut}>
          {t('auth.mfaChallenge.cancel')}
        </Button>
      </div>
    </div>
  );
}
