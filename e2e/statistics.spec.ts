import fs from 'node:fs';
import { StatisticsPages } from './pages/statistics';
import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

test('a council member reads the protected statistics, where no small count shows, and downloads a table as CSV', async ({ page }) => {
  await signInByApi(page, demoEmail('viewer'));
  const stats = new StatisticsPages(page);
  await stats.openStatistics();
  // Viewers never get the internal page.
  await expect(page.getByRole('link', { name: 'Se interne, eksakte tall' })).toHaveCount(0);
  await expect(page.getByRole('figure', { name: 'Per år, siste fem år' })).toBeVisible();
  await expect(stats.dataTable('Saker etter kjønn')).toBeVisible();
  await expectNoAxeViolations(page);

  // The demo's few cases are all small counts: none of 1-4 is shown anywhere on the page.
  for (const value of await stats.shownNumbers()) expect(value === 0 || value >= 5, `shown ${value}`).toBe(true);
  await expect(stats.dataTable('Saker etter kjønn').getByRole('cell', { name: 'skjult*' }).first()).toBeVisible();

  // Quarters instead of months, and another source.
  await stats.choose('Tid vises per', 'Kvartal');
  await expect(stats.dataTable('Saker etter kvartal')).toBeVisible();
  await stats.choose('Hva som telles', 'Kartlegginger');
  await expect(
    page.getByRole('heading', {
      level: 2,
      name: new RegExp(`^Kartlegginger ${new Date().getFullYear()}`),
    }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // A table as CSV: the same protected figures, with the note.
  await stats.choose('Hva som telles', 'Saker');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV: Saker etter kjønn' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`statistikk-${new Date().getFullYear()}-case.gender.csv`);
  const csv = fs.readFileSync((await download.path()) ?? '', 'utf8');
  expect(csv).toContain('"Kode","Kjønn","Antall"');
  expect(csv).toMatch(/"female","Kvinne","/);
  expect(csv).toContain('Færre enn 5');
  for (const line of csv.split('\r\n').filter((row) => /^"(female|male|other|unknown)"/.test(row))) expect(line).not.toMatch(/,"[1-4]"$/);
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
  await expect(stats.dataTable('Saker etter kjønn').getByRole('cell', { name: 'skjult*' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  const htcds = await page.request.get((await page.getByRole('link', { name: 'HTCDS, k-anonymisert (CSV)' }).getAttribute('href')) ?? '');
  expect(htcds.status()).toBe(200);
  expect((await htcds.text()).split('\r\n')[0]).toContain('prs_Gender');
});
