import { Button, Textfield } from '@digdir/designsystemet-react';
import { RenamePasskeyBodySchema, type SessionState } from '@lykt/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from '../../lib/error-text';
import { registerPasskeyMutationOptions } from './passkey-api';
import { PasskeyError } from './passkey-error';

/** Names and registers a passkey on this device; used on the profile and as a sign-in step. */
export function PasskeyRegisterForm({ onDone, onError }: { onDone: (state: SessionState) => void; onError?: (error: unknown) => Promise<boolean> }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const registration = useMutation(registerPasskeyMutationOptions(queryClient));
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(RenamePasskeyBodySchema),
    defaultValues: { name: t('passkeys.register.defaultName') },
  });

  const onSubmit = handleSubmit((values) => {
    registration.mutate(values.name, {
      onSuccess: ({ state }) => {
        reset();
        onDone(state);
      },
      onError: (error) => void onError?.(error),
    });
  });

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="form-stack">
      <PasskeyError error={registration.error} />
      <Textfield
        label={t('passkeys.register.name')}
        description={t('passkeys.register.nameDescription')}
        autoComplete="off"
        error={fieldErrorText(t, errors.name)}
        {...register('name')}
      />
      <div className="button-row">
        <Button type="submit" loading={registration.isPending} disabled={registration.isPending}>
          {t('passkeys.register.submit')}
        </Button>
      </div>
    </form>
  );
}
