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
  await page.getByRole('table', { name: 'Steder og virksomheter' }).getByRole('link', { name: 'Demo Sushi og Grill (fiktiv)' }).click();
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

test('the coordinator changes and archives risk groups, services and patterns', async ({ page }) => {
  await signInByApi(page, demoEmail('coordinator'));
  const pages = new StatisticsPages(page);
  await pages.openOverview();

  const groups = page.getByRole('region', { name: 'Risikogrupper' });
  const addGroup = groups.locator('details').filter({ has: page.getByText('Legg til risikogruppe') });
  await addGroup.getByText('Legg til risikogruppe').click();
  await addGroup.getByRole('textbox', { name: 'Beskrivelse' }).fill('Fiktive sesongarbeidere');
  await addGroup.getByRole('button', { name: 'Lagre' }).click();
  const groupTable = page.getByRole('table', { name: 'Risikogrupper' });
  await expect(groupTable.getByRole('rowheader', { name: 'Fiktive sesongarbeidere' })).toBeVisible();

  const editGroup = groupTable.locator('details').filter({ has: page.getByText('Endre «Fiktive sesongarbeidere»') });
  await editGroup.getByText('Endre «Fiktive sesongarbeidere»').click();
  await expect(editGroup.getByRole('textbox', { name: 'Beskrivelse' })).toHaveValue('Fiktive sesongarbeidere');
  await editGroup.getByRole('textbox', { name: 'Beskrivelse' }).fill('Fiktive bærplukkere');
  await editGroup.getByRole('button', { name: 'Lagre' }).click();
  await expect(groupTable.getByRole('rowheader', { name: 'Fiktive bærplukkere' })).toBeVisible();
  await expect(groupTable.getByRole('rowheader', { name: 'Fiktive sesongarbeidere' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await groupTable.getByRole('button', { name: 'Arkiver «Fiktive bærplukkere»' }).click();
  await expectNoAxeViolations(page);
  await groupTable.getByRole('group', { name: 'Arkiver «Fiktive bærplukkere»' }).getByRole('button', { name: 'Ja, arkiver' }).click();
  await expect(page.getByRole('cell', { name: 'Fiktive bærplukkere' }).or(page.getByRole('rowheader', { name: 'Fiktive bærplukkere' }))).toHaveCount(0);

  for (const [region, add, field, before, after] of [
    ['Tjenester og kapasitet', 'Legg til tjeneste', 'Navn', 'Fiktivt krisesenter', 'Fiktivt botilbud'],
    ['Kjente mønstre', 'Legg til mønster', 'Kort tittel', 'Fiktiv rekruttering på nett', 'Fiktiv rekruttering i sosiale medier'],
  ] as const) {
    const section = page.getByRole('region', { name: region });
    const addEntry = section.locator('details').filter({ has: page.getByText(add) });
    await addEntry.getByText(add).click();
    await addEntry.getByRole('textbox', { name: field, exact: true }).fill(before);
    await addEntry.getByRole('button', { name: 'Lagre' }).click();
    const table = page.getByRole('table', { name: region });
    await expect(table.getByRole('rowheader', { name: before })).toBeVisible();
    const edit = table.locator('details').filter({ has: page.getByText(`Endre «${before}»`) });
    await edit.getByText(`Endre «${before}»`).click();
    await edit.getByRole('textbox', { name: field, exact: true }).fill(after);
    await edit.getByRole('button', { name: 'Lagre' }).click();
    await expect(table.getByRole('rowheader', { name: after })).toBeVisible();
    await table.getByRole('button', { name: `Arkiver «${after}»` }).click();
    await table.getByRole('button', { name: 'Ja, arkiver' }).click();
    await expect(page.getByRole('rowheader', { name: after })).toHaveCount(0);
  }
  await expectNoAxeViolations(page);
});

test('a partner cannot read the map until the coordinator allows it', async ({ page }) => {
  await signInByApi(page, demoEmail('partner'));
  await page.goto('/app/overview');
  await expect(page.getByRole('alert').filter({ hasText: 'Du har ikke tilgang til dette.' }).first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Steder og virksomheter' })).toHaveCount(0);
  // The menu does not offer a map the partner cannot open; other items stay.
  const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
  await expect(nav.getByRole('link', { name: 'Kunnskapsbank', exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Lokal situasjon' })).toHaveCount(0);
  await page.goto('/app/');
  await expect(nav.getByRole('link', { name: 'Kunnskapsbank', exact: true })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: /Lokal situasjon/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
