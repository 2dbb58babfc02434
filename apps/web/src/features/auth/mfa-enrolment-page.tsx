import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, isSessionLost } from '../../api/client';
import { PageHeading } from '../../components/page-heading';
import { MfaEnrolment } from './mfa-enrolment';
import { PasskeyRegisterForm } from './passkey-register-form';
import { useFinishSignIn } from './use-finish-sign-in';
import { useSignOut } from './use-sign-out';

const route = getRouteApi('/public/sign-in/mfa-enrolment');

/** Sign-in step for users whose role requires MFA but who have not set it up yet. */
export function MfaEnrolmentPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate();
  const finishSignIn = useFinishSignIn();
  const { signOut, isPending: isSigningOut } = useSignOut();

  const restartSignIn = useCallback(
    async (error: unknown) => {
      if (!isSessionLost(error) && !isApiError(error, 'MFA_NOT_PENDING')) return false;
      await navigate({ to: '/sign-in', search: { reason: 'expired', redirect: search.redirect } });
      return true;
    },
    [navigate, search.redirect],
  );

  return (
    <div className="narrow-page">
      <PageHeading>{t('auth.mfaEnrolment.title')}</PageHeading>
      <Paragraph>{t('auth.mfaEnrolment.intro')}</Paragraph>
      <MfaEnrolment headingLevel={2} onDone={() => finishSignIn(search.redirect)} onError={restartSignIn} />
      <section className="page-section" aria-labelledby="mfa-enrolment-passkey">
        <Heading level={2} data-size="sm" id="mfa-enrolment-passkey">
          {t('passkeys.mfaEnrolmentAlternative.heading')}
        </Heading>
        <Paragraph>{t('passkeys.mfaEnrolmentAlternative.intro')}</Paragraph>
        <PasskeyRegisterForm onDone={() => void finishSignIn(search.redirect)} onError={restartSignIn} />
      </section>
      <div className="button-row">
        <Button type="button" variant="tertiary" onClick={signOut} disabled={isSigningOut}>
          {t('auth.mfaEnrolment.cancel')}
        </Button>
      </div>
    </div>
  );
}
