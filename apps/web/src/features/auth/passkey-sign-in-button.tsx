import { Button, Heading } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { passkeySignInMutationOptions } from './passkey-api';
import { PasskeyError } from './passkey-error';
import { useFinishSignIn } from './use-finish-sign-in';

/** Passwordless sign-in with a passkey, below the password form. */
export function PasskeySignInButton({ redirect }: { redirect: string | undefined }) {
  const { t } = useTranslation();
  const finishSignIn = useFinishSignIn();
  const signIn = useMutation(passkeySignInMutationOptions());
  return (
    <section className="page-section form-stack" aria-labelledby="passkey-sign-in">
      <Heading level={2} data-size="xs" id="passkey-sign-in">
        {t('passkeys.signIn.or')}
      </Heading>
      <PasskeyError error={signIn.error} />
      <div className="button-row">
        <Button
          type="button"
          variant="secondary"
          loading={signIn.isPending}
          disabled={signIn.isPending}
          onClick={() =>
            signIn.mutate(undefined, {
              onSuccess: () => void finishSignIn(redirect),
            })
          }
        >
          {t('passkeys.signIn.button')}
        </Button>
      </div>
    </section>
  );
}
