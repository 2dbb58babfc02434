import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { User } from '@lykt/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { MutationError, SuccessMessage } from '../../components/load-state';
import { resetUserMfaMutationOptions, updateUserMutationOptions } from './mutations';

type Pending = 'deactivate' | 'mfa-reset' | null;

/** Deactivates or reactivates a user, and resets their MFA, each after a confirmation. */
export function UserAccess({ user }: { user: User }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const setActive = useMutation(updateUserMutationOptions(queryClient, user.id));
  const resetMfa = useMutation(resetUserMfaMutationOptions(queryClient, user.id));
  const [confirming, setConfirming] = useState<Pending>(null);
  const [done, setDone] = useState<string | null>(null);

  const deactivate = () => {
    setActive.mutate(
      { active: false },
      {
        onSuccess: () => {
          setConfirming(null);
          setDone(t('users.detail.deactivated'));
        },
      },
    );
  };
  const reactivate = () => {
    setActive.mutate(
      { active: true },
      {
        onSuccess: () => {
          setDone(t('users.detail.reactivated'));
        },
      },
    );
  };
  const confirmMfaReset = () => {
    resetMfa.mutate(undefined, {
      onSuccess: () => {
        setConfirming(null);
        setDone(t('users.detail.mfaResetDone'));
      },
    });
  };

  return (
    <section className="page-section" aria-labelledby="user-access">
      <Heading level={2} data-size="sm" id="user-access">
        {t('users.detail.access')}
      </Heading>
      <SuccessMessage>{done}</SuccessMessage>
      {confirming ? null : <MutationError error={setActive.error ?? resetMfa.error} />}
      <Paragraph>{user.active ? t('users.detail.activeText') : t('users.detail.inactiveText')}</Paragraph>
      <Paragraph>{user.mfaEnabled ? t('users.detail.mfaEnabled') : t('users.detail.mfaNotEnabled')}</Paragraph>
      <div className="button-row">
        {user.active ? (
          <Button
            variant="secondary"
            data-color="danger"
            onClick={() => {
              setConfirming('deactivate');
            }}
          >
            {t('users.detail.deactivate')}
          </Button>
        ) : (
          <Button variant="secondary" onClick={reactivate} loading={setActive.isPending} disabled={setActive.isPending}>
            {t('users.detail.reactivate')}
          </Button>
        )}
        {user.mfaEnabled ? (
          <Button
            variant="secondary"
            onClick={() => {
              setConfirming('mfa-reset');
            }}
          >
            {t('users.detail.mfaReset')}
          </Button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirming === 'deactivate'}
        title={t('users.detail.deactivateConfirmTitle', { name: user.name })}
        text={t('users.detail.deactivateConfirmText')}
        confirmLabel={t('users.detail.deactivateConfirm')}
        isPending={setActive.isPending}
        error={setActive.error}
        onConfirm={deactivate}
        onCancel={() => {
          setConfirming(null);
        }}
      />
      <ConfirmDialog
        open={confirming === 'mfa-reset'}
        title={t('users.detail.mfaResetConfirmTitle', { name: user.name })}
        text={t('users.detail.mfaResetConfirmText')}
        confirmLabel={t('users.detail.mfaResetConfirm')}
        isPending={resetMfa.isPending}
        error={resetMfa.error}
        onConfirm={confirmMfaReset}
        onCancel={() => {
          setConfirming(null);
        }}
      />
    </section>
  );
}
