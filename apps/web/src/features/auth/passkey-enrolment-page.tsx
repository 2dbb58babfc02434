import { Button, Paragraph } from '@digdir/designsystemet-react';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading';
import { PasskeyRegisterForm } from './passkey-register-form';
import { useFinishSignIn } from './use-finish-sign-in';
import { useRestartSignIn } from './use-restart-sign-in';
import { useSignOut } from './use-sign-out';

const route = getRouteApi('/public/sign-in/passkey-enrolment');

/** Sign-in step for administrators and coordinators whose municipality requires a passkey they do not have yet. */
export function PasskeyEnrolmentPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const finishSignIn = useFinishSignIn();
  const { signOut, isPending: isSigningOut } = useSignOut();

  const restartSignIn = useRestartSignIn(search.redirect);

  return (
    <div className="narrow-page">
      <PageHeading>{t('passkeys.enrolment.title')}</PageHeading>
      <Paragraph>{t('passkeys.enrolment.intro')}</Paragraph>
      <PasskeyRegisterForm onDone={() => void finishSignIn(search.redirect)} onError={restartSignIn} />
      <div className="button-row">
        <Button type="button" variant="tertiary" onClick={signOut} disabled={isSigningOut}>
          {t('passkeys.enrolment.cancel')}
        </Button>
      </div>
    </div>
  );
}
