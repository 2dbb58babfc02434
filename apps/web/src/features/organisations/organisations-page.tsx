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
  Tag,
} from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading, SuccessMessage } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { useFlash } from '../../lib/flash';
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
  const organisations = useQuery(organisationsQueryOptions(includeArchived));

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
      <Checkbox
        label={t('organisations.showArchived')}
        checked={includeArchived}
        onChange={(event) => void navigate({ search: { archived: event.currentTarget.checked || undefined } })}
      />
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
    </div>
  );
}
