import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { MeResponse, Passkey } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { LoadError, Loading, MutationError, SuccessMessage } from '../../components/load-state';
import { passkeysQueryOptions, removePasskeyMutationOptions, renamePasskeyMutationOptions } from '../auth/passkey-api';
import { PasskeyRegisterForm } from '../auth/passkey-register-form';
import { formatDate as formatDay } from '../../lib/format';

/** The user's passkeys: list, name, remove (after a recent sign-in) and add. */
export function ProfilePasskeys({ me }: { me: MeResponse }) {
  const { t, i18n } = useTranslation();
  const passkeys = useQuery(passkeysQueryOptions());
  const [message, setMessage] = useState<string | null>(null);
  const [isAdding, setIsAdding] = useState(false);
  const formatDate = (iso: string) => formatDay(iso, i18n.language);

  return (
    <section className="page-section form-stack" aria-labelledby="profile-passkeys">
      <Heading level={2} data-size="sm" id="profile-passkeys">
        {t('passkeys.profile.heading')}
      </Heading>
      <Paragraph>{t('passkeys.profile.intro')}</Paragraph>
      {me.user.passkeyRequired ? (
        <Alert data-color="info">
          <Paragraph>{t('passkeys.profile.required')}</Paragraph>
        </Alert>
      ) : null}
      <SuccessMessage>{message}</SuccessMessage>
      {passkeys.isPending ? <Loading /> : null}
      {passkeys.isError ? <LoadError error={passkeys.error} onRetry={() => void passkeys.refetch()} /> : null}
      {passkeys.data ? (
        <>
          {passkeys.data.canRemove ? null : (
            <Alert data-color="info">
              <Paragraph>{t('passkeys.profile.signInAgain')}</Paragraph>
            </Alert>
          )}
          {passkeys.data.items.length === 0 ? (
            <Paragraph>{t('passkeys.profile.none')}</Paragraph>
          ) : (
            <ul className="form-stack" aria-label={t('passkeys.profile.listLabel')}>
              {passkeys.data.items.map((passkey) => (
                <PasskeyItem key={passkey.id} passkey={passkey} canRemove={passkeys.data.canRemove} formatDate={formatDate} onChanged={setMessage} />
              ))}
            </ul>
          )}
          {passkeys.data.canRemove ? (
            isAdding ? (
              <PasskeyRegisterForm
                onDone={() => {
                  setIsAdding(false);
                  setMessage(t('passkeys.register.done'));
                }}
              />
            ) : (
              <div className="button-row">
                <Button
                  variant="secondary"
                  onClick={() => {
                    setMessage(null);
                    setIsAdding(true);
                  }}
                >
                  {t('passkeys.profile.add')}
                </Button>
              </div>
            )
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function PasskeyItem({
  passkey,
  canRemove,
  formatDate,
  onChanged,
}: {
  passkey: Passkey;
  canRemove: boolean;
  formatDate: (iso: string) => string;
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const rename = useMutation(renamePasskeyMutationOptions(queryClient));
  const remove = useMutation(removePasskeyMutationOptions(queryClient));
  const [isRenaming, setIsRenaming] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  const [name, setName] = useState(passkey.name);

  return (
    <li className="form-stack">
      <Heading level={3} data-size="xs">
        {passkey.name}
      </Heading>
      <Paragraph data-size="sm">
        {t('passkeys.profile.created', { date: formatDate(passkey.createdAt) })} ·{' '}
        {passkey.lastUsedAt
          ? t('passkeys.profile.lastUsed', {
              date: formatDate(passkey.lastUsedAt),
            })
          : t('passkeys.profile.neverUsed')}
        {passkey.isSynced ? ` · ${t('passkeys.profile.synced')}` : ''}
      </Paragraph>
      <MutationError error={rename.error ?? (isConfirming ? null : remove.error)} />
      {isRenaming ? (
        <form
          className="form-stack"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            rename.mutate(
              { id: passkey.id, name },
              {
                onSuccess: () => {
                  setIsRenaming(false);
                  onChanged(t('passkeys.profile.renamed'));
                },
              },
            );
          }}
        >
          <Textfield
            label={t('passkeys.profile.renameLabel', { name: passkey.name })}
            autoComplete="off"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <div className="button-row">
            <Button type="submit" loading={rename.isPending} disabled={rename.isPending}>
              {t('passkeys.profile.save')}
            </Button>
            <Button type="button" variant="tertiary" onClick={() => setIsRenaming(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          <Button variant="secondary" data-size="sm" onClick={() => setIsRenaming(true)}>
            {t('passkeys.profile.rename')}
          </Button>
          {canRemove ? (
            <Button variant="tertiary" data-color="danger" data-size="sm" onClick={() => setIsConfirming(true)}>
              {t('passkeys.profile.remove')}
            </Button>
          ) : null}
        </div>
      )}
      <ConfirmDialog
        open={isConfirming}
        title={t('passkeys.profile.remove')}
        text={t('passkeys.profile.removeConfirm', { name: passkey.name })}
        confirmLabel={t('passkeys.profile.confirmRemove')}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(passkey.id, {
            onSuccess: () => {
              setIsConfirming(false);
              onChanged(t('passkeys.profile.removed'));
            },
          })
        }
        onCancel={() => setIsConfirming(false)}
      />
    </li>
  );
}
