import { E2E_BASE_URL } from './playwright.config';
import { CasePage, PartnerReferralPage } from './pages/cases';
import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

const SHELTER = 'Krisesenteret i Eksempel-regionen';
const SHELTER_PARTNER = 'partner-shelter@eksempel.kommune.no';

test('a case from a concern: consent to share with the shelter, referral for safe housing, the shelter sees only the shared fields, consent withdrawn, case closed', async ({ page, browser }) => {
  await signInByApi(page, demoEmail('coordinator'));
  // A concern with identifying details, sent by the coordinator through the API (the concern flow has its own browser tests).
  const created = await page.request.post('/api/v1/concerns', {
    headers: { origin: E2E_BASE_URL },
    data: {
      screeningId: null,
      context: 'health',
      suspectedForms: ['labour'],
      facts: { ageBand: '25_39', possibleMinor: false, gender: 'female', nationality: 'PL', sector: 'cleaning', placeKind: 'workplace', immediateDanger: false, wantsHelp: 'yes' },
      note: null,
      reporterContact: null,
      person: { name: 'Eva Fiktiv Testesen', dateOfBirth: '1994-02-03', phone: null, address: null, other: null },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const concernId = ((await created.json()) as { id: string }).id;

  await page.goto(`/app/concerns/${concernId}`);
  await page.getByRole('link', { name: 'Opprett sak' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Opprett sak' })).toBeVisible();
  await expect(page.getByText('Saken opprettes fra bekymringen.', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Opprett sak' }).click();

  const casePage = new CasePage(page);
  await casePage.expectOpened();
  // The case opens on its overview, with the coded facts; the personal data is under "people".
  await expect(casePage.section('Kodede opplysninger').getByText('Polen')).toBeVisible();
  await expectNoAxeViolations(page);
  await casePage.openSection('Personer og team');
  const person = casePage.section('Personopplysninger');
  await expect(person.getByText('Eva Fiktiv Testesen')).toBeVisible();
  await expectNoAxeViolations(page);

  await person.getByRole('button', { name: 'Endre personopplysninger' }).click();
  await person.getByLabel('Språk (kommaseparert)').fill('polsk, engelsk');
  await person.getByRole('button', { name: 'Lagre personopplysninger' }).click();
  await expect(person.getByText('polsk, engelsk')).toBeVisible();

  await casePage.openSection('Samtykke og henvisninger');
  await casePage.recordSharingConsent(SHELTER, ['Fornavn', 'Språk', 'Behovet det henvises for']);
  await casePage.refer(SHELTER, 'Bolig', ['Fornavn', 'Språk', 'Behovet det henvises for']);
  await expectNoAxeViolations(page);
  const caseUrl = page.url();

  // The shelter's partner user sees the referral and only the shared fields.
  const shelterContext = await browser.newContext({ baseURL: E2E_BASE_URL, locale: 'nb-NO' });
  const shelter = await shelterContext.newPage();
  await signInByApi(shelter, SHELTER_PARTNER);
  await shelter.goto('/app/referrals');
  await expect(shelter.getByRole('heading', { level: 1, name: 'Henvisninger til oss' })).toBeVisible();
  await expectNoAxeViolations(shelter);
  const link = shelter.getByRole('link', { name: /: Bolig$/ }).first();
  await link.click();
  const referral = new PartnerReferralPage(shelter);
  await expect(referral.value('Fornavn')).toHaveText('Eva');
  await expect(referral.value('Språk')).toHaveText('polsk, engelsk');
  await expect(referral.value('Behov')).toHaveText('Bolig');
  await expect(shelter.getByText('Testesen')).toHaveCount(0);
  await expect(shelter.getByText('1994')).toHaveCount(0);
  await expectNoAxeViolations(shelter);
  const referralUrl = shelter.url();
  await shelter.getByRole('button', { name: 'Aksepter' }).click();
  await expect(shelter.getByText('Status: Akseptert')).toBeVisible();

  // The update flows back to the case.
  await page.goto(caseUrl);
  const referrals = casePage.section('Henvisninger');
  await expect(referrals.getByText('Sendt', { exact: false }).first()).toBeVisible();
  await expect(referrals.getByText('Akseptert').first()).toBeVisible();

  // Withdrawing consent revokes the referral; the shelter loses access.
  await casePage.withdrawConsent();
  await expect(referrals.getByText('Trukket tilbake').first()).toBeVisible();
  await expect(referrals.getByText('Mottakeren ser ikke lenger opplysningene.')).toBeVisible();
  await shelter.goto(referralUrl);
  await expect(shelter.getByRole('alert')).toBeVisible();
  // In the page itself: the header's hidden text 'uleste' + 'Varsler' would match 'eVa' as a substring.
  await expect(shelter.getByRole('main').getByText('Eva')).toHaveCount(0);
  await shelter.goto('/app/referrals');
  const referralId = new URL(referralUrl).pathname.split('/').pop() ?? '';
  // The demo's own referral to the shelter is still listed; the withdrawn one is gone.
  await expect(shelter.getByRole('link', { name: /: Bolig$/ }).first()).toBeVisible();
  await expect(shelter.locator(`a[href$="/referrals/${referralId}"]`)).toHaveCount(0);
  await shelterContext.close();

  // Close the case with a reason (on its overview).
  await casePage.openSection('Oversikt');
  await casePage.close('Personen har flyttet til en annen kommune (fiktivt).');
  await expect(page.getByText('Avsluttet', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Gjenåpne saken' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the case list, a new case opened directly, and the home-page reminders pass axe; a caseworker not on a team does not see it', async ({ page, browser }) => {
  await signInByApi(page, demoEmail('coordinator'));
  await page.goto('/app/cases');
  await expect(page.getByRole('heading', { level: 1, name: 'Saker' })).toBeVisible();
  await expect(page.getByRole('status').getByText(/\d+ saker/)).toBeVisible();
  const retention = page.getByRole('region', { name: 'Oppbevaring av personopplysninger' });
  await expect(retention.getByLabel('Måneder etter avslutning')).toHaveValue('24');
  await expectNoAxeViolations(page);
  // Saving the same period keeps the demo's retention reminder (other tests run beside this one).
  await retention.getByRole('button', { name: 'Lagre oppbevaringstid' }).click();
  await expect(retention.getByText('Oppbevaringstiden er lagret.')).toBeVisible();

  await page.goto('/app/');
  const reminders = page.getByRole('region', { name: 'Frister i saker' });
  await expect(reminders.getByRole('link', { name: /Refleksjonsperioden slutter/ })).toBeVisible();
  await expect(reminders.getByRole('link', { name: /Personopplysninger slettes/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/app/cases/new');
  await page.getByLabel('Navn', { exact: true }).fill('Ola Oppdiktet Direktesen');
  await page.getByLabel('Under 18 år').check();
  await page.getByRole('group', { name: 'Utnyttelsesformer' }).getByRole('checkbox', { name: 'Tvungen tigging' }).check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Opprett sak' }).click();
  const casePage = new CasePage(page);
  await casePage.expectOpened();
  await expect(page.getByText('Mindreårig: barnevernet skal vurdere saken innen', { exact: false })).toBeVisible();
  const caseUrl = page.url();

  // The demo caseworker is not on this new case: it answers "not found".
  const other = await browser.newContext({ baseURL: E2E_BASE_URL, locale: 'nb-NO' });
  const caseworker = await other.newPage();
  await signInByApi(caseworker, demoEmail('caseworker'));
  await caseworker.goto(caseUrl.replace(E2E_BASE_URL, ''));
  await expect(caseworker.getByRole('alert')).toBeVisible();
  await expect(caseworker.getByText('Ola Oppdiktet')).toHaveCount(0);
  await other.close();
});

test('the coordinator breaks the glass on a case they are not on, sees who has read it and a possible duplicate', async ({ page }) => {
  await signInByApi(page, demoEmail('coordinator'));
  const closed = await page.request.get('/api/v1/cases?status=closed');
  const item = ((await closed.json()) as { items: { id: string; isMember: boolean }[] }).items.find((entry) => !entry.isMember);
  expect(item, 'a demo case the coordinator is not on').toBeTruthy();
  await page.goto(`/app/cases/${item?.id ?? ''}`);
  const casePage = new CasePage(page);
  await casePage.expectOpened();
  await expect(page.getByText('Du er ikke i saksteamet. Du ser bare de kodede opplysningene.')).toBeVisible();
  await casePage.openSection('Personer og team');
  await expect(casePage.section('Saksteamet')).toBeVisible();
  await expect(casePage.section('Personopplysninger')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await casePage.openSection('Tilgang og vern');
  const protection = casePage.section('Tilgang og personvern');
  await protection.getByLabel('Begrunnelse for nødtilgang').fill('Politiet ber om bistand i en akutt situasjon (fiktivt).');
  await protection.getByRole('button', { name: 'Gi meg nødtilgang' }).click();
  await expect(page.getByText('Du har nødtilgang til saken til', { exact: false })).toBeVisible();
  // The break-glass reason is shown (decrypted) on the case page to the team and the coordinator.
  await expect(casePage.section('Brukt nødtilgang').getByText('Begrunnelse: Politiet ber om bistand i en akutt situasjon (fiktivt).').first()).toBeVisible();
  // The header counts the grant among those who can see the case.
  await expect(casePage.summary.getByText('1 med nødtilgang nå')).toBeVisible();
  await casePage.openSection('Personer og team');
  await expect(casePage.section('Personopplysninger').getByText('Tomas Eksempelsen')).toBeVisible();
  // The person's own copy is offered in both languages.
  await casePage.openSection('Samtykke og henvisninger');
  const exports = casePage.section('Eksporter saken (PDF)');
  await expect(exports.getByRole('link', { name: 'Til personen selv (innsyn), på bokmål' })).toHaveAttribute('href', /purpose=data_subject&lang=nb$/);
  await expect(exports.getByRole('link', { name: 'Til personen selv (innsyn), på engelsk' })).toHaveAttribute('hreflang', 'en');
  // A copy for the police: without consent to the police nothing is covered, and the server refuses.
  await exports.getByLabel('Mottaker', { exact: true }).selectOption({ label: 'Eksempel politidistrikt' });
  await expect(exports.getByText('Ingen gyldige samtykker til denne mottakeren dekker noe.', { exact: false })).toBeVisible();
  await exports.getByRole('button', { name: 'Last ned PDF' }).click();
  await expect(exports.getByText('Ingen gyldige samtykker eller rettslig grunnlag dekker noe av saken', { exact: false })).toBeVisible();
  // Under the duty to avert (straffeloven § 196), with a reason: identity and contact, not needs.
  await exports.getByLabel('Grunnlag', { exact: true }).selectOption({ label: 'Avvergeplikt (alvorlig kriminalitet)' });
  await exports.getByLabel('Begrunnelse (påkrevd)').fill('Trussel mot personen i dag (fiktivt).');
  await expect(exports.getByText(/^Utskriften vil inneholde: .*Fullt navn/)).not.toContainText('Behovet det henvises for');
  await expectNoAxeViolations(page);
  const download = page.waitForEvent('download');
  await exports.getByRole('button', { name: 'Last ned PDF' }).click();
  expect((await download).suggestedFilename()).toMatch(/^sak-\d{4}-\d{4}-utlevering\.pdf$/);

  await casePage.openSection('Tilgang og vern');
  await protection.getByRole('button', { name: 'Vis hvem som har lest saken' }).click();
  const reads = protection.getByRole('table', { name: 'Lesinger og eksporter av saken' });
  await expect(reads.getByRole('row').filter({ hasText: 'Nødtilgang' }).first()).toBeVisible();
  await expect(reads.getByRole('row').filter({ hasText: 'Eksportert' }).first()).toBeVisible();
  await protection.getByRole('button', { name: 'Søk etter mulige dubletter' }).click();
  await expect(protection.getByRole('link', { name: /^Sak \d{4}-\d{4} \(Åpen\)$/ })).toBeVisible();
  await expectNoAxeViolations(page);
});
