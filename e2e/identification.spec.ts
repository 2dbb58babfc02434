import { E2E_BASE_URL } from './playwright.config';
import { ConcernPage, DirectConcernForm, ScreeningWizard } from './pages/identification';
import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

const PHONE = { width: 390, height: 844 };

test.describe('identification on a phone', () => {
  test.use({ viewport: PHONE });

  test('a nurse screens a possible minor, sees "notify child welfare" with the configured contact, sends a concern, and the coordinator triages it', async ({ page, browser, baseURL }) => {
    await signInByApi(page, demoEmail('frontline'));
    const wizard = new ScreeningWizard(page);
    await wizard.open();
    await expectNoAxeViolations(page);

    await wizard.choose('Tjenesten du jobber i', 'Helsetjenesten');
    await wizard.choose('Alder (omtrent)', '13–15 år');
    await expect(page.getByRole('checkbox', { name: 'Kan være under 18 år' })).toBeChecked();
    await wizard.choose('Hvor du møtte personen', 'Helsetjeneste');
    await wizard.next();
    await expectNoAxeViolations(page);

    // The score updates in the browser as the nurse answers: no round trip per question.
    await wizard.answer('Er barnet borte fra skolen, eller har barnet mye fravær uten forklaring?', 'Ja');
    await expect(page.getByText('1 indikator besvart med ja så langt.')).toBeVisible();
    await wizard.answer('Snakker noen andre for personen, eller insisterer på å være til stede?', 'Vet ikke');
    await wizard.seeResult();

    await expect(page.getByText('Dette er en indikatorprofil, ikke en konklusjon.', { exact: false })).toBeVisible();
    const childWelfare = wizard.step('notify_child_welfare');
    await expect(childWelfare.getByRole('heading', { name: 'Meld til barnevernet' })).toBeVisible();
    await expect(childWelfare.getByText('Barneverntjenesten i Eksempel')).toBeVisible();
    await expect(childWelfare.getByRole('link', { name: 'Ring +47 99 00 00 02' })).toHaveAttribute('href', 'tel:+4799000002');
    await expect(childWelfare.getByText('Berit Eksempel, Barnevernleder')).toBeVisible();
    await expect(wizard.step('contact_labour_inspection')).toHaveCount(0);
    await expectNoAxeViolations(page);

    // Nothing fits outside a phone screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await page.getByRole('button', { name: 'Lagre kartleggingen' }).click();
    await expect(page.getByText('Kartleggingen er lagret uten opplysninger som identifiserer personen.')).toBeVisible();
    await page.getByLabel('Hva bekymrer deg? (valgfritt)').fill('Jenta kom med en voksen som svarte for henne.');
    await page.getByRole('button', { name: 'Send bekymringen' }).click();
    await expect(page.getByRole('heading', { name: 'Bekymringen er sendt til koordinatoren.' })).toBeVisible();
    await page.getByRole('link', { name: 'Følg bekymringen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bekymring' })).toBeVisible();
    const concernUrl = page.url();
    const concernId = concernUrl.split('/').pop() ?? '';
    await expect(page.getByText('Ny', { exact: true })).toBeVisible();
    await expect(page.getByText('Mulig under 18 år', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Vis identifiserende opplysninger' })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // The coordinator, at a desk.
    const desk = await browser.newContext({ baseURL, locale: 'nb-NO', viewport: { width: 1280, height: 900 } });
    const coordinatorPage = await desk.newPage();
    await signInByApi(coordinatorPage, demoEmail('coordinator'));
    await coordinatorPage.goto('/app/concerns');
    await expect(coordinatorPage.getByRole('heading', { level: 1, name: 'Bekymringer' })).toBeVisible();
    const item = coordinatorPage.locator(`a[href$="/concerns/${concernId}"]`);
    await expect(item).toBeVisible();
    await expectNoAxeViolations(coordinatorPage);
    await item.click();
    await expect(coordinatorPage.getByText('Personen kan være under 18 år.', { exact: false })).toBeVisible();
    await coordinatorPage.getByRole('button', { name: 'Vis identifiserende opplysninger' }).click();
    await expect(coordinatorPage.getByText('Jenta kom med en voksen som svarte for henne.')).toBeVisible();
    await expectNoAxeViolations(coordinatorPage);
    const triage = new ConcernPage(coordinatorPage);
    await triage.assign('Sara Saksbehandler (demo)');
    await expect(coordinatorPage.getByText('Under behandling', { exact: true })).toBeVisible();
    await triage.close('Sak opprettet');
    await expect(coordinatorPage.getByText('Lukket', { exact: true })).toBeVisible();
    await desk.close();

    // The nurse sees the status of her own concern.
    await page.goto('/app/concerns');
    await expect(page.getByRole('heading', { level: 1, name: 'Mine bekymringer' })).toBeVisible();
    const mine = page.getByRole('listitem').filter({ has: page.locator(`a[href$="/concerns/${concernId}"]`) });
    await expect(mine.getByText('Lukket', { exact: true })).toBeVisible();
    await expect(mine.getByText('Sak opprettet', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a frontline worker sends a concern without a screening, by keyboard, and finds it in her list', async ({ page }) => {
    await signInByApi(page, demoEmail('frontline'));
    await page.goto('/app/concerns');
    await expect(page.getByRole('heading', { level: 1, name: 'Mine bekymringer' })).toBeVisible();
    await page.getByRole('link', { name: 'Send bekymring uten kartlegging' }).click();
    const form = new DirectConcernForm(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Send en bekymring uten kartlegging' })).toBeFocused();
    await expect(page.getByText('Skriv ingen navn.', { exact: false }).first()).toBeVisible();
    await expectNoAxeViolations(page);

    await form.choose('Tjenesten du jobber i', 'NAV og sosialtjenesten');
    await form.choose('Bransje personen arbeider i', 'Bygg og anlegg');
    const labour = page.getByRole('checkbox', { name: 'Arbeid og tjenester' });
    await labour.focus();
    await page.keyboard.press('Space');
    await expect(labour).toBeChecked();
    await page.getByLabel('Hva bekymrer deg? (valgfritt)').fill('Han sover på byggeplassen og har ikke fått lønn.');
    await page.getByLabel('E-postadressen din på jobb (valgfritt)').fill('ikke-en-epost');
    await page.getByRole('button', { name: 'Send bekymringen' }).focus();
    await page.keyboard.press('Enter');
    // The error is tied to its field.
    await expect(page.getByRole('textbox', { name: 'E-postadressen din på jobb (valgfritt)' })).toHaveAccessibleDescription(/Sjekk verdien i dette feltet./);
    await expectNoAxeViolations(page);
    await page.getByLabel('E-postadressen din på jobb (valgfritt)').fill('nina@helse.example.no');
    await form.send();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Følg bekymringen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bekymring' })).toBeVisible();
    const concernId = page.url().split('/').pop() ?? '';
    await page.goto('/app/concerns');
    const mine = page.getByRole('listitem').filter({ has: page.locator(`a[href$="/concerns/${concernId}"]`) });
    await expect(mine.getByText('Uten kartlegging', { exact: false })).toBeVisible();
    await expect(mine.getByText('Ny', { exact: true })).toBeVisible();
  });

  test('the screening works by keyboard, and quick hide clears it', async ({ page }) => {
    await signInByApi(page, demoEmail('frontline'));
    const wizard = new ScreeningWizard(page);
    await wizard.open();
    await page.getByLabel('Alder (omtrent)', { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('button', { name: 'Neste', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Spørsmål' })).toBeFocused();
    const firstYes = page.getByRole('radio', { name: 'Ja', exact: true }).first();
    await firstYes.focus();
    await page.keyboard.press('Space');
    await expect(firstYes).toBeChecked();
    await expect(page.getByText('1 indikator besvart med ja så langt.')).toBeVisible();

    await wizard.quickHide.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/app\/?$/);
    await expect(page.getByRole('heading', { name: 'Kartlegging' })).toHaveCount(0);
    // The answers are gone: the screening starts afresh at step one.
    await wizard.open();
    await expect(page.getByRole('heading', { level: 2, name: 'Situasjonen' })).toBeVisible();
  });
});

test('the coordinator reads the referral pathway as a summary and edits one rule at a time, by keyboard', async ({ page }) => {
  await signInByApi(page, demoEmail('coordinator'));
  await page.goto('/app/pathway');
  await expect(page.getByRole('heading', { level: 1, name: 'Henvisningsløype' })).toBeVisible();
  // Each rule reads as situation → next step, with who to contact; no form is open.
  const minorRule = page.getByRole('article', { name: 'Regel 2: Meld til barnevernet' });
  await expect(minorRule.getByText('Personen kan være under 18 år og minst 1 indikator')).toBeVisible();
  await expect(minorRule.getByText('Meld til barnevernet – Nå')).toBeVisible();
  await expect(minorRule.getByText('Kontakt nå: Barneverntjenesten i Eksempel')).toBeVisible();
  await expect(page.getByRole('combobox')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // One rule opens by keyboard; focus moves to its heading.
  const edit = page.getByRole('button', { name: 'Endre regel 12' });
  await edit.focus();
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 2, name: 'Endre regel 12' });
  await expect(heading).toBeFocused();
  await expect(page.getByRole('article')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Cancelling a changed rule asks first, and focus returns to the rule's own button.
  await page.getByLabel('Hvor raskt').selectOption({ label: 'I dag' });
  await page.getByRole('button', { name: 'Avbryt' }).click();
  const discard = page.getByRole('dialog', { name: 'Forkast endringene' });
  await discard.getByRole('button', { name: 'Forkast endringene' }).click();
  await expect(edit).toBeFocused();
  await expect(page.getByRole('article', { name: /^Regel 12:/ }).getByText('Denne uka')).toBeVisible();

  await edit.press('Enter');
  await page.getByLabel('Hvor raskt').selectOption({ label: 'I dag' });
  await page.getByRole('button', { name: 'Lagre regelen' }).click();
  await expect(page.getByText('Regel 12 er lagret. Nye kartlegginger bruker den.')).toBeVisible();
  await expect(edit).toBeFocused();
  await expect(page.getByText('Versjon 2')).toBeVisible();
  // Stored on the server: the next screening uses it.
  const stored = (await (await page.request.get('/api/v1/pathway')).json()) as { version: number; rules: { id: string; step: { urgency: string } }[] };
  expect(stored.version).toBe(2);
  expect(stored.rules.find((rule) => rule.id === 'no-indicators-keep-watch')?.step.urgency).toBe('today');
});

test('a rule whose organisation was archived meanwhile shows the server’s objection on the organisation field, with the rule kept', async ({ page }) => {
  await signInByApi(page, demoEmail('coordinator'));
  const created = await page.request.post('/api/v1/organisations', {
    headers: { origin: E2E_BASE_URL },
    data: { name: 'Midlertidig mottak (test)', kind: 'shelter', isInternal: false, phone: null, email: null, notes: '', contacts: [] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const organisationId = ((await created.json()) as { id: string }).id;
  await page.goto('/app/pathway');
  await page.getByRole('button', { name: 'Endre regel 9' }).click();
  const organisation = page.getByLabel('Organisasjon å kontakte');
  await organisation.selectOption({ label: 'Midlertidig mottak (test)' });
  await page.getByLabel('Fast nummer å ringe (valgfritt)').fill('+47 99 00 00 99');
  // Someone archives the organisation before the rule is saved: only the server can know.
  const archived = await page.request.delete(`/api/v1/organisations/${organisationId}`, { headers: { origin: E2E_BASE_URL } });
  expect(archived.status(), await archived.text()).toBe(200);
  await page.getByRole('button', { name: 'Lagre regelen' }).click();

  const summary = page.locator('ds-error-summary');
  await expect(summary).toBeFocused();
  await expect(organisation).toHaveAttribute('aria-invalid', 'true');
  await expect(organisation).toHaveAccessibleDescription(/Verdien ble ikke godtatt/);
  await summary.getByRole('link', { name: /^Organisasjon å kontakte: Verdien ble ikke godtatt/ }).click();
  await expect(organisation).toBeFocused();
  await expect(page.getByLabel('Fast nummer å ringe (valgfritt)')).toHaveValue('+47 99 00 00 99');
  await expectNoAxeViolations(page);
  // Nothing was stored.
  const stored = (await (await page.request.get('/api/v1/pathway')).json()) as { rules: { step: { organisationId: string | null } }[] };
  expect(stored.rules.some((rule) => rule.step.organisationId === organisationId)).toBe(false);
});
