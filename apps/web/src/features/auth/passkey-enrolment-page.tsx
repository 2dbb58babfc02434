import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EnrolmentStep } from './enrolment-step';
import { PasskeyRegisterForm } from './passkey-register-form';

const route = getRouteApi('/public/sign-in/passkey-enrolment');

/** Sign-in step for administrators and coordinators whose municipality requires a passkey they do not have yet. */
export function PasskeyEnrolmentPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  return (
    <EnrolmentStep title={t('passkeys.enrolment.title')} intro={t('passkeys.enrolment.intro')} cancelLabel={t('passkeys.enrolment.cancel')} redirect={search.redirect}>
      {({ finish, restart }) => <PasskeyRegisterForm onDone={finish} onError={restart} />}
    </EnrolmentStep>
  );
}
