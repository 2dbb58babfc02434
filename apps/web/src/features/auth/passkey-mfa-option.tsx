import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { MfaMethods } from '@lykt/shared';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { passkeySecondFactorMutationOptions } from './passkey-api';
import { PasskeyError } from './passkey-error';

/** On the MFA step: finish sign-in with a passkey, when the user has one. */
export function PasskeyMfaOption({ methods, onDone }: { methods: MfaMethods | undefined; onDone: () => void }) {
  const { t } = useTranslation();
  const verify = useMutation(passkeySecondFactorMutationOptions());
  if (!methods?.passkey) return null;
  return (
    <section className="page-section form-stack" aria-labelledby="passkey-mfa">
      <Heading level={2} data-size="xs" id="passkey-mfa">
        {t('passkeys.mfa.heading')}
      </Heading>
      <Paragraph>{t('passkeys.mfa.intro')}</Paragraph>
      <PasskeyError error={verify.error} />
      <div className="button-row">
        <Button type="button" loading={verify.isPending} disabled={verify.isPending} onClick={() => verify.mutate(undefined, { onSuccess: onDone })}>
          {t('passkeys.mfa.button')}
        </Button>
      </div>
      {methods.totp ? (
        <Heading level={2} data-size="xs">
          {t('passkeys.mfa.orCode')}
        </Heading>
      ) : null}
    </section>
  );
}
