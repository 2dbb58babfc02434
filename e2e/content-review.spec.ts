import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

test('the admin sees the content sources and how many are due for review in the settings', async ({ page }) => {
  await signInByApi(page, demoEmail('admin'));
  await page.goto('/app/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Innstillinger' })).toBeVisible();
  const section = page.getByRole('region', { name: 'Kilder i innholdet' });
  await expect(section.getByTestId('content-review-summary')).toHaveText(/^0 av \d+ kilder skal gjennomgås nå\. Innholdet har \d+ påstander med kilde\.$/);
  await expect(section.getByText('Ingen kilder skal gjennomgås nå.')).toBeVisible();
  const upcoming = section.getByRole('table', { name: 'Neste gjennomganger' });
  await expect(upcoming.getByRole('columnheader')).toHaveText(['Kilde', 'Hvor', 'Sjekket', 'Gjennomgås innen']);
  await expect(upcoming.getByRole('row')).toHaveCount(11);
  await expect(upcoming.getByRole('cell', { name: '2026-12-04' }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a frontline worker is not shown the content sources', async ({ page }) => {
  await signInByApi(page, demoEmail('frontline'));
  const response = await page.request.get('/api/v1/content/sources');
  expect(response.status()).toBe(403);
});
