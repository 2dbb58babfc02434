import { expect, expectNoAxeViolations, test } from './support/fixtures';

test('the API answers health, / leads to the public pages and their staff link to the staff app', async ({ page, request }) => {
  const health = await request.get('/api/health');
  expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });
  await page.goto('/');
  await expect(page).toHaveURL(/\/nb\/$/);
  await page.getByRole('link', { name: 'For ansatte' }).click();
  await expect(page).toHaveURL(/\/app\//);
  await expectNoAxeViolations(page);
});

test('the API docs are served locally', async ({ page }) => {
  await page.goto('/api/docs');
  await expect(page.getByText('Lykt API').first()).toBeVisible();
});
