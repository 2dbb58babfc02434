import { Button, SelectOption, Textfield } from '@digdir/designsystemet-react';
import { ROLES, type Role } from '@lykt/shared';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/select-field';
import type { UsersSearch } from '../../routes/search';
import { organisationsQueryOptions } from '../organisations/queries';

const route = getRouteApi('/signed-in/users');

interface FilterValues {
  q: string;
  role: Role | '';
  organisationId: string;
  active: 'true' | 'false' | '';
}

function toValues(search: UsersSearch): FilterValues {
  return { q: search.q ?? '', role: search.role ?? '', organisationId: search.organisationId ?? '', active: search.active ?? '' };
}

/** Search and filters for the users list; applying them updates the address. */
export function UserFilters({ search }: { search: UsersSearch }) {
  const { t } = useTranslation();
  const navigate = route.useNavigate();
  const organisations = useQuery(organisationsQueryOptions(true));
  const { register, handleSubmit, reset } = useForm<FilterValues>({ values: toValues(search) });

  const onSubmit = handleSubmit((values) => {
    void navigate({
      search: {
        q: values.q.trim() || undefined,
        role: values.role || undefined,
        organisationId: values.organisationId || undefined,
        active: values.active || undefined,
        offset: undefined,
      },
    });
  });
  const onReset = () => {
    reset(toValues({}));
    void navigate({ search: {} });
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} role="search" aria-label={t('users.filters')}>
      <div className="filters">
        <Textfield label={t('users.search')} type="search" autoComplete="off" {...register('q')} />
        <SelectField label={t('users.role')} {...register('role')}>
          <SelectOption value="">{t('users.allRoles')}</SelectOption>
          {ROLES.map((role) => (
            <SelectOption key={role} value={role}>
              {t(`roles.${role}`)}
            </SelectOption>
          ))}
        </SelectField>
        {/* Remount when the options arrive, so the select shows the chosen organisation. */}
        <SelectField key={organisations.data ? 'loaded' : 'loading'} label={t('users.organisation')} {...register('organisationId')}>
          <SelectOption value="">{t('users.allOrganisations')}</SelectOption>
          {(organisations.data?.items ?? []).map((organisation) => (
            <SelectOption key={organisation.id} value={organisation.id}>
              {organisation.name}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField label={t('users.status')} {...register('active')}>
          <SelectOption value="">{t('users.allStatuses')}</SelectOption>
          <SelectOption value="true">{t('users.onlyActive')}</SelectOption>
          <SelectOption value="false">{t('users.onlyInactive')}</SelectOption>
        </SelectField>
        <div className="filters__actions">
          <Button type="submit">{t('common.filter')}</Button>
          <Button type="button" variant="tertiary" onClick={onReset}>
            {t('common.resetFilters')}
          </Button>
        </div>
      </div>
    </form>
  );
}
