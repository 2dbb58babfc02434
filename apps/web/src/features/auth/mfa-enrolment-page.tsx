import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading';
import { MfaEnrolment } from './mfa-enrolment';
import { PasskeyRegisterForm } from './passkey-register-form';
import { useFinishSignIn } from './use-finish-sign-in';
import { useRestartSignIn } from './use-restart-sign-in';
import { useSignOut } from './use-sign-out';

const route = getRouteApi('/public/sign-in/mfa-enrolment');

/** Sign-in step for users whose role requires MFA but who have not set it up yet. */
export function MfaEnrolmentPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const finishSignIn = useFinishSignIn();
  const { signOut, isPending: isSigningOut } = useSignOut();

  const restartSignIn = useRestartSignIn(search.redirect);

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
