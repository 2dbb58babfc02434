import {
  Button,
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
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ListSearchRegion } from '../../components/list-search-region';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { KeysetPager } from '../../components/keyset-pager';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useListSearch } from '../../lib/use-list-search';
import { hasPermission, useMe } from '../auth/use-me';
import { usersQueryOptions } from './queries';
import { UserFilters } from './user-filters';

const route = getRouteApi('/signed-in/users');
export const USERS_PAGE_SIZE = 25;

/** Admin: the municipality's users, filterable and paginated. */
export function UsersPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useListSearch(search, (next) => void navigate({ search: next }));
  const users = useQuery({ ...usersQueryOptions({ ...search, limit: USERS_PAGE_SIZE }), placeholderData: keepPreviousData });
  const language = i18n.resolvedLanguage ?? 'nb';

  return (
    <div className="page-stack">
      <div className="page-toolbar">
        <PageHeading>{t('users.title')}</PageHeading>
        {hasPermission(me, 'users:write') ? (
          <Button asChild>
            <Link to="/users/new">{t('users.newUser')}</Link>
          </Button>
        ) : null}
      </div>
      <UserFilters search={search} />
      <ListSearchRegion searching={users.isPlaceholderData}>
        {users.isPending ? <Loading /> : null}
        {users.isError ? <LoadError error={users.error} onRetry={() => void users.refetch()} /> : null}
        {users.data ? (
          <>
            <Table zebra border aria-busy={users.isPlaceholderData || undefined}>
              <caption>{users.data.total === null ? t('users.title') : t('users.tableCaption', { total: formatNumber(users.data.total, language) })}</caption>
              <TableHead>
                <TableRow>
                  <TableHeaderCell scope="col">{t('users.columns.name')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('users.columns.email')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('users.columns.role')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('users.columns.organisation')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('users.columns.status')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('users.columns.mfa')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('users.columns.lastLogin')}</TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {users.data.items.map((user) => (
                  <TableRow key={user.id}>
                    <TableCell>
                      <DsLink asChild>
                        <Link to="/users/$userId" params={{ userId: user.id }}>
                          {user.name}
                        </Link>
                      </DsLink>
                    </TableCell>
                    <TableCell>{user.email}</TableCell>
                    <TableCell>{t(`roles.${user.role}`)}</TableCell>
                    <TableCell>{user.organisation.name}</TableCell>
                    <TableCell>
                      <Tag data-color={user.active ? 'success' : 'neutral'}>{user.active ? t('users.active') : t('users.inactive')}</Tag>
                    </TableCell>
                    <TableCell>{user.mfaEnabled ? t('users.mfaOn') : t('users.mfaOff')}</TableCell>
                    <TableCell>{formatDateTime(user.lastLoginAt, language) ?? t('common.never')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {users.data.items.length === 0 ? <Paragraph>{t('common.noResults')}</Paragraph> : null}
            <KeysetPager listName={t('users.title')} total={users.data.total} nextCursor={users.data.nextCursor} isLaterPage={search.cursor !== undefined} onNext={list.next} onFirst={list.first} />
          </>
        ) : null}
      </ListSearchRegion>
    </div>
  );
}
