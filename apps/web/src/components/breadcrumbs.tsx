import { Link as DsLink } from '@digdir/designsystemet-react';
import { useRouter } from '@tanstack/react-router';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { APP_BASE } from '../lib/redirect-target';
import { rememberedLocation } from '../lib/list-return';
import './breadcrumbs.css';

/** One step up from the current page: a label and an address inside the app ("/cases"). */
export interface Crumb {
  label: string;
  to: string;
}

function isPlainLeftClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/**
 * Where the page sits: home, the list (or parent) it belongs to, and the page itself
 * (aria-current="page"). A list is linked as the user last left it, with its filters, when that is
 * known in this tab; otherwise the unfiltered list. On a narrow screen only the step back shows.
 */
export function Breadcrumbs({ trail, current }: { trail: readonly Crumb[]; current: string }) {
  const { t } = useTranslation();
  const router = useRouter();
  const crumbs: Crumb[] = [{ label: t('breadcrumbs.home'), to: '/' }, ...trail];
  return (
    <nav className="breadcrumbs" aria-label={t('breadcrumbs.label')}>
      <ol>
        {crumbs.map((crumb, index) => {
          const remembered = crumb.to.includes('?') ? undefined : rememberedLocation(crumb.to);
          const href = remembered?.href ?? crumb.to;
          const publicHref = remembered?.publicHref ?? `${APP_BASE}${crumb.to}`;
          const isBack = index === crumbs.length - 1;
          return (
            <li key={crumb.to} className={isBack ? 'breadcrumbs__back' : undefined}>
              <DsLink
                href={publicHref}
                onClick={(event) => {
                  if (!isPlainLeftClick(event)) return;
                  event.preventDefault();
                  void router.navigate({ href });
                }}
              >
                {isBack ? <span className="breadcrumbs__back-text">{t('common.backTo', { page: crumb.label })}</span> : null}
                <span className={isBack ? 'breadcrumbs__label' : undefined}>{crumb.label}</span>
              </DsLink>
            </li>
          );
        })}
        <li className="breadcrumbs__current">
          <span aria-current="page">{current}</span>
        </li>
      </ol>
    </nav>
  );
}
