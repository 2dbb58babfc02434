import { Button, Paragraph } from '@digdir/designsystemet-react';
import { Link, Outlet } from '@tanstack/react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQueryKey } from '../features/auth/queries';
import { useMe } from '../features/auth/use-me';
import { useSignOut } from '../features/auth/use-sign-out';
import { updateMeMutationOptions } from '../features/profile/mutations';
import { NotificationBadge } from '../features/notifications/notification-badge';
import { LanguageSwitch } from './language-switch';
import { MainNav } from './main-nav';
import { SkipLink } from './skip-link';

/** The signed-in layout: skip link, header, main navigation and the page in <main id="main">. */
export function AppShell() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const { signOut, isPending: isSigningOut } = useSignOut();
  const updateMe = useMutation(updateMeMutationOptions());

  return (
    <>
      <SkipLink />
      <header className="app-header">
        {me.municipality.isDemo ? (
          <div className="demo-banner">
            <strong>{t('shell.demoBanner')}</strong>
            <span>{t('shell.demoBannerDetail')}</span>
          </div>
        ) : null}
        <div className="app-header__bar">
          <div className="app-header__identity">
            <Link to="/" className="app-header__brand">
              {t('common.appName')}
            </Link>
            <span className="app-header__municipality">{me.municipality.name}</span>
          </div>
          <div className="app-header__tools">
            <Paragraph data-size="sm" className="app-header__user">
              <span className="visually-hidden">{t('shell.userMenuLabel')}: </span>
              <Link to="/profile">{me.user.name}</Link>
            </Paragraph>
            <NotificationBadge />
            <LanguageSwitch
              onChange={(language) => {
                updateMe.mutate({ language }, { onSuccess: () => void queryClient.invalidateQueries({ queryKey: meQueryKey }) });
              }}
            />
            <Button variant="secondary" data-size="sm" onClick={signOut} disabled={isSigningOut}>
              {t('shell.signOut')}
            </Button>
          </div>
        </div>
      </header>
      <div className="app-body">
        <MainNav me={me} />
        <main id="main" tabIndex={-1} className="app-main">
          <Outlet />
        </main>
      </div>
    </>
  );
}
