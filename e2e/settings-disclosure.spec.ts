import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

// Reads and checks the form only: saving would change k for every other spec on the shared demo server.
test('the admin sees k, the rounding and the noise (D, V) of statistics in the settings, and values out of bounds are refused on the field', async ({ page }) => {
  await signInByApi(page, demoEmail('admin'));
  await page.goto('/app/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Innstillinger' })).toBeVisible();
  const group = page.getByRole('group', { name: 'Vern av små tall i statistikk' });
  const k = group.getByRole('spinbutton', { name: 'Minste tall som vises (k)' });
  await expect(k).toHaveValue('5');
  const rounding = group.getByRole('combobox', { name: 'Avrunding av tall som vises' });
  await expect(rounding).toHaveValue('1');
  await expect(rounding.getByRole('option')).toHaveText(['Ingen avrunding', 'Til nærmeste 2', 'Til nærmeste 3', 'Til nærmeste 5', 'Til nærmeste 10']);
  const noiseMax = group.getByRole('spinbutton', { name: 'Største støy på et publisert tall (D)' });
  await expect(noiseMax).toHaveValue('3');
  const variance = group.getByRole('spinbutton', { name: 'Spredning i støyen (varians V)' });
  await expect(variance).toHaveValue('1');
  await expectNoAxeViolations(page);

  let patched = false;
  page.on('request', (request) => {
    if (request.method() === 'PATCH' && request.url().endsWith('/api/v1/municipality')) patched = true;
  });
  await k.fill('2');
  await noiseMax.fill('9');
  await variance.fill('0.1');
  await page.getByRole('button', { name: 'Lagre', exact: true }).click();
  await expect(page.getByText('Skriv et helt tall mellom 3 og 20.')).toBeVisible();
  await expect(page.getByText('Skriv et helt tall mellom 1 og 5.')).toBeVisible();
  await expect(page.getByText('Skriv et tall mellom 0.5 og 10.0.')).toBeVisible();
  expect(patched).toBe(false);
  await expectNoAxeViolations(page);
});
