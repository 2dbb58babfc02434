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

test('the staff app preloads its three Inter files, and the page uses exactly those (no second fetch, no unused preload)', async ({ page }) => {
  const fonts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'font') fonts.push(new URL(request.url()).pathname);
  });
  await page.goto('/app/');
  const preloaded = await page.locator('link[rel="preload"][as="font"]').evaluateAll((links) =>
    links.map((link) => ({ href: new URL((link as HTMLLinkElement).href).pathname, crossOrigin: (link as HTMLLinkElement).crossOrigin, type: link.getAttribute('type') })),
  );
  expect(preloaded.map((link) => /^\/app\/assets\/inter-latin-(\d00)-normal-[^/]+\.woff2$/.exec(link.href)?.[1])).toEqual(['400', '500', '600']);
  for (const link of preloaded) expect(link).toMatchObject({ crossOrigin: 'anonymous', type: 'font/woff2' });
  // The text is drawn in Inter once the fonts are in; the preloaded files are the ones the CSS uses.
  await expect.poll(() => page.evaluate(async () => (await document.fonts.ready, document.fonts.check('500 16px Inter')))).toBe(true);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.evaluate(() => document.fonts.ready);
  for (const link of preloaded) expect(fonts.filter((font) => font === link.href), link.href).toHaveLength(1);
});
