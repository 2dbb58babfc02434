import { StatisticsPages } from './pages/statistics';
import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

test('the coordinator keeps the local situation map and compares maturity over the years', async ({ page }) => {
  await signInByApi(page, demoEmail('coordinator'));
  const pages = new StatisticsPages(page);
  await pages.openOverview();
  await expect(page.getByRole('table', { name: 'Steder og virksomheter' }).getByRole('rowheader', { name: 'Demo Sushi og Grill (fiktiv)' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Modenhet per område og år' })).toBeVisible();
  await expectNoAxeViolations(page);

  const addSite = page.locator('details').filter({ has: page.getByText('Legg til sted eller virksomhet') });
  await addSite.getByText('Legg til sted eller virksomhet').click();
  await addSite.getByRole('textbox', { name: 'Navn', exact: true }).fill('Fiktiv Neglsalong');
  await addSite.getByRole('combobox', { name: 'Bransje (ISIC)' }).selectOption({ label: 'S Annen tjenesteyting (herunder skjønnhet)' });
  await addSite.getByRole('combobox', { name: 'Risikonivå' }).selectOption({ label: 'Høy' });
  await addSite.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByRole('table', { name: 'Steder og virksomheter' }).getByRole('rowheader', { name: 'Fiktiv Neglsalong' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A site's page: what is known, its inspections; a finding starts a concern.
  await page.getByRole('link', { name: 'Demo Sushi og Grill (fiktiv)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Demo Sushi og Grill (fiktiv)' })).toBeVisible();
  await expect(page.getByText('Tips om at ansatte ikke får lønn.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Kontroller' }).getByText('Fire ansatte uten skriftlig kontrakt.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByText(/Start en bekymring fra funnet/).click();
  await page.getByRole('textbox', { name: 'Hva bekymrer deg? Skriv ingen navn.' }).fill('Ansatte sover på lageret.');
  await page.getByRole('button', { name: 'Send bekymringen til koordinator' }).click();
  await expect(page.getByRole('table', { name: 'Kontroller' }).getByText('Bekymring sendt')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Koblinger' }).getByText(/Bekymring:/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a partner cannot read the map until the coordinator allows it', async ({ page }) => {
  await signInByApi(page, demoEmail('partner'));
  await page.goto('/app/overview');
  await expect(page.getByRole('alert').filter({ hasText: 'Du har ikke tilgang til dette.' }).first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Steder og virksomheter' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
