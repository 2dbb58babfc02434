import { Heading, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading, SuccessMessage } from '../../components/load-state';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { PageHeading } from '../../components/page-heading';
import { useFlash } from '../../lib/flash';
import { formatDateTime } from '../../lib/format';
import { hasPermission, useMe } from '../auth/use-me';
import { userQueryOptions } from './queries';
import { UserAccess } from './user-access';
import { UserPasskeysReset } from './user-passkeys-reset';
import { UserEditForm } from './user-edit-form';
import { UserSessions } from './user-sessions';

const route = getRouteApi('/signed-in/users/$userId');

/** Admin: one user's details, with editing, access changes and sessions. */
export function UserPage() {
  const { t, i18n } = useTranslation();
  const { userId } = route.useParams();
  const me = useMe();
  const flash = useFlash();
  const user = useQuery(userQueryOptions(userId));
  const language = i18n.resolvedLanguage ?? 'nb';
  const canWrite = hasPermission(me, 'users:write');

  return (
    <div className="page-stack">
      <Breadcrumbs trail={[{ label: t('users.title'), to: '/users' }]} current={user.data?.name ?? t('users.detail.title')} />
      <PageHeading>{user.data?.name ?? t('users.detail.title')}</PageHeading>
      <SuccessMessage>{flash}</SuccessMessage>
      {user.isPending ? <Loading /> : null}
      {user.isError ? <LoadError error={user.error} onRetry={() => void user.refetch()} /> : null}
      {user.data ? (
        <>
          <section className="page-section" aria-labelledby="user-details">
            <Heading level={2} data-size="sm" id="user-details">
              {t('users.detail.details')}
            </Heading>
            <dl className="details-list">
              <dt>{t('users.detail.email')}</dt>
              <dd>{user.data.email}</dd>
              <dt>{t('users.detail.role')}</dt>
              <dd>{t(`roles.${user.data.role}`)}</dd>
              <dt>{t('users.detail.organisation')}</dt>
              <dd>{user.data.organisation.name}</dd>
              <dt>{t('users.columns.status')}</dt>
              <dd>
                <Tag data-color={user.data.active ? 'success' : 'neutral'}>
                  {user.data.active ? t('users.active') : t('users.inactive')}
                </Tag>
              </dd>
              <dt>{t('users.detail.mfa')}</dt>
              <dd>{user.data.mfaEnabled ? t('users.mfaOn') : t('users.mfaOff')}</dd>
              <dt>{t('users.detail.lastLogin')}</dt>
              <dd>{formatDateTime(user.data.lastLoginAt, language) ?? t('common.never')}</dd>
              <dt>{t('users.detail.created')}</dt>
              <dd>{formatDateTime(user.data.createdAt, language)}</dd>
              {user.data.lockedUntil ? (
                <>
                  <dt>{t('users.detail.lockedUntil')}</dt>
                  <dd>{formatDateTime(user.data.lockedUntil, language)}</dd>
                </>
              ) : null}
            </dl>
          </section>
          {canWrite ? <UserEditForm user={user.data} /> : null}
          {canWrite ? <UserAccess user={user.data} /> : null}
          {canWrite ? <UserPasskeysReset user={user.data} /> : null}
          {hasPermission(me, 'sessions:manage') ? <UserSessions user={user.data} /> : null}
        </>
      ) : null}
    </div>
  );
}
