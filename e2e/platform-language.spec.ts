import type { Page } from '@playwright/test';
import { PlatformApi } from './pages/platform-api';
import { AppShell } from './pages/platform-shell';
import { expect, signInByApi, test } from './support/fixtures';

/** Waits for the header switch to save the language on the user's profile. */
function languageSaved(page: Page, language: 'nb' | 'en') {
  return page.waitForResponse(
    (response) => response.url().endsWith('/api/v1/me') && response.request().method() === 'PATCH' && response.request().postDataJSON()?.language === language,
  );
}

test('the header switch changes the language, which is kept on reload and saved on the profile', async ({ page, browser }) => {
  // A user of its own: the choice is saved on the profile, which shared demo accounts must not get.
  const admin = await PlatformApi.asDemo('admin');
  const user = await admin.createUser('partner', 'language');
  await admin.dispose();
  const shell = new AppShell(page);
  const html = page.locator('html');

  await signInByApi(page, user.email, user.password);
  await shell.openHome();
  await expect(html).toHaveAttribute('lang', 'nb');

  const savedEn = languageSaved(page, 'en');
  await shell.languageButton('English').click();
  expect((await savedEn).status()).toBe(200);
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${user.name}` })).toBeVisible();
  const menu = page.getByRole('navigation', { name: 'Main menu' });
  await expect(menu.getByRole('link', { name: 'Home', exact: true })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Organisations', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByText('DEMO — fictional data', { exact: true })).toBeVisible();
  await expect(shell.languageButton('Norsk bokmål')).toBeVisible();

  await page.reload();
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${user.name}` })).toBeVisible();

  // Saved on the profile: another browser shows English after signing in.
  const other = await browser.newContext();
  try {
    const otherPage = await other.newPage();
    await signInByApi(otherPage, user.email, user.password);
    await otherPage.goto('/app/');
    await expect(otherPage.getByRole('heading', { level: 1, name: `Welcome, ${user.name}` })).toBeVisible();
    await expect(otherPage.locator('html')).toHaveAttribute('lang', 'en');
  } finally {
    await other.close();
  }

  const savedNb = languageSaved(page, 'nb');
  await shell.languageButton('Norsk bokmål').click();
  expect((await savedNb).status()).toBe(200);
  await expect(html).toHaveAttribute('lang', 'nb');
  await shell.expectHome(user.name);
  await expect(shell.navLink('Hjem')).toBeVisible();
  await expect(shell.languageButton('English')).toBeVisible();
  await page.reload();
  await expect(html).toHaveAttribute('lang', 'nb');
  await shell.expectHome(user.name);
});
