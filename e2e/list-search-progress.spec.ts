import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

test('a slow list search shows an announced "Søker …" with the results marked busy, gone when the answer comes; the search stays in the address', async ({ page }) => {
  await signInByApi(page, demoEmail('admin'));
  await page.goto('/app/audit');
  const table = page.getByRole('table', { name: /^Hendelser/ });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const region = page.locator('.list-search-region');
  await expect(region).toHaveAttribute('aria-busy', 'false');

  // The real answer to the search is held back until the test lets it through: delayed, not mocked.
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/api\/v1\/audit\?.*q=auth\.login/, async (route) => {
    const response = await route.fetch();
    await released;
    await route.fulfill({ response });
  });

  const searchbox = page.getByRole('searchbox', { name: 'Søk' });
  await searchbox.fill('auth.login');
  await searchbox.press('Enter');
  await expect(page).toHaveURL(/[?&]q=auth\.login/);
  const searching = page.getByRole('status').filter({ hasText: 'Søker …' });
  await expect(searching).toBeVisible();
  await expect(region).toHaveAttribute('aria-busy', 'true');
  // The previous rows stay in place while the search runs.
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await expectNoAxeViolations(page);

  release();
  await expect(searching).toHaveCount(0);
  await expect(region).toHaveAttribute('aria-busy', 'false');
  await expect(table.getByRole('row').nth(1)).toContainText('auth.login');

  // Leave and come back: the search is in the address, so it is there (and runs) again.
  await page.goto('/app');
  await page.goBack();
  await expect(page).toHaveURL(/[?&]q=auth\.login/);
  await expect(page.getByRole('searchbox', { name: 'Søk' })).toHaveValue('auth.login');
  await expect(page.getByRole('table', { name: /^Hendelser/ }).getByRole('row').nth(1)).toContainText('auth.login');
});
