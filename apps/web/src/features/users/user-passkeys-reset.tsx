import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { User } from '@lykt/shared';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { SuccessMessage } from '../../components/load-state';
import { resetUserPasskeysMutationOptions } from '../auth/passkey-api';

/** Recovery: an administrator removes all passkeys of a user who lost a device. */
export function UserPasskeysReset({ user }: { user: User }) {
  const { t } = useTranslation();
  const reset = useMutation(resetUserPasskeysMutationOptions());
  const [isConfirming, setIsConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section className="page-section form-stack" aria-labelledby="user-passkeys">
      <Heading level={2} data-size="sm" id="user-passkeys">
        {t('passkeys.users.heading')}
      </Heading>
      <Paragraph>{t('passkeys.users.intro')}</Paragraph>
      <SuccessMessage>{done}</SuccessMessage>
      <div className="button-row">
        <Button variant="secondary" data-color="danger" onClick={() => setIsConfirming(true)}>
          {t('passkeys.users.reset')}
        </Button>
      </div>
      <ConfirmDialog
        open={isConfirming}
        title={t('passkeys.users.confirm', { name: user.name })}
        text={t('passkeys.users.intro')}
        confirmLabel={t('passkeys.users.confirmButton')}
        isPending={reset.isPending}
        error={reset.error}
        onConfirm={() =>
          reset.mutate(user.id, {
            onSuccess: ({ removed }) => {
              setIsConfirming(false);
              setDone(t('passkeys.users.done', { count: removed }));
            },
          })
        }
        onCancel={() => setIsConfirming(false)}
      />
    </section>
  );
}
