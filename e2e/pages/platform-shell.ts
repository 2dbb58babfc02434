import { expect, type Locator, type Page } from '@playwright/test';

/** The links the platform foundation puts in the main menu (other modules add their own). */
export const PLATFORM_NAV_LINKS = ['Hjem', 'Brukere', 'Organisasjoner', 'Innstillinger', 'Revisjonslogg', 'Min profil'] as const;
export type PlatformNavLink = (typeof PLATFORM_NAV_LINKS)[number];

/** The signed-in shell (nb texts): skip link, demo banner, header tools and the main menu. */
export class AppShell {
  readonly skipLink: Locator;
  readonly nav: Locator;
  readonly main: Locator;
  readonly h1: Locator;
  readonly demoBanner: Locator;
  readonly signOutButton: Locator;

  constructor(readonly page: Page) {
    this.skipLink = page.getByRole('link', { name: 'Hopp til hovedinnhold' });
    this.nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    this.main = page.getByRole('main');
    this.h1 = page.getByRole('heading', { level: 1 });
    this.demoBanner = page.getByText('DEMO — fiktive data', { exact: true });
    this.signOutButton = page.getByRole('button', { name: 'Logg ut' });
  }

  navLink(name: string): Locator {
    return this.nav.getByRole('link', { name, exact: true });
  }

  /** The header button that offers the other language, named in that language. */
  languageButton(name: 'English' | 'Norsk bokmål'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  async openHome() {
    await this.page.goto('/app/');
    await this.expectHome();
  }

  /** The home page of a signed-in user: "Velkommen, <name>" and the main menu. */
  async expectHome(name?: string) {
    await expect(this.page).toHaveURL(/\/app\/$/);
    await expect(this.page.getByRole('heading', { level: 1, name: name ? `Velkommen, ${name}` : /^Velkommen, / })).toBeVisible();
    await expect(this.nav).toBeVisible();
  }

  /** Asserts exactly which of the platform's six links the menu shows. */
  async expectPlatformLinks(visible: readonly PlatformNavLink[]) {
    for (const name of PLATFORM_NAV_LINKS) {
      if (visible.includes(name)) await expect(this.navLink(name), `"${name}" in the main menu`).toBeVisible();
      else await expect(this.navLink(name), `"${name}" not in the main menu`).toHaveCount(0);
    }
  }

  async signOut() {
    await this.signOutButton.click();
    await expect(this.page).toHaveURL(/\/app\/sign-in\?reason=signed-out/);
  }
}
