import fs from 'node:fs';
import { StatisticsPages } from './pages/statistics';
import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

test('a council member reads the published release of the last closed year, never the open one, and downloads the KOM summary', async ({ page }) => {
  const closed = new Date().getFullYear() - 1;
  const open = closed + 1;
  await signInByApi(page, demoEmail('viewer'));
  const stats = new StatisticsPages(page);
  await stats.openStatistics();
  // Viewers never get the internal page, nor the publish button.
  await expect(page.getByRole('link', { name: 'Se interne, eksakte tall' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Publiser ny utgave/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: `Saker ${closed}` })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Per år, siste fem år' })).toBeVisible();
  await expectNoAxeViolations(page);
  // No published figure is between 1 and k-1, anywhere on the page.
  for (const value of await stats.shownNumbers()) expect(value, `shown ${value}`).toBeGreaterThanOrEqual(5);

  // Three years pooled: no months or quarters, and the page says so.
  await stats.choose('Periode', 'Tre år samlet');
  await expect(page.getByRole('heading', { level: 2, name: `Saker ${closed - 2}–${closed}` })).toBeVisible();
  await expect(page.getByText('Flere år samlet: svarer når ett år gir for små tall.')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Tid vises per' })).toHaveCount(0);
  for (const value of await stats.shownNumbers()) expect(value, `shown ${value}`).toBeGreaterThanOrEqual(5);
  await expectNoAxeViolations(page);

  // The open year: nothing is published.
  await stats.choose('Periode', 'Ett år');
  await stats.choose('År', String(open));
  await expect(page.getByText(`Tallene for ${open} publiseres når året er over.`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: `Saker ${open}` })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The KOM summary of the closed year: every category listed, the release named, nothing from 1 to 4.
  await stats.choose('År', String(closed));
  await expect(page.getByRole('heading', { level: 2, name: `Saker ${closed}` })).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Årssammendrag til KOM (CSV)' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`kom-arsrapport-${closed}.csv`);
  const csv = fs.readFileSync((await download.path()) ?? '', 'utf8');
  expect(csv).toContain(`Publisert utgave`);
  expect(csv).toContain('"Organfjerning",');
  expect(csv).toContain('«Færre enn 5», også null');
  for (const line of csv.split('\r\n')) expect(line).not.toMatch(/,"[1-4]"$/);
});

test('the coordinator sees exact figures only on the page marked internal', async ({ page }) => {
  await signInByApi(page, demoEmail('coordinator'));
  const stats = new StatisticsPages(page);
  await stats.openStatistics();
  await page.getByRole('link', { name: 'Se interne, eksakte tall' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Statistikk – interne tall' })).toBeVisible();
  await expect(page.getByText('Internt', { exact: true })).toBeVisible();
  await expect(page.getByText(/viser eksakte tall, også små/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'HTCDS, k-anonymisert (CSV)' })).toBeVisible();
  await expect(stats.dataTable('Saker etter kjønn').getByRole('cell', { name: 'færre enn 5' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  const htcds = await page.request.get((await page.getByRole('link', { name: 'HTCDS, k-anonymisert (CSV)' }).getAttribute('href')) ?? '');
  expect(htcds.status()).toBe(200);
  expect((await htcds.text()).split('\r\n')[0]).toContain('prs_Gender');
});

test('the coordinator publishes a new release of a closed year; unchanged figures make none', async ({ page }) => {
  const closed = new Date().getFullYear() - 1;
  await signInByApi(page, demoEmail('coordinator'));
  const stats = new StatisticsPages(page);
  await stats.openStatistics();
  await expect(page.getByRole('heading', { level: 2, name: `Saker ${closed}` })).toBeVisible();
  const publish = page.getByRole('button', { name: `Publiser ny utgave for ${closed}` });
  await publish.click();
  await expect(page.getByText(/^(Utgave \d+ er publisert\.|Tallene er uendret; utgave \d+ gjelder fortsatt\.)$/)).toBeVisible();
  // Asked again at once: the figures are the same, so no new release.
  await publish.click();
  await expect(page.getByText(/^Tallene er uendret; utgave \d+ gjelder fortsatt\.$/)).toBeVisible();
  await expectNoAxeViolations(page);
});
