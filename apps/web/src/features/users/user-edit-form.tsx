import { Button, Heading, SelectOption, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { ROLES, UpdateUserBodySchema, type User } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MutationError, SuccessMessage } from '../../components/load-state';
import { SelectField } from '../../components/select-field';
import { fieldErrorText } from '../../lib/error-text';
import { organisationsQueryOptions } from '../organisations/queries';
import { updateUserMutationOptions } from './mutations';

/** Changes a user's name, role and organisation. */
export function UserEditForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const organisations = useQuery(organisationsQueryOptions(false));
  const update = useMutation(updateUserMutationOptions(queryClient, user.id));
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(UpdateUserBodySchema),
    values: { name: user.name, role: user.role, organisationId: user.organisation.id },
  });

  // The user's own organisation stays selectable even when it has been archived.
  const options = organisations.data?.items ?? [];
  const choices = options.some((organisation) => organisation.id === user.organisation.id) ? options : [user.organisation, ...options];

  const onSubmit = handleSubmit((values) => {
    update.mutate(values);
  });

  return (
    <section className="page-section" aria-labelledby="user-edit">
      <Heading level={2} data-size="sm" id="user-edit">
        {t('users.detail.edit')}
      </Heading>
      <MutationError error={update.error} />
      <SuccessMessage>{update.isSuccess ? t('common.saved') : null}</SuccessMessage>
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="form-stack">
        <Textfield label={t('users.detail.name')} autoComplete="off" error={fieldErrorText(t, errors.name)} {...register('name')} />
        <SelectField label={t('users.detail.role')} error={fieldErrorText(t, errors.role, 'choice')} {...register('role')}>
          {ROLES.map((role) => (
            <SelectOption key={role} value={role}>
              {t(`roles.${role}`)}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField
          key={organisations.data ? 'loaded' : 'loading'}
          label={t('users.detail.organisation')}
          error={fieldErrorText(t, errors.organisationId, 'choice')}
          {...register('organisationId')}
        >
          {choices.map((organisation) => (
            <SelectOption key={organisation.id} value={organisation.id}>
              {organisation.name}
            </SelectOption>
          ))}
        </SelectField>
        <div className="button-row">
          <Button type="submit" loading={update.isPending} disabled={update.isPending}>
            {t('common.saveChanges')}
          </Button>
        </div>
      </form>
    </section>
  );
}
