import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EnrolmentStep } from './enrolment-step';
import { MfaEnrolment } from './mfa-enrolment';
import { PasskeyRegisterForm } from './passkey-register-form';

const route = getRouteApi('/public/sign-in/mfa-enrolment');

/** Sign-in step for users whose role requires MFA but who have not set it up yet. */
export function MfaEnrolmentPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  return (
    <EnrolmentStep title={t('auth.mfaEnrolment.title')} intro={t('auth.mfaEnrolment.intro')} cancelLabel={t('auth.mfaEnrolment.cancel')} redirect={search.redirect}>
      {({ finish, restart }) => (
        <>
          <MfaEnrolment headingLevel={2} onDone={finish} onError={restart} />
          <section className="page-section" aria-labelledby="mfa-enrolment-passkey">
            <Heading level={2} data-size="sm" id="mfa-enrolment-passkey">
              {t('passkeys.mfaEnrolmentAlternative.heading')}
            </Heading>
            <Paragraph>{t('passkeys.mfaEnrolmentAlternative.intro')}</Paragraph>
            <PasskeyRegisterForm onDone={finish} onError={restart} />
          </section>
        </>
      )}
    </EnrolmentStep>
  );
}
