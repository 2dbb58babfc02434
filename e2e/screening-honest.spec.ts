import { ScreeningWizard } from './pages/identification';
import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

/** Issue 12: the result says what the answers say (one form, not six), and an adult decides about the police. */
test('labour only, five yes answers: the result and the concern show labour and a general level, and the police only with consent', async ({ page, browser, baseURL }) => {
  await signInByApi(page, demoEmail('frontline'));
  const wizard = new ScreeningWizard(page);
  await wizard.open();
  await wizard.choose('Tjenesten du jobber i', 'Helsetjenesten');
  await wizard.choose('Alder (omtrent)', '25–39 år');
  await wizard.choose('Hvor du møtte personen', 'Helsetjeneste');
  await page.getByRole('checkbox', { name: 'Arbeid og tjenester' }).check();
  await wizard.next();
  for (const question of [
    'Har noen andre passet eller ID-papirene til personen?',
    'Skylder personen penger til noen som ordnet reise, arbeid eller bolig?',
    'Er personen hindret i å komme og gå som hen vil?',
    'Bor personen på arbeidsplassen eller i bolig arbeidsgiveren skaffer?',
    'Arbeider personen svært lange dager eller uten fridager?',
  ]) {
    await wizard.answer(question, 'Ja');
  }
  await expect(page.getByText('5 indikatorer besvart med ja så langt.')).toBeVisible();
  await wizard.seeResult();

  const profile = page.getByTestId('profile-summary');
  await expect(profile.getByTestId('profile-general')).toHaveText('Generelle tegn på kontroll: Sterke indikatorer (3 sterke, 0 middels, 0 svake)');
  await expect(profile.locator('[data-testid^="profile-form-"]')).toHaveCount(1);
  await expect(profile.getByTestId('profile-form-labour')).toHaveText('Arbeid og tjenester: Sterke indikatorer (3 sterke, 2 middels, 0 svake)');
  await expect(profile.getByText('Fjerning av organer')).toHaveCount(0);

  // The adult decides: talk, help, the coordinator; the police named, with consent, and why.
  await expect(wizard.step('talk_with_person').getByRole('heading', { name: 'Snakk med personen' })).toBeVisible();
  await expect(wizard.step('contact_coordinator')).toBeVisible();
  await expect(wizard.step('explain_reflection_period')).toHaveCount(1);
  await expect(wizard.step('contact_labour_inspection')).toBeVisible();
  await expect(wizard.step('contact_akrim')).toBeVisible();
  await expect(wizard.step('contact_police')).toHaveCount(0);
  const police = wizard.step('contact_police_with_consent');
  await expect(police.getByRole('heading', { name: 'Politiet – hvis personen samtykker' })).toBeVisible();
  await expect(police.getByText('Denne uka', { exact: true })).toBeVisible();
  await expect(police.getByTestId('step-basis')).toContainText('straffeloven § 196');
  await expect(police.getByTestId('step-basis')).toContainText('samtykke');
  await expect(wizard.step('contact_coordinator').getByTestId('step-basis')).toContainText('forvaltningsloven § 13');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Lagre kartleggingen' }).click();
  await expect(page.getByText('Kartleggingen er lagret uten opplysninger som identifiserer personen.')).toBeVisible();
  await page.getByRole('button', { name: 'Send bekymringen' }).click();
  await expect(page.getByRole('heading', { name: 'Bekymringen er sendt til koordinatoren.' })).toBeVisible();
  await page.getByRole('link', { name: 'Følg bekymringen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bekymring' })).toBeVisible();
  const concernPath = new URL(page.url()).pathname;

  // The coordinator receives the same honest profile and the form the reporter suspected.
  const desk = await browser.newContext({ baseURL, locale: 'nb-NO', viewport: { width: 1280, height: 900 } });
  const coordinatorPage = await desk.newPage();
  await signInByApi(coordinatorPage, demoEmail('coordinator'));
  await coordinatorPage.goto(concernPath);
  await expect(coordinatorPage.getByRole('heading', { level: 1, name: 'Bekymring' })).toBeVisible();
  const received = coordinatorPage.getByTestId('profile-summary');
  await expect(received.locator('[data-testid^="profile-form-"]')).toHaveCount(1);
  await expect(received.getByTestId('profile-form-labour')).toContainText('Arbeid og tjenester: Sterke indikatorer');
  await expect(received.getByTestId('profile-general')).toContainText('Generelle tegn på kontroll');
  await expect(received.getByText('Former melderen mistenkte: Arbeid og tjenester')).toBeVisible();
  await expectNoAxeViolations(coordinatorPage);
  await desk.close();
});
