import { Button, Link as DsLink } from '@digdir/designsystemet-react';
import type { MeResponse, Permission } from '@lykt/shared';
import { Link, useRouterState } from '@tanstack/react-router';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapReadable } from '../features/overview/use-map-readable';

type NavPath = '/' | '/users' | '/organisations' | '/settings' | '/audit' | '/profile' | '/screening' | '/screenings' | '/concerns' | '/pathway' | '/plans' | '/reports' | '/cooperation' | '/routing-card' | '/tips' | '/tips/settings' | '/cases' | '/referrals' | '/knowledge' | '/training' | '/statistics' | '/overview' | '/prevalence' | '/procurement' | '/downloads';
type NavKey = 'home' | 'users' | 'organisations' | 'settings' | 'audit' | 'profile' | 'screening' | 'screenings' | 'concerns' | 'pathway' | 'plans' | 'reports' | 'cooperation' | 'routingCard' | 'tips' | 'tipSettings' | 'cases' | 'referrals' | 'knowledge' | 'training' | 'statistics' | 'overview' | 'prevalence' | 'procurement' | 'downloads';
/** The groups of the menu, by the work: none for home and the profile. */
export type NavGroup = 'identify' | 'help' | 'plan' | 'know' | 'learn' | 'administer';

interface NavItem {
  key: NavKey;
  to: NavPath;
  group: NavGroup | null;
  /** Shown only when the user holds this permission; none means everyone. */
  permission?: Permission;
}

const GROUP_ORDER: readonly NavGroup[] = ['identify', 'help', 'plan', 'know', 'learn', 'administer'];

/** The main menu, grouped by the work and in order within each group. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', to: '/', group: null },
  { key: 'screening', to: '/screening', group: 'identify', permission: 'screenings:create' },
  { key: 'screenings', to: '/screenings', group: 'identify', permission: 'screenings:read' },
  { key: 'concerns', to: '/concerns', group: 'identify', permission: 'concerns:read' },
  { key: 'tips', to: '/tips', group: 'identify', permission: 'tips:read' },
  { key: 'pathway', to: '/pathway', group: 'identify', permission: 'pathway:write' },
  { key: 'cases', to: '/cases', group: 'help', permission: 'cases:read' },
  { key: 'referrals', to: '/referrals', group: 'help', permission: 'referrals:respond' },
  { key: 'plans', to: '/plans', group: 'plan', permission: 'plans:read' },
  { key: 'cooperation', to: '/cooperation', group: 'plan', permission: 'cooperation:read' },
  { key: 'routingCard', to: '/routing-card', group: 'plan', permission: 'routing:read' },
  { key: 'procurement', to: '/procurement', group: 'plan', permission: 'procurement:read' },
  { key: 'overview', to: '/overview', group: 'know', permission: 'overview:read' },
  { key: 'statistics', to: '/statistics', group: 'know', permission: 'statistics:read' },
  { key: 'reports', to: '/reports', group: 'know', permission: 'reports:read' },
  { key: 'prevalence', to: '/prevalence', group: 'know', permission: 'prevalence:manage' },
  { key: 'knowledge', to: '/knowledge', group: 'learn', permission: 'knowledge:read' },
  { key: 'training', to: '/training', group: 'learn', permission: 'training:take' },
  { key: 'users', to: '/users', group: 'administer', permission: 'users:read' },
  { key: 'organisations', to: '/organisations', group: 'administer', permission: 'organisations:read' },
  { key: 'settings', to: '/settings', group: 'administer', permission: 'municipality:write' },
  { key: 'audit', to: '/audit', group: 'administer', permission: 'audit:read' },
  { key: 'tipSettings', to: '/tips/settings', group: 'administer', permission: 'tips:settings' },
  { key: 'profile', to: '/profile', group: null },
  // Only roles that can ask for a background download (reports:read and statistics:export go together).
  { key: 'downloads', to: '/downloads', group: null, permission: 'reports:read' },
];

/** The nav items this user may use. */
export function visibleNavItems(me: MeResponse): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || me.permissions.includes(item.permission));
}

function NavLink({ item, label }: { item: NavItem; label: string }) {
  return (
    <li>
      <DsLink asChild>
        <Link to={item.to} activeOptions={{ exact: item.to === '/', includeSearch: false }} className="main-nav__link">
          {label}
        </Link>
      </DsLink>
    </li>
  );
}

/**
 * The main navigation, grouped by the work and showing only what the user's permissions allow.
 * On a wide screen it is a column beside the page; on a narrow one it folds behind one menu
 * button (the disclosure pattern: aria-expanded, Escape closes and returns focus to the button,
 * following a link closes it).
 */
export function MainNav({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  // Open on the page where it was opened: a new page closes the menu by itself (the page's own
  // focus handling then moves focus to its heading).
  const [openOn, setOpenOn] = useState<string | null>(null);
  const isOpen = openOn === pathname;
  // A partner sees the local situation map only when the coordinator has opened it to partners.
  const mapReadable = useMapReadable(me);
  const items = visibleNavItems(me).filter((item) => item.key !== 'overview' || mapReadable);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || !isOpen) return;
    event.preventDefault();
    setOpenOn(null);
    toggle.current?.focus();
  };

  const single = (key: NavKey) => items.filter((item) => item.key === key);
  return (
    <nav aria-label={t('shell.navLabel')} className="main-nav" data-open={isOpen} onKeyDown={onKeyDown}>
      <Button ref={toggle} variant="secondary" data-size="sm" className="main-nav__toggle" aria-expanded={isOpen} aria-controls={listId} onClick={() => setOpenOn(isOpen ? null : pathname)}>
        <MenuIcon />
        {t('navGroups.menu')}
      </Button>
      <div id={listId} className="main-nav__groups">
        <ul className="main-nav__list">
          {single('home').map((item) => (
            <NavLink key={item.key} item={item} label={t(`nav.${item.key}`)} />
          ))}
        </ul>
        {GROUP_ORDER.map((group) => {
          const inGroup = items.filter((item) => item.group === group);
          if (inGroup.length === 0) return null;
          const labelId = `${listId}-${group}`;
          return (
            <div key={group} className="main-nav__group">
              <p id={labelId} className="main-nav__group-label">
                {t(`navGroups.${group}`)}
              </p>
              <ul className="main-nav__list" aria-labelledby={labelId}>
                {inGroup.map((item) => (
                  <NavLink key={item.key} item={item} label={t(`nav.${item.key}`)} />
                ))}
              </ul>
            </div>
          );
        })}
        <ul className="main-nav__list main-nav__list--last">
          {[...single('profile'), ...single('downloads')].map((item) => (
            <NavLink key={item.key} item={item} label={t(`nav.${item.key}`)} />
          ))}
        </ul>
      </div>
    </nav>
  );
}

function MenuIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <path d="M4 6h16M4 12h16M4 18h16" />
    </svg>
  );
}
