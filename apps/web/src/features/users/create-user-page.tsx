import { Button, Link as DsLink, Paragraph, SelectOption, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { CreateUserBodySchema, ROLES, type CreateUserBody } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import type { FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FormErrorSummary } from '../../components/form/form-error-summary';
import { UnsavedChangesGuard } from '../../components/form/unsaved-changes-guard';
import { useServerForm } from '../../components/form/use-server-form';
import { LoadError } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { fieldErrorText } from '../../lib/error-text';
import { organisationsQueryOptions } from '../organisations/queries';
import { createUserMutationOptions } from './mutations';

type CreateUserValues = z.input<typeof CreateUserBodySchema>;
const FIELDS: readonly FieldPath<CreateUserValues>[] = ['name', 'email', 'role', 'organisationId', 'password'];
const KINDS = { email: 'email', role: 'choice', organisationId: 'choice', password: 'password' } as const;

/** Admin: creates a user with a role, an organisation and a first password. */
export function CreateUserPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const organisations = useQuery(organisationsQueryOptions(false));
  const create = useMutation(createUserMutationOptions(queryClient));
  const { form, id, submitWith, summary, guard } = useServerForm<CreateUserValues, CreateUserBody>({
    formId: 'create-user',
    resolver: zodResolver(CreateUserBodySchema),
    defaultValues: { email: '', name: '', password: '' },
    fields: FIELDS,
    codeFields: { EMAIL_TAKEN: 'email', WEAK_PASSWORD: 'password' },
  });
  const {
    register,
    formState: { errors },
  } = form;
  const labels = {
    name: t('users.create.name'),
    email: t('users.create.email'),
    role: t('users.create.role'),
    organisationId: t('users.create.organisation'),
    password: t('users.create.password'),
  };

  const onSubmit = submitWith((values, callbacks) => {
    create.mutate(values, {
      ...callbacks,
      onSuccess: (user) => {
        callbacks.saved();
        void navigate({
          to: '/users/$userId',
          params: { userId: user.id },
          state: { flash: t('users.create.created', { name: user.name }) },
        });
      },
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
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="form-stack">
        <FormErrorSummary {...summary} labels={labels} kinds={KINDS} />
        <Textfield id={id('name')} label={labels.name} autoComplete="off" error={fieldErrorText(t, errors.name)} {...register('name')} />
        <Textfield
          id={id('email')}
          label={labels.email}
          type="email"
          autoComplete="off"
          error={fieldErrorText(t, errors.email, 'email')}
          {...register('email')}
        />
        <SelectField id={id('role')} label={labels.role} error={fieldErrorText(t, errors.role, 'choice')} {...register('role')}>
          <SelectOption value="">{t('users.create.chooseRole')}</SelectOption>
          {ROLES.map((role) => (
            <SelectOption key={role} value={role}>
              {t(`roles.${role}`)}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField
          key={organisations.data ? 'loaded' : 'loading'}
          id={id('organisationId')}
          label={labels.organisationId}
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
          id={id('password')}
          label={labels.password}
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
        <UnsavedChangesGuard {...guard} />
      </form>
    </div>
  );
}
