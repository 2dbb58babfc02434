import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

/** Fictional people (never real): list membership by number. */
const person = (i: number) => `Fiktiv Testperson${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))},19${70 + (i % 30)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(13 + (i % 15)).padStart(2, '0')}`;
const csv = (from: number, to: number, extra: number[] = []) =>
  Buffer.from(['name,date_of_birth', ...[...Array.from({ length: to - from }, (_, k) => from + k), ...extra].map(person)].join('\n'));

test('a coordinator brings three lists and gets an estimate with its meaning', async ({ page }) => {
  await signInByApi(page, demoEmail('coordinator'));
  await page.goto('/app/prevalence');
  await expect(page.getByRole('heading', { level: 1, name: 'Hvor mange ser vi ikke?' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('textbox', { name: 'Navn på studien' }).fill('Mulige ofre (test)');
  await page.getByRole('button', { name: 'Opprett studie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mulige ofre (test)' })).toBeVisible();

  const lists = [
    ['Politiet', csv(0, 60)],
    ['Krisesenteret', csv(40, 90)],
    ['NAV', csv(80, 110, [30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44])],
  ] as const;
  for (const [name, buffer] of lists) {
    await page.getByRole('textbox', { name: 'Hvilken tjeneste listen kommer fra' }).fill(name);
    await page.getByLabel('Liste (CSV)').setInputFiles({ name: `${name}.csv`, mimeType: 'text/csv', buffer });
    await page.getByRole('button', { name: 'Legg til listen' }).click();
    await expect(page.getByRole('table', { name: 'Lister' }).getByRole('rowheader', { name })).toBeVisible();
  }
  await expect(page.getByRole('table', { name: 'Overlappstabell' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Lag anslag' }).click();
  const result = page.getByRole('region', { name: 'Anslag' });
  await expect(result.getByText(/^Anslått i alt: .* \(95 % konfidensintervall .*\)$/)).toBeVisible();
  await expect(result.getByText(/Sett på minst én liste: 110\./)).toBeVisible();
  await expect(result.getByText(/^Modell: main effects/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Forutsetninger' })).toBeVisible();
  await expect(page.getByText(/Lukket populasjon/)).toBeVisible();
  await expectNoAxeViolations(page);
});
