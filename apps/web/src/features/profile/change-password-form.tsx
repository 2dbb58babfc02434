import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { ChangePasswordBodySchema } from '@lykt/shared';
import { useMutation } from '@tanstack/react-query';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormErrorSummary } from '../../components/form/form-error-summary';
import { UnsavedChangesGuard } from '../../components/form/unsaved-changes-guard';
import { useServerForm } from '../../components/form/use-server-form';
import { SuccessMessage } from '../../components/load-state';
import { fieldErrorText } from '../../lib/error-text';
import { changePasswordMutationOptions } from './mutations';

/** The API's schema plus a repeat of the new password, which never leaves the browser. */
const ChangePasswordFormSchema = ChangePasswordBodySchema.extend({ repeatPassword: z.string() }).refine(
  (values) => values.newPassword === values.repeatPassword,
  { path: ['repeatPassword'] },
);
type ChangePasswordValues = z.input<typeof ChangePasswordFormSchema>;
const KINDS = { currentPassword: 'password', newPassword: 'password', repeatPassword: 'password' } as const;

/** Changes the user's own password. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useMutation(changePasswordMutationOptions());
  const { form, id, submitWith, summary, guard } = useServerForm<ChangePasswordValues>({
    formId: 'change-password',
    resolver: zodResolver(ChangePasswordFormSchema),
    defaultValues: { currentPassword: '', newPassword: '', repeatPassword: '' },
    fields: ['currentPassword', 'newPassword'],
    texts: { currentPassword: t('validation.currentPasswordWrong') },
    codeFields: { WEAK_PASSWORD: 'newPassword' },
  });
  const {
    register,
    reset,
    formState: { errors },
  } = form;
  const labels = { currentPassword: t('profile.password.current'), newPassword: t('profile.password.new'), repeatPassword: t('profile.password.repeat') };

  const onSubmit = submitWith(({ currentPassword, newPassword }, callbacks) => {
    // Once changed, no password stays in the form.
    change.mutate({ currentPassword, newPassword }, { ...callbacks, onSuccess: () => reset() });
  });
  /** The mismatch of the repeat has its own text, on the field and in the summary alike. */
  const messageOf = (path: string, error: FieldError) => (path === 'repeatPassword' && error.type === 'custom' ? t('validation.passwordMismatch') : undefined);
  const repeatError = errors.repeatPassword ? (messageOf('repeatPassword', errors.repeatPassword) ?? fieldErrorText(t, errors.repeatPassword, 'password')) : undefined;

  return (
    <section className="page-section" aria-labelledby="profile-password">
      <Heading level={2} data-size="sm" id="profile-password">
        {t('profile.password.heading')}
      </Heading>
      <SuccessMessage>{change.isSuccess ? t('profile.password.changed') : null}</SuccessMessage>
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="form-stack">
        <FormErrorSummary {...summary} labels={labels} kinds={KINDS} messageOf={messageOf} />
        <Textfield
          id={id('currentPassword')}
          label={labels.currentPassword}
          type="password"
          autoComplete="current-password"
          error={fieldErrorText(t, errors.currentPassword, 'password')}
          {...register('currentPassword')}
        />
        <Textfield
          id={id('newPassword')}
          label={labels.newPassword}
          description={t('profile.password.newDescription')}
          type="password"
          autoComplete="new-password"
          error={fieldErrorText(t, errors.newPassword, 'password')}
          {...register('newPassword')}
        />
        <Textfield
          id={id('repeatPassword')}
          label={labels.repeatPassword}
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
        <UnsavedChangesGuard {...guard} />
      </form>
    </section>
  );
}
