import { Outlet } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';
import { SkipLink } from './skip-link';

/** The frame of pages shown without the signed-in shell: brand, language switch and <main>. */
export function StandaloneFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <div className="app-header__bar">
          <span className="app-header__brand">{t('common.appName')}</span>
          <div className="app-header__tools">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        {children}
      </main>
    </>
  );
}

/** Layout for the sign-in steps. */
export function PublicLayout() {
  return (
    <StandaloneFrame>
      <Outlet />
    </StandaloneFrame>
  );
}
