import { SelectOption, Textfield } from '@digdir/designsystemet-react';
import { ROLES } from '@lykt/shared';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ListToolbar } from '../../components/list-toolbar';
import { SelectField } from '../../components/select-field';
import { useListSearch } from '../../lib/use-list-search';
import { parseUsersSearch, type UsersSearch } from '../../routes/search';
import { organisationsQueryOptions } from '../organisations/queries';

const route = getRouteApi('/signed-in/users');
const USER_SORT_OPTIONS = ['name', '-name', '-createdAt', 'createdAt'] as const;

/** Search, filters and sort for the users list, on the shared list toolbar; applying them updates the address. */
export function UserFilters({ search }: { search: UsersSearch }) {
  const { t } = useTranslation();
  const navigate = route.useNavigate();
  const list = useListSearch(search, (next) => void navigate({ search: next }));
  const organisations = useQuery(organisationsQueryOptions(true));
  return (
    // Remount when the address or the organisation options change, so the fields show the address.
    <ListToolbar key={`${JSON.stringify(search)}-${organisations.data ? 'loaded' : 'loading'}`} label={t('users.filters')} onApply={(values) => list.apply(parseUsersSearch(values))} onReset={list.reset}>
      <Textfield label={t('users.search')} type="search" name="q" autoComplete="off" defaultValue={search.q ?? ''} />
      <SelectField label={t('users.role')} name="role" defaultValue={search.role ?? ''}>
        <SelectOption value="">{t('users.allRoles')}</SelectOption>
        {ROLES.map((role) => (
          <SelectOption key={role} value={role}>
            {t(`roles.${role}`)}
          </SelectOption>
        ))}
      </SelectField>
      <SelectField label={t('users.organisation')} name="organisationId" defaultValue={search.organisationId ?? ''}>
        <SelectOption value="">{t('users.allOrganisations')}</SelectOption>
        {(organisations.data?.items ?? []).map((organisation) => (
          <SelectOption key={organisation.id} value={organisation.id}>
            {organisation.name}
          </SelectOption>
        ))}
      </SelectField>
      <SelectField label={t('users.status')} name="active" defaultValue={search.active ?? ''}>
        <SelectOption value="">{t('users.allStatuses')}</SelectOption>
        <SelectOption value="true">{t('users.onlyActive')}</SelectOption>
        <SelectOption value="false">{t('users.onlyInactive')}</SelectOption>
      </SelectField>
      <SelectField label={t('pagination.sort')} name="sort" defaultValue={search.sort ?? 'name'}>
        {USER_SORT_OPTIONS.map((value) => (
          <SelectOption key={value} value={value}>
            {t(`users.sorts.${value}`)}
          </SelectOption>
        ))}
      </SelectField>
    </ListToolbar>
  );
}
