import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

type ReportList = { items: Array<{ id: string; year: number }> };

test('a council report document is made in the background, survives leaving the page, and is fetched from My downloads', async ({ page }) => {
  test.slow();
  await signInByApi(page, demoEmail('coordinator'));
  const reports = (await (await page.request.get('/api/v1/reports')).json()) as ReportList;
  const report = reports.items.find((item) => item.year === new Date().getFullYear()) ?? reports.items[0];
  if (!report) throw new Error('the demo has no council report');
  await page.goto(`/app/reports/${report.id}/versions/1`);

  // Asked for by keyboard; the state is announced (role status) and the user is told they may leave.
  const button = page.getByRole('button', { name: 'Last ned Word (DOCX)', exact: true });
  const block = page.locator('.background-download').filter({ has: button });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(block.getByRole('status')).toContainText('Kommunestyrerapport, versjon 1 (DOCX)');
  await expect(block.getByText('Bestilt. Du kan gå fra siden')).toBeVisible();
  await expectNoAxeViolations(page);

  // Leave at once for My downloads: the file is made meanwhile and waits there.
  await block.getByRole('link', { name: 'Mine nedlastinger' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine nedlastinger' })).toBeVisible();
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Kommunestyrerapport, versjon 1 (DOCX)' }) }).first();
  const fileLink = item.getByRole('link', { name: /^Last ned kommunestyrerapport-\d{4}-v1(-utkast)?\.docx$/ });
  await expect(fileLink).toBeVisible({ timeout: 120_000 });
  await expect(item.getByRole('status')).toContainText('Klar');
  await expectNoAxeViolations(page);
  const [download] = await Promise.all([page.waitForEvent('download'), fileLink.click()]);
  expect(download.suggestedFilename()).toMatch(/^kommunestyrerapport-\d{4}-v1(-utkast)?\.docx$/);
  const stream = await download.createReadStream();
  const first = await new Promise<Buffer>((resolve, reject) => {
    stream.once('data', (chunk) => resolve(Buffer.from(chunk)));
    stream.once('error', reject);
  });
  stream.destroy();
  expect(first.subarray(0, 2).toString()).toBe('PK');

  // Back on the report page, the finished file is still shown beside its button.
  await page.goto(`/app/reports/${report.id}/versions/1`);
  await expect(page.locator('.background-download').filter({ has: button }).getByRole('link', { name: /^Last ned kommunestyrerapport-.*\.docx$/ })).toBeVisible();

  // Only the asker sees it, even among users who may read the report: tested in apps/api/src/modules/downloads.

  // Removed at once by the user.
  await page.goto('/app/downloads');
  const docxItems = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Kommunestyrerapport, versjon 1 (DOCX)' }) });
  await expect(docxItems.first()).toBeVisible();
  const before = await docxItems.count();
  await docxItems.first().getByRole('button', { name: /^Fjern/ }).click();
  await expect(docxItems).toHaveCount(before - 1);
});
