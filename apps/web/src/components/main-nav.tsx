import { Link as DsLink } from '@digdir/designsystemet-react';
import type { MeResponse, Permission } from '@lykt/shared';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMapReadable } from '../features/overview/use-map-readable';

type NavPath = '/' | '/users' | '/organisations' | '/settings' | '/audit' | '/profile' | '/screening' | '/concerns' | '/pathway' | '/plans' | '/reports' | '/cooperation' | '/routing-card' | '/tips' | '/tips/settings' | '/cases' | '/referrals' | '/knowledge' | '/training' | '/statistics' | '/overview' | '/prevalence' | '/procurement';
type NavKey = 'home' | 'users' | 'organisations' | 'settings' | 'audit' | 'profile' | 'screening' | 'concerns' | 'pathway' | 'plans' | 'reports' | 'cooperation' | 'routingCard' | 'tips' | 'tipSettings' | 'cases' | 'referrals' | 'knowledge' | 'training' | 'statistics' | 'overview' | 'prevalence' | 'procurement';

interface NavItem {
  key: NavKey;
  to: NavPath;
  /** Shown only when the user holds this permission; none means everyone. */
  permission?: Permission;
}

/** The main menu, in order. Settings show for those who may change them. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', to: '/' },
  { key: 'users', to: '/users', permission: 'users:read' },
  { key: 'organisations', to: '/organisations', permission: 'organisations:read' },
  { key: 'settings', to: '/settings', permission: 'municipality:write' },
  { key: 'audit', to: '/audit', permission: 'audit:read' },
  { key: 'screening', to: '/screening', permission: 'screenings:create' },
  { key: 'concerns', to: '/concerns', permission: 'concerns:read' },
  { key: 'cases', to: '/cases', permission: 'cases:read' },
  { key: 'referrals', to: '/referrals', permission: 'referrals:respond' },
  { key: 'pathway', to: '/pathway', permission: 'pathway:write' },
  { key: 'plans', to: '/plans', permission: 'plans:read' },
  { key: 'reports', to: '/reports', permission: 'reports:read' },
  { key: 'statistics', to: '/statistics', permission: 'statistics:read' },
  { key: 'overview', to: '/overview', permission: 'overview:read' },
  { key: 'prevalence', to: '/prevalence', permission: 'prevalence:manage' },
  { key: 'procurement', to: '/procurement', permission: 'procurement:read' },
  { key: 'cooperation', to: '/cooperation', permission: 'cooperation:read' },
  { key: 'routingCard', to: '/routing-card', permission: 'routing:read' },
  { key: 'tips', to: '/tips', permission: 'tips:read' },
  { key: 'tipSettings', to: '/tips/settings', permission: 'tips:settings' },
  { key: 'knowledge', to: '/knowledge', permission: 'knowledge:read' },
  { key: 'training', to: '/training', permission: 'training:take' },
  { key: 'profile', to: '/profile' },
];

/** The nav items this user may use. */
export function visibleNavItems(me: MeResponse): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || me.permissions.includes(item.permission));
}

/** The main navigation, showing only what the user's permissions allow. */
export function MainNav({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  // A partner sees the local situation map only when the coordinator has opened it to partners.
  const mapReadable = useMapReadable(me);
  const items = visibleNavItems(me).filter((item) => item.key !== 'overview' || mapReadable);
  return (
    <nav aria-label={t('shell.navLabel')} className="main-nav">
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <DsLink asChild>
              <Link to={item.to} activeOptions={{ exact: item.to === '/', includeSearch: false }} className="main-nav__link">
                {t(`nav.${item.key}`)}
              </Link>
            </DsLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
