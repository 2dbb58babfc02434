import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { AppShell } from './pages/platform-shell';
import { demoEmail, expect, expectNoAxeViolations, signInByApi, test, type DemoRole } from './support/fixtures';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const ROLES: readonly DemoRole[] = ['admin', 'coordinator', 'caseworker', 'frontline', 'partner', 'viewer'];
/** Screenshots for the closing note: looked at by a person, never committed. */
const SCREENS = process.env.WORKBENCH_SCREENS ?? path.resolve(import.meta.dirname, '../screens');

/** The menu's groups each role sees, by the work (nb). */
const GROUPS: Record<DemoRole, readonly string[]> = {
  admin: ['Planlegge', 'Lære', 'Administrere'],
  coordinator: ['Avdekke', 'Hjelpe', 'Planlegge', 'Vite', 'Lære', 'Administrere'],
  caseworker: ['Avdekke', 'Hjelpe', 'Planlegge', 'Lære', 'Administrere'],
  frontline: ['Avdekke', 'Planlegge', 'Lære', 'Administrere'],
  // The demo keeps the local situation map closed to partners: no "Vite" group.
  partner: ['Hjelpe', 'Planlegge', 'Lære', 'Administrere'],
  viewer: ['Planlegge', 'Vite', 'Lære'],
  procurement: ['Avdekke', 'Planlegge', 'Lære', 'Administrere'],
};

async function openHome(page: Page, role: DemoRole) {
  await signInByApi(page, demoEmail(role));
  await new AppShell(page).openHome();
  // The queue (or, for the viewer, the plan card) has loaded.
  if (role === 'viewer') await expect(page.getByRole('heading', { level: 2, name: 'Handlingsplanen' })).toBeVisible();
  else await expect(page.getByRole('heading', { level: 2, name: 'Dette venter på deg' })).toBeVisible();
  await expect(page.getByText('Laster …')).toHaveCount(0);
}

function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENS, { recursive: true });
  return page.screenshot({ path: path.join(SCREENS, name), fullPage: true });
}

test.describe('home and menu on a wide screen', () => {
  test.use({ viewport: DESKTOP });

  for (const role of ROLES) {
    test(`${role}: the menu is grouped by the work, the home shows the role's queue, axe finds nothing`, async ({ page }) => {
      await openHome(page, role);
      const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
      // No menu button on a wide screen: the groups are always shown.
      await expect(nav.getByRole('button', { name: 'Meny' })).toBeHidden();
      for (const group of GROUPS[role]) await expect(nav.getByRole('list', { name: group })).toBeVisible();
      await expect(nav.getByRole('list')).toHaveCount(GROUPS[role].length + 2);
      // Nothing on home repeats the menu or promises what exists.
      await expect(page.getByText('Dette kan du bruke nå')).toHaveCount(0);
      await expectNoAxeViolations(page);
      await screenshot(page, `home-${role}-1280.png`);
    });
  }

  test('the coordinator: each count links to its filtered list', async ({ page }) => {
    await openHome(page, 'coordinator');
    const queue = page.getByRole('region', { name: 'Dette venter på deg' });
    const newConcerns = queue.getByRole('link', { name: /Nye bekymringer uten saksbehandler/ });
    await expect(newConcerns).toHaveAttribute('href', '/app/concerns?status=new&assigned=none');
    await expect(queue.getByRole('link', { name: /Nye tips som ikke er lest/ })).toHaveAttribute('href', '/app/tips?status=new&unread=true');
    await expect(queue.getByRole('link', { name: /Refleksjonsperioder som snart slutter/ })).toHaveAttribute('href', '/app/cases?deadline=soon');
    await expect(queue.getByRole('list', { name: 'Avdekke' })).toBeVisible();
    await newConcerns.click();
    await expect(page).toHaveURL(/\/app\/concerns\?status=new&assigned=none$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('a frontline worker sees only their own concerns and training; a partner their referrals and measures', async ({ page, browser, baseURL }) => {
    await openHome(page, 'frontline');
    const queue = page.getByRole('region', { name: 'Dette venter på deg' });
    await expect(queue.getByRole('link')).toHaveCount(3);
    await expect(queue.getByRole('link', { name: /Bekymringer du har meldt som er under behandling/ })).toBeVisible();
    await expect(queue.getByRole('link', { name: /Opplæring du ikke har fullført/ })).toHaveAttribute('href', '/app/training?due=me');
    // The frontline worker's main task is one step from home.
    await expect(page.getByRole('link', { name: 'Start en kartlegging' })).toHaveAttribute('href', '/app/screening');

    const context = await browser.newContext({ baseURL, locale: 'nb-NO', viewport: DESKTOP });
    const partner = await context.newPage();
    await openHome(partner, 'partner');
    const partnerQueue = partner.getByRole('region', { name: 'Dette venter på deg' });
    await expect(partnerQueue.getByRole('link', { name: /Henvisninger som venter på svar fra dere/ })).toHaveAttribute('href', '/app/referrals?state=awaiting');
    await expect(partnerQueue.getByRole('link', { name: /Tiltak i handlingsplanen som er forsinket/ })).toHaveAttribute('href', '/app/plans?due=overdue');
    await expect(partnerQueue.getByRole('link', { name: /Bekymringer/ })).toHaveCount(0);
    await expect(partner.getByRole('link', { name: 'Start en kartlegging' })).toHaveCount(0);
    await context.close();
  });

  test('keyboard: the skip link comes first, then the header, then the menu in order, then the page', async ({ page }) => {
    await openHome(page, 'coordinator');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Hopp til hovedinnhold' })).toBeFocused();
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    // Tab to the first menu link, then through the groups in the order they are shown.
    const home = nav.getByRole('link', { name: 'Hjem', exact: true });
    for (let step = 0; step < 10 && !(await home.evaluate((element) => element === document.activeElement)); step += 1) await page.keyboard.press('Tab');
    await expect(home).toBeFocused();
    for (const name of ['Kartlegging', 'Lagrede kartlegginger', 'Bekymringer', 'Tips', 'Henvisningsløype', 'Saker']) {
      await page.keyboard.press('Tab');
      await expect(nav.getByRole('link', { name, exact: true })).toBeFocused();
    }
    await nav.getByRole('link', { name: 'Saker', exact: true }).press('Enter');
    await expect(page).toHaveURL(/\/app\/cases$/);
  });
});

test.describe('home and menu on a phone (390x844)', () => {
  test.use({ viewport: PHONE });

  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  for (const role of ROLES) {
    test(`${role}: one menu button; the home fits and passes axe`, async ({ page }) => {
      await openHome(page, role);
      const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
      const button = nav.getByRole('button', { name: 'Meny' });
      await expect(button).toHaveAttribute('aria-expanded', 'false');
      await expect(nav.getByRole('link', { name: 'Hjem', exact: true })).toBeHidden();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
      await screenshot(page, `home-${role}-390.png`);
      await button.click();
      await expect(button).toHaveAttribute('aria-expanded', 'true');
      for (const group of GROUPS[role]) await expect(nav.getByRole('list', { name: group })).toBeVisible();
      await expectNoAxeViolations(page);
      if (role === 'coordinator') await screenshot(page, `menu-${role}-390.png`);
    });
  }

  test('keyboard: the menu button opens the menu, Tab walks it, Escape closes it and returns focus, a link closes it', async ({ page }) => {
    await openHome(page, 'caseworker');
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    const button = nav.getByRole('button', { name: 'Meny' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link', { name: 'Hjem', exact: true })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link', { name: 'Kartlegging', exact: true })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).toBeFocused();
    await expect(nav.getByRole('link', { name: 'Kartlegging', exact: true })).toBeHidden();

    await page.keyboard.press('Space');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await nav.getByRole('link', { name: 'Saker', exact: true }).click();
    await expect(page).toHaveURL(/\/app\/cases$/);
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('heading', { level: 1, name: 'Saker' })).toBeVisible();
  });
});
