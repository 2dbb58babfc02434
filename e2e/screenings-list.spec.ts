import type { Page } from '@playwright/test';
import { ScreeningWizard } from './pages/identification';
import { demoEmail, expect, expectNoAxeViolations, openFromMenu, signInByApi, test } from './support/fixtures';

interface ListedScreening {
  id: string;
  context: string;
  level: string;
  possibleMinor: boolean;
  mine: boolean;
}

/** Every screening the signed-in user may read, through the API (paged to the end), with a filter. */
async function readable(page: Page, filter = ''): Promise<ListedScreening[]> {
  const items: ListedScreening[] = [];
  let cursor: string | null = null;
  do {
    const response = await page.request.get(`/api/v1/screenings?limit=200${filter}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { items: ListedScreening[]; nextCursor: string | null };
    items.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return items;
}

const rows = (page: Page) => page.getByRole('table', { name: /^Kartlegginger/ }).locator('tbody tr');

test('a coordinator lists every screening, pages on, filters by form and by address, opens a result and goes back to the filtered list', async ({ page }) => {
  await signInByApi(page, demoEmail('coordinator'));
  const all = await readable(page);
  // The demo has three dozen screenings, by three people: more than one page of 25.
  expect(all.length).toBeGreaterThan(25);
  expect(all.some((item) => item.mine)).toBe(true);
  expect(all.some((item) => !item.mine)).toBe(true);

  // The menu names the list under "Avdekke".
  await openFromMenu(page, 'Lagrede kartlegginger', { exact: true });
  await expect(page.getByRole('heading', { level: 1, name: 'Lagrede kartlegginger' })).toBeVisible();
  await expect(rows(page)).toHaveCount(25);
  await expect(page.getByRole('columnheader', { name: 'Gjort av' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Bare mine egne' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Paging: the next page holds the rest, and "first page" returns.
  await page.getByRole('button', { name: 'Neste side' }).click();
  await expect(page).toHaveURL(/[?&]cursor=/);
  await expect(rows(page)).toHaveCount(Math.min(25, all.length - 25));
  await page.getByRole('button', { name: 'Første side' }).click();
  await expect(page).not.toHaveURL(/[?&]cursor=/);
  await expect(rows(page)).toHaveCount(25);

  // Filter through the form: result band and possible minor; the address follows and the rows agree with the API.
  // A band and age the demo has (preferring a possible minor), so the filtered list is not empty.
  const pick = all.find((item) => item.possibleMinor && item.level !== 'none') ?? all[0];
  if (!pick) throw new Error('no screenings');
  const expected = all.filter((item) => item.level === pick.level && item.possibleMinor === pick.possibleMinor);
  await page.getByRole('combobox', { name: 'Resultat' }).selectOption(pick.level);
  await page.getByRole('combobox', { name: 'Alder' }).selectOption(String(pick.possibleMinor));
  await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]level=${pick.level}`));
  await expect(page).toHaveURL(new RegExp(`[?&]minor=${pick.possibleMinor}`));
  await expect(rows(page)).toHaveCount(Math.min(25, expected.length));
  const bandLabel = { none: 'Ingen indikatorer', some_indicators: 'Noen indikatorer', strong_indicators: 'Sterke indikatorer' }[pick.level] ?? pick.level;
  for (const row of await rows(page).all()) {
    await expect(row).toContainText(bandLabel);
    await expect(row).toContainText(pick.possibleMinor ? 'Mulig under 18 år' : 'Voksen eller ukjent');
  }

  // "Only my own" narrows the coordinator's list to the screenings they made.
  const mine = all.filter((item) => item.mine);
  await page.getByRole('button', { name: 'Nullstill' }).click();
  await page.getByRole('checkbox', { name: 'Bare mine egne' }).check();
  await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
  await expect(page).toHaveURL(/[?&]mine=true/);
  await expect(page.getByRole('table', { name: `Kartlegginger (${mine.length})` })).toBeVisible();
  await expect(rows(page)).toHaveCount(Math.min(25, mine.length));
  for (const row of await rows(page).all()) await expect(row.getByRole('cell').last()).toHaveText('Deg');

  // Filter through the address (a link shared in the team): the fields show it, the rows follow it.
  const health = all.filter((item) => item.context === 'health');
  expect(health.length).toBeGreaterThan(0);
  await page.goto('/app/screenings?context=health&sort=-level');
  await expect(page.getByRole('combobox', { name: 'Tjeneste' })).toHaveValue('health');
  await expect(page.getByRole('combobox', { name: 'Sortering' })).toHaveValue('-level');
  await expect(rows(page)).toHaveCount(Math.min(25, health.length));
  for (const row of await rows(page).all()) await expect(row).toContainText('Helsetjenesten');
  await expectNoAxeViolations(page);

  // Open the first (strongest) result: the read is audited once.
  const auditCount = async () => {
    const response = await page.request.get('/api/v1/audit?action=screening.viewed&limit=200');
    expect(response.status()).toBe(200);
    return ((await response.json()) as { items: unknown[] }).items.length;
  };
  const before = await auditCount();
  await rows(page).first().getByRole('link').click();
  await expect(page).toHaveURL(/\/app\/screenings\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Resultat av kartlegging' })).toBeVisible();
  await expect(page.getByText('Dette er en indikatorprofil, ikke en konklusjon.', { exact: false })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Indikatorprofil' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Neste steg' })).toBeVisible();
  await expect(page.getByText('Tjeneste: Helsetjenesten.', { exact: false })).toBeVisible();
  // The answers are shown as the catalogue's questions, never as indicator codes.
  const answers = page.getByTestId('screening-answers').locator('tbody tr');
  await expect(answers.first()).toBeVisible();
  for (const cell of await page.getByTestId('screening-answers').locator('tbody td').allTextContents()) {
    expect(cell).not.toMatch(/^[a-z]+\.[a-z0-9-]+$/);
  }
  await expect(page.getByTestId('screening-answers')).toContainText('?');
  await expectNoAxeViolations(page);
  await expect.poll(auditCount).toBe(before + 1);

  // The breadcrumb goes back to the list as it was left, filters included.
  await page.getByRole('navigation', { name: 'Brødsmulesti' }).getByRole('link', { name: /Lagrede kartlegginger/ }).click();
  await expect(page).toHaveURL(/\/app\/screenings\?/);
  await expect(page).toHaveURL(/[?&]context=health/);
  await expect(page).toHaveURL(/[?&]sort=-level/);
  await expect(page.getByRole('combobox', { name: 'Tjeneste' })).toHaveValue('health');
});

test('a frontline worker sees only their own screenings, finds a new one again after saving it, and another role has no list', async ({ page, browser }) => {
  await signInByApi(page, demoEmail('frontline'));
  const own = await readable(page);
  expect(own.length).toBeGreaterThan(0);
  expect(own.every((item) => item.mine)).toBe(true);

  // The home's screening area links to the list.
  await page.goto('/app/');
  await expect(page.getByRole('link', { name: 'Start en kartlegging' })).toHaveAttribute('href', '/app/screening');
  await page.getByRole('link', { name: 'Mine kartlegginger' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lagrede kartlegginger' })).toBeVisible();
  await expect(page.getByRole('table', { name: `Kartlegginger (${own.length})` })).toBeVisible();
  await expect(rows(page)).toHaveCount(Math.min(25, own.length));
  await expect(page.getByRole('columnheader', { name: 'Gjort av' })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'Bare mine egne' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // A new screening: after saving, its result page is one link away, and the list has it on top.
  const wizard = new ScreeningWizard(page);
  await wizard.open();
  await wizard.choose('Tjenesten du jobber i', 'Skole');
  await wizard.choose('Alder (omtrent)', '13–15 år');
  await wizard.next();
  await wizard.answer('Er barnet borte fra skolen, eller har barnet mye fravær uten forklaring?', 'Ja');
  await wizard.seeResult();
  await page.getByRole('button', { name: 'Lagre kartleggingen' }).click();
  const openSaved = page.getByRole('link', { name: 'Åpne resultatsiden' });
  await expect(openSaved).toBeVisible();
  await openSaved.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Resultat av kartlegging' })).toBeVisible();
  await expect(page.getByText('Du gjorde denne kartleggingen.')).toBeVisible();
  await expect(page.getByTestId('screening-answers')).toContainText('Er barnet borte fra skolen, eller har barnet mye fravær uten forklaring?');
  await expect(page.getByTestId('screening-answers')).toContainText('Ja');
  await expect(page.getByText('Tjeneste: Skole.', { exact: false })).toBeVisible();
  const savedUrl = page.url();
  const savedId = savedUrl.split('/').pop() ?? '';
  await page.goto('/app/screenings');
  await expect(page.getByRole('table', { name: `Kartlegginger (${own.length + 1})` })).toBeVisible();
  await expect(rows(page).first().getByRole('link')).toHaveAttribute('href', `/app/screenings/${savedId}`);

  // A partner (no screenings:read) has neither the list nor its menu item.
  const partnerContext = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: 'nb-NO' });
  const partner = await partnerContext.newPage();
  await signInByApi(partner, demoEmail('partner'));
  expect((await partner.request.get('/api/v1/screenings')).status()).toBe(403);
  await partner.goto('/app/screenings');
  await expect(partner.getByRole('heading', { level: 1, name: 'Ingen tilgang' })).toBeVisible();
  await expect(partner.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Lagrede kartlegginger' })).toHaveCount(0);
  await partnerContext.close();
});

test('keyboard: filter, open a result and go back without a mouse', async ({ page }) => {
  await signInByApi(page, demoEmail('coordinator'));
  await page.goto('/app/screenings');
  await expect(rows(page)).toHaveCount(25);
  // Choose a result band with the arrow keys, then apply with Enter on the filter button.
  await page.getByRole('combobox', { name: 'Resultat' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.getByRole('button', { name: 'Filtrer', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]level=some_indicators/);
  // Tab from the filter bar to the first result link and open it with Enter.
  const firstLink = rows(page).first().getByRole('link');
  await expect(firstLink).toBeVisible();
  await page.getByRole('button', { name: 'Nullstill' }).focus();
  for (let step = 0; step < 10 && !(await firstLink.evaluate((element) => element === document.activeElement)); step += 1) await page.keyboard.press('Tab');
  await expect(firstLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Resultat av kartlegging' })).toBeVisible();
  const back = page.getByRole('navigation', { name: 'Brødsmulesti' }).getByRole('link', { name: /Lagrede kartlegginger/ });
  await back.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]level=some_indicators/);
  await expect(page.getByRole('combobox', { name: 'Resultat' })).toHaveValue('some_indicators');
});

test.describe('on a phone (390x844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the list and a result fit the screen and pass axe', async ({ page }) => {
    await signInByApi(page, demoEmail('frontline'));
    await page.goto('/app/screenings');
    await expect(page.getByRole('heading', { level: 1, name: 'Lagrede kartlegginger' })).toBeVisible();
    await expect(rows(page).first()).toBeVisible();
    // The page itself does not scroll sideways (a wide table scrolls inside its own box).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page);
    await rows(page).first().getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Resultat av kartlegging' })).toBeVisible();
    // On a phone the breadcrumb is the one step back.
    await expect(page.getByRole('navigation', { name: 'Brødsmulesti' }).getByText('Tilbake til Lagrede kartlegginger')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page);
  });
});
