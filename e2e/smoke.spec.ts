import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

test('the staff app is sent precompressed: Brotli when the browser takes it, gzip otherwise, the file itself when neither', async ({ request }) => {
  const index = await request.get('/app/');
  const script = /<script[^>]+src="(\/app\/assets\/[^"]+\.js)"/.exec(await index.text())?.[1];
  expect(script, 'the staff app names its script').toBeTruthy();
  const plain = await request.get(script!, { headers: { 'accept-encoding': 'identity' } });
  expect(plain.headers()['content-encoding']).toBeUndefined();
  const body = await plain.body();
  const br = await request.get(script!, { headers: { 'accept-encoding': 'gzip, br' } });
  expect(br.headers()['content-encoding']).toBe('br');
  // The build's own .br file, not a copy compressed for this request (that one has no length).
  const stored = statSync(fileURLToPath(new URL(`../apps/web/dist${script!.replace('/app', '')}.br`, import.meta.url))).size;
  expect(Number(br.headers()['content-length'])).toBe(stored);
  // Playwright decodes what it receives: the same script arrives either way.
  expect((await br.body()).equals(body)).toBe(true);
  const gzip = await request.get(script!, { headers: { 'accept-encoding': 'gzip' } });
  expect(gzip.headers()['content-encoding']).toBe('gzip');
  expect((await gzip.body()).equals(body)).toBe(true);
});
