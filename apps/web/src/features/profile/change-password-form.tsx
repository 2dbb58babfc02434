import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { ChangePasswordBodySchema } from '@lykt/shared';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useFormFeedback } from '../../components/form/use-form-feedback';
import { MutationError, SuccessMessage } from '../../components/load-state';
import { fieldErrorText } from '../../lib/error-text';
import { changePasswordMutationOptions } from './mutations';

/** The API's schema plus a repeat of the new password, which never leaves the browser. */
const ChangePasswordFormSchema = ChangePasswordBodySchema.extend({ repeatPassword: z.string() }).refine(
  (values) => values.newPassword === values.repeatPassword,
  { path: ['repeatPassword'] },
);

/** Changes the user's own password. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useMutation(changePasswordMutationOptions());
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(ChangePasswordFormSchema),
    defaultValues: { currentPassword: '', newPassword: '', repeatPassword: '' },
  });
  const { feedback, onServerError, clear } = useFormFeedback(setError, {
    fields: ['currentPassword', 'newPassword'],
    texts: { currentPassword: t('validation.currentPasswordWrong') },
    codeFields: { WEAK_PASSWORD: 'newPassword' },
  });

  const onSubmit = handleSubmit(({ currentPassword, newPassword }) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          clear();
          reset();
        },
        onError: onServerError,
      },
    );
  });
  const repeatError =
    errors.repeatPassword?.type === 'custom' ? t('validation.passwordMismatch') : fieldErrorText(t, errors.repeatPassword, 'password');

  return (
    <section className="page-section" aria-labelledby="profile-password">
      <Heading level={2} data-size="sm" id="profile-password">
        {t('profile.password.heading')}
      </Heading>
      {/* Errors shown on a field are not repeated in an alert. */}
      <MutationError error={feedback.formError} />
      <SuccessMessage>{change.isSuccess ? t('profile.password.changed') : null}</SuccessMessage>
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="form-stack">
        <Textfield
          label={t('profile.password.current')}
          type="password"
          autoComplete="current-password"
          error={fieldErrorText(t, errors.currentPassword, 'password')}
          {...register('currentPassword')}
        />
        <Textfield
          label={t('profile.password.new')}
          description={t('profile.password.newDescription')}
          type="password"
          autoComplete="new-password"
          error={fieldErrorText(t, errors.newPassword, 'password')}
          {...register('newPassword')}
        />
        <Textfield
          label={t('profile.password.repeat')}
          type="password"
          autoComplete="new-password"
          error={repeatError}
          {...register('repeatPassword')}
        />
        <div className="button-row">
          <Button type="submit" loading={change.isPending} disabled={change.isPending}>
            {t('profile.password.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
