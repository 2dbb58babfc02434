import { Button, Link as DsLink, Paragraph, SelectOption, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { CreateUserBodySchema, ROLES } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFormFeedback } from '../../components/form/use-form-feedback';
import { LoadError, MutationError } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { fieldErrorText } from '../../lib/error-text';
import { organisationsQueryOptions } from '../organisations/queries';
import { createUserMutationOptions } from './mutations';

/** Admin: creates a user with a role, an organisation and a first password. */
export function CreateUserPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const organisations = useQuery(organisationsQueryOptions(false));
  const create = useMutation(createUserMutationOptions(queryClient));
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(CreateUserBodySchema),
    defaultValues: { email: '', name: '', password: '' },
  });
  const { feedback, onServerError } = useFormFeedback(setError, {
    fields: ['name', 'email', 'role', 'organisationId', 'password'],
    codeFields: { EMAIL_TAKEN: 'email', WEAK_PASSWORD: 'password' },
  });

  const onSubmit = handleSubmit((values) => {
    create.mutate(values, {
      onSuccess: (user) =>
        void navigate({
          to: '/users/$userId',
          params: { userId: user.id },
          state: { flash: t('users.create.created', { name: user.name }) },
        }),
      onError: onServerError,
    });
  });

  return (
    <div className="narrow-page">
      <DsLink asChild>
        <Link to="/users">{t('common.backTo', { page: t('users.title') })}</Link>
      </DsLink>
      <PageHeading>{t('users.create.title')}</PageHeading>
      <Paragraph>{t('users.create.intro')}</Paragraph>
      {organisations.isError ? <LoadError error={organisations.error} onRetry={() => void organisations.refetch()} /> : null}
      {/* Errors shown on a field are not repeated in an alert above the form. */}
      <MutationError error={feedback.formError} />
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="form-stack">
        <Textfield label={t('users.create.name')} autoComplete="off" error={fieldErrorText(t, errors.name)} {...register('name')} />
        <Textfield
          label={t('users.create.email')}
          type="email"
          autoComplete="off"
          error={fieldErrorText(t, errors.email, 'email')}
          {...register('email')}
        />
        <SelectField label={t('users.create.role')} error={fieldErrorText(t, errors.role, 'choice')} {...register('role')}>
          <SelectOption value="">{t('users.create.chooseRole')}</SelectOption>
          {ROLES.map((role) => (
            <SelectOption key={role} value={role}>
              {t(`roles.${role}`)}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField
          key={organisations.data ? 'loaded' : 'loading'}
          label={t('users.create.organisation')}
          error={fieldErrorText(t, errors.organisationId, 'choice')}
          {...register('organisationId')}
        >
          <SelectOption value="">{t('users.create.chooseOrganisation')}</SelectOption>
          {(organisations.data?.items ?? []).map((organisation) => (
            <SelectOption key={organisation.id} value={organisation.id}>
              {organisation.name}
            </SelectOption>
          ))}
        </SelectField>
        <Textfield
          label={t('users.create.password')}
          description={t('users.create.passwordDescription')}
          type="password"
          autoComplete="new-password"
          error={fieldErrorText(t, errors.password, 'password')}
          {...register('password')}
        />
        <div className="button-row">
          <Button type="submit" loading={create.isPending} disabled={create.isPending}>
            {t('users.create.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
