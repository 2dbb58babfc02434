import { ROLE_PERMISSIONS, type Permission } from '../packages/shared/src/permissions';
import { AppShell, PLATFORM_NAV_LINKS, type PlatformNavLink } from './pages/platform-shell';
import { demoEmail, expect, signInByApi, test, type DemoRole } from './support/fixtures';

/** Which permission shows each of the platform's menu links; none means everyone sees it. */
const LINK_PERMISSION: Record<PlatformNavLink, Permission | null> = {
  Hjem: null,
  Brukere: 'users:read',
  Organisasjoner: 'organisations:read',
  Innstillinger: 'municipality:write',
  Revisjonslogg: 'audit:read',
  'Min profil': null,
};

/** The expected menu, written out so a change to the permission catalogue is noticed here too. */
const EXPECTED_LINKS: Record<DemoRole, readonly PlatformNavLink[]> = {
  admin: ['Hjem', 'Brukere', 'Organisasjoner', 'Innstillinger', 'Revisjonslogg', 'Min profil'],
  coordinator: ['Hjem', 'Organisasjoner', 'Revisjonslogg', 'Min profil'],
  caseworker: ['Hjem', 'Organisasjoner', 'Min profil'],
  frontline: ['Hjem', 'Organisasjoner', 'Min profil'],
  partner: ['Hjem', 'Organisasjoner', 'Min profil'],
  viewer: ['Hjem', 'Min profil'],
  procurement: ['Hjem', 'Organisasjoner', 'Min profil'],
};

function linksFromCatalogue(role: DemoRole): PlatformNavLink[] {
  return PLATFORM_NAV_LINKS.filter((link) => {
    const permission = LINK_PERMISSION[link];
    return permission === null || ROLE_PERMISSIONS[role].includes(permission);
  });
}

test.describe('role-based navigation', () => {
  for (const role of Object.keys(EXPECTED_LINKS) as DemoRole[]) {
    test(`${role} sees exactly the platform links the role's permissions allow`, async ({ page }) => {
      expect(linksFromCatalogue(role), 'the permission catalogue and this table agree').toEqual(EXPECTED_LINKS[role]);
      const shell = new AppShell(page);
      await signInByApi(page, demoEmail(role));
      await shell.openHome();
      await shell.expectPlatformLinks(EXPECTED_LINKS[role]);
    });
  }

  test('a viewer opening admin pages directly sees "no access", and the API refuses with 403', async ({ page }) => {
    const shell = new AppShell(page);
    await signInByApi(page, demoEmail('viewer'));
    for (const path of ['/app/users', '/app/users/new', '/app/audit']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: 'Ingen tilgang' })).toBeVisible();
      await expect(page.getByText('Rollen din gir ikke tilgang til denne siden.')).toBeVisible();
      // Still inside the signed-in shell, with a way home.
      await expect(shell.nav).toBeVisible();
      await expect(shell.main.getByRole('link', { name: 'Gå til forsiden' })).toBeVisible();
    }
    for (const path of ['/api/v1/users', '/api/v1/audit']) {
      const response = await page.request.get(path);
      expect(response.status(), `${path}: ${await response.text()}`).toBe(403);
    }
  });

  test('a frontline worker may read the settings page but not change them, and has no link to it', async ({ page }) => {
    const shell = new AppShell(page);
    await signInByApi(page, demoEmail('frontline'));
    await page.goto('/app/settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Innstillinger' })).toBeVisible();
    await expect(page.getByText('Du kan se, men ikke endre, innstillingene.')).toBeVisible();
    await expect(shell.navLink('Innstillinger')).toHaveCount(0);
  });
});

test('the DEMO banner shows in the signed-in shell', async ({ page }) => {
  const shell = new AppShell(page);
  await signInByApi(page, demoEmail('caseworker'));
  await shell.openHome();
  await expect(shell.demoBanner).toBeVisible();
  await expect(page.getByText('Dette er en demonstrasjon. Alle personer, saker og opplysninger er oppdiktet.')).toBeVisible();
});
