import {
  Button,
  Checkbox,
  Link as DsLink,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  SelectOption,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { ORGANISATION_KINDS } from '@lykt/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ListSearchRegion } from '../../components/list-search-region';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading, SuccessMessage } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { ListToolbar } from '../../components/list-toolbar';
import { SelectField } from '../../components/select-field';
import { useFlash } from '../../lib/flash';
import { useListSearch } from '../../lib/use-list-search';
import { parseOrganisationsSearch } from '../../routes/search';
import { hasPermission, useMe } from '../auth/use-me';
import { organisationsQueryOptions } from './queries';

const route = getRouteApi('/signed-in/organisations');

/** The partner registry: organisations the municipality works with. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const flash = useFlash();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const includeArchived = search.archived === true;
  const list = useListSearch(search, (next) => void navigate({ search: { archived: next.archived, q: next.q, kind: next.kind, sort: next.sort } }));
  const organisations = useQuery({ ...organisationsQueryOptions(includeArchived, { q: search.q, kind: search.kind, sort: search.sort }), placeholderData: keepPreviousData });

  return (
    <div className="page-stack">
      <div className="page-toolbar">
        <PageHeading>{t('organisations.title')}</PageHeading>
        {hasPermission(me, 'organisations:write') ? (
          <Button asChild>
            <Link to="/organisations/new">{t('organisations.newOrganisation')}</Link>
          </Button>
        ) : null}
      </div>
      <Paragraph>{t('organisations.intro')}</Paragraph>
      <SuccessMessage>{flash}</SuccessMessage>
      <ListToolbar key={JSON.stringify(search)} label={t('organisations.filters')} onApply={(values) => list.apply(parseOrganisationsSearch(values))} onReset={list.reset}>
        <Textfield label={t('organisations.search')} type="search" name="q" autoComplete="off" defaultValue={search.q ?? ''} />
        <SelectField label={t('organisations.columns.kind')} name="kind" defaultValue={search.kind ?? ''}>
          <SelectOption value="">{t('organisations.allKinds')}</SelectOption>
          {ORGANISATION_KINDS.map((kind) => (
            <SelectOption key={kind} value={kind}>
              {t(`organisationKinds.${kind}`)}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField label={t('pagination.sort')} name="sort" defaultValue={search.sort ?? 'name'}>
          {(['name', '-name', 'kind'] as const).map((value) => (
            <SelectOption key={value} value={value}>
              {t(`organisations.sorts.${value}`)}
            </SelectOption>
          ))}
        </SelectField>
        <Checkbox label={t('organisations.showArchived')} name="archived" value="true" defaultChecked={includeArchived} />
      </ListToolbar>
      <ListSearchRegion searching={organisations.isPlaceholderData}>
        {organisations.isPending ? <Loading /> : null}
        {organisations.isError ? <LoadError error={organisations.error} onRetry={() => void organisations.refetch()} /> : null}
        {organisations.data ? (
          <>
            <Table zebra border>
              <caption>{t('organisations.tableCaption', { total: organisations.data.items.length })}</caption>
              <TableHead>
                <TableRow>
                  <TableHeaderCell scope="col">{t('organisations.columns.name')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('organisations.columns.kind')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('organisations.columns.scope')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('organisations.columns.phone')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('organisations.columns.email')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('organisations.columns.contacts')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('organisations.columns.users')}</TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {organisations.data.items.map((organisation) => (
                  <TableRow key={organisation.id}>
                    <TableCell>
                      <DsLink asChild>
                        <Link to="/organisations/$organisationId" params={{ organisationId: organisation.id }}>
                          {organisation.name}
                        </Link>
                      </DsLink>{' '}
                      {organisation.archived ? <Tag data-color="neutral">{t('organisations.archivedTag')}</Tag> : null}
                    </TableCell>
                    <TableCell>{t(`organisationKinds.${organisation.kind}`)}</TableCell>
                    <TableCell>{organisation.isInternal ? t('organisations.internal') : t('organisations.external')}</TableCell>
                    <TableCell>{organisation.phone ?? t('common.empty')}</TableCell>
                    <TableCell>{organisation.email ?? t('common.empty')}</TableCell>
                    <TableCell>{organisation.contacts.length}</TableCell>
                    <TableCell>{organisation.userCount}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {organisations.data.items.length === 0 ? <Paragraph>{t('common.noResults')}</Paragraph> : null}
          </>
        ) : null}
      </ListSearchRegion>
    </div>
  );
}
