import type { Page } from '@playwright/test';
import { E2E_BASE_URL } from './playwright.config';
import { CasePage } from './pages/cases';
import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

const SHELTER = 'Krisesenteret i Eksempel-regionen';
const CHILD_WELFARE = 'Barneverntjenesten i Eksempel';
const headers = { origin: E2E_BASE_URL };

/** A case opened directly by the coordinator, with the person's consent to share three categories with the shelter. */
async function caseWithConsent(page: Page): Promise<string> {
  const created = await page.request.post('/api/v1/cases', {
    headers,
    data: { source: { kind: 'direct', id: null }, facts: { ageBand: '25_39', gender: 'female' }, person: { name: 'Fiktiv Skjemasen', languages: ['polsk'] } },
  });
  expect(created.status(), await created.text()).toBe(201);
  const caseId = ((await created.json()) as { id: string }).id;
  const organisations = (await (await page.request.get('/api/v1/organisations')).json()) as { items: { id: string; name: string }[] };
  const shelter = organisations.items.find((organisation) => organisation.name === SHELTER);
  expect(shelter, 'the demo shelter').toBeDefined();
  const consent = await page.request.post(`/api/v1/cases/${caseId}/consents`, {
    headers,
    data: { purpose: 'share_with_organisation', recipientOrganisationId: shelter?.id, dataCategories: ['first_name', 'languages', 'need'], method: 'written', withInterpreter: false, givenOn: new Date().toISOString().slice(0, 10) },
  });
  expect(consent.status(), await consent.text()).toBeLessThan(300);
  return caseId;
}

/** Signs in as the coordinator and opens the consent-and-referrals part of such a case (the case opens on its overview). */
async function openSharingPart(page: Page): Promise<{ caseId: string; casePage: CasePage }> {
  await signInByApi(page, demoEmail('coordinator'));
  const caseId = await caseWithConsent(page);
  await page.goto(`/app/cases/${caseId}`);
  const casePage = new CasePage(page);
  await casePage.expectOpened();
  await casePage.openSection('Samtykke og henvisninger');
  return { caseId, casePage };
}

test('the referral form starts from what the consent covers, shows the server’s objection on its field, keeps what was typed, and asks before leaving', async ({ page }) => {
  const { caseId, casePage } = await openSharingPart(page);
  const referrals = casePage.section('Henvisninger');

  // It starts from the one consent, with exactly the categories it covers ticked and nothing else offered.
  const basis = referrals.getByLabel('Grunnlag for deling');
  await expect(basis.locator('option:checked')).toHaveText(new RegExp(`^Samtykke: ${SHELTER}`));
  const categories = referrals.getByRole('group', { name: 'Opplysninger som deles' });
  await expect(categories.getByRole('checkbox')).toHaveCount(3);
  for (const name of ['Fornavn', 'Språk', 'Behovet det henvises for']) await expect(categories.getByRole('checkbox', { name, exact: true })).toBeChecked();
  await expect(categories.getByRole('checkbox', { name: 'Fullt navn' })).toHaveCount(0);
  // Why only what is needed, with its source.
  await expect(categories).toContainText('personvernforordningen artikkel 5 nr. 1 bokstav c');
  await expect(categories.getByText('Kilde: personvernforordningen art. 5 nr. 1 bokstav c; Datatilsynet, «Dataminimering»', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);

  // Without consent, by keyboard: the legal basis is chosen, the reason left out; only the server knows it is required.
  await basis.focus();
  await basis.selectOption({ label: 'Uten samtykke – lovpålagt grunnlag' });
  await expect(categories).toHaveCount(0);
  await referrals.getByLabel('Mottaker').selectOption({ label: CHILD_WELFARE });
  await referrals.getByLabel('Rettslig grunnlag').selectOption({ label: 'Opplysningsplikt til barnevernet' });
  await referrals.getByLabel('Henvis for').selectOption({ label: 'Bolig' });
  await categories.getByRole('checkbox', { name: 'Aldersgruppe', exact: true }).check();
  await referrals.getByRole('button', { name: 'Send henvisning' }).focus();
  await page.keyboard.press('Enter');

  // The server's refusal sits on the reason field, and the summary above the form takes focus and links to it.
  const reason = referrals.getByLabel('Begrunnelse (påkrevd)');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(reason).toHaveAccessibleDescription(/Fyll ut feltet\./);
  const summary = referrals.locator('ds-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Begrunnelse (påkrevd): Fyll ut feltet.' })).toBeVisible();
  // Nothing typed or chosen is lost.
  await expect(referrals.getByLabel('Mottaker').locator('option:checked')).toHaveText(CHILD_WELFARE);
  await expect(categories.getByRole('checkbox', { name: 'Aldersgruppe', exact: true })).toBeChecked();
  await expectNoAxeViolations(page);
  await summary.getByRole('link', { name: 'Begrunnelse (påkrevd): Fyll ut feltet.' }).click();
  await expect(reason).toBeFocused();
  await reason.fill('Barnet kan være utsatt (fiktivt).');

  // Leaving the unsaved form asks first; staying keeps everything.
  await page.getByRole('link', { name: 'Hjem' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Forlate skjemaet uten å lagre?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/app/cases/${caseId}`));
  await expect(reason).toHaveValue('Barnet kan være utsatt (fiktivt).');
  await page.getByRole('link', { name: 'Hjem' }).first().click();
  await dialog.getByRole('button', { name: 'Forlat uten å lagre' }).click();
  await expect(page).toHaveURL(/\/app\/?$/);
});

test('the new-case form shows what the shared schema rejects on its field, keeps what was typed, and asks before leaving', async ({ page }) => {
  await signInByApi(page, demoEmail('coordinator'));
  await page.goto('/app/cases/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Opprett sak' })).toBeVisible();
  await page.getByLabel('Navn', { exact: true }).fill('Fiktiv Skjemasen Nysak');
  const email = page.getByLabel('E-post', { exact: true });
  await email.fill('ikke-en-epost');
  await page.getByLabel('Statsborgerskap (landkode, f.eks. RO)').fill('N1');
  await page.getByRole('button', { name: 'Opprett sak' }).click();

  // Each rejected value sits on its field; the summary above the form takes focus and links to them.
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/Skriv en gyldig e-postadresse/);
  const summary = page.locator('ds-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(2);
  await expect(page.getByLabel('Navn', { exact: true })).toHaveValue('Fiktiv Skjemasen Nysak');
  await expectNoAxeViolations(page);
  await summary.getByRole('link', { name: /^E-post: / }).click();
  await expect(email).toBeFocused();

  // Leaving asks first; staying keeps everything.
  await page.getByRole('link', { name: 'Hjem' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Forlate skjemaet uten å lagre?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog).toBeHidden();
  await expect(email).toHaveValue('ikke-en-epost');

  // Corrected, the case is opened without a question.
  await email.fill('fiktiv@example.no');
  await page.getByLabel('Statsborgerskap (landkode, f.eks. RO)').fill('NO');
  await page.getByRole('button', { name: 'Opprett sak' }).click();
  await new CasePage(page).expectOpened();
  await expect(dialog).toHaveCount(0);
});

test('the concern form lists what stops it above the form and links to the field', async ({ page }) => {
  await signInByApi(page, demoEmail('frontline'));
  await page.goto('/app/concerns/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Send en bekymring uten kartlegging' })).toBeVisible();
  await page.getByLabel('Tjenesten du jobber i', { exact: true }).selectOption({ label: 'NAV og sosialtjenesten' });
  await page.getByLabel('Hva bekymrer deg? (valgfritt)').fill('Fiktiv bekymring for skjematesten.');
  const email = page.getByLabel('E-postadressen din på jobb (valgfritt)');
  await email.fill('ikke-en-epost');
  await page.getByRole('button', { name: 'Send bekymringen' }).click();
  const summary = page.locator('ds-error-summary');
  await expect(summary).toBeFocused();
  const link = summary.getByRole('link', { name: 'E-postadressen din på jobb (valgfritt): Sjekk verdien i dette feltet.' });
  await expect(link).toBeVisible();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Hva bekymrer deg? (valgfritt)')).toHaveValue('Fiktiv bekymring for skjematesten.');
  await expectNoAxeViolations(page);
  await link.click();
  await expect(email).toBeFocused();
  await email.fill('');
  await page.getByRole('button', { name: 'Send bekymringen' }).click();
  await expect(page.getByRole('heading', { name: 'Bekymringen er sendt til koordinatoren.' })).toBeFocused();
});

test('the consent form shows the server’s objection on the recipient field and keeps the ticked categories; the journal form its own check', async ({ page }) => {
  const { casePage } = await openSharingPart(page);
  const consents = casePage.section('Samtykker');

  // Consent to share without a recipient: only the server knows the recipient is required.
  await consents.getByLabel('Formål').selectOption({ label: 'Deling med en navngitt organisasjon' });
  const group = consents.getByRole('group', { name: 'Opplysninger som kan deles' });
  await group.getByRole('checkbox', { name: 'Språk', exact: true }).check();
  await consents.getByLabel('Gitt med tolk').check();
  await consents.getByRole('button', { name: 'Registrer samtykke' }).click();
  const recipient = consents.getByLabel('Mottaker');
  await expect(recipient).toHaveAttribute('aria-invalid', 'true');
  await expect(recipient).toHaveAccessibleDescription(/Verdien ble ikke godtatt\./);
  const summary = consents.locator('ds-error-summary');
  await expect(summary).toBeFocused();
  const link = summary.getByRole('link', { name: 'Mottaker: Verdien ble ikke godtatt. Sjekk feltet og prøv igjen.' });
  await expect(link).toBeVisible();
  await expect(group.getByRole('checkbox', { name: 'Språk', exact: true })).toBeChecked();
  await expect(consents.getByLabel('Gitt med tolk')).toBeChecked();
  await expectNoAxeViolations(page);
  await link.click();
  await expect(recipient).toBeFocused();
  await recipient.selectOption({ label: CHILD_WELFARE });
  await consents.getByRole('button', { name: 'Registrer samtykke' }).click();
  await expect(consents.getByRole('heading', { level: 3, name: `Deling med en navngitt organisasjon: ${CHILD_WELFARE}` })).toBeVisible();
  await expect(summary).toHaveCount(0);

  // The journal form: an empty entry is stopped on its field by the shared schema.
  await casePage.openSection('Journal og oppgaver');
  const journal = page.getByRole('region', { name: 'Journal', exact: true });
  await journal.getByRole('button', { name: 'Legg til notat' }).click();
  const text = journal.getByLabel('Notat', { exact: true });
  await expect(text).toHaveAttribute('aria-invalid', 'true');
  await expect(text).toHaveAccessibleDescription(/Fyll ut feltet\./);
  await expect(journal.locator('ds-error-summary')).toBeFocused();
  await expectNoAxeViolations(page);
  await text.fill('Fiktivt notat fra skjematesten.');
  await journal.getByRole('button', { name: 'Legg til notat' }).click();
  await expect(journal.getByText('Fiktivt notat fra skjematesten.')).toBeVisible();
  await expect(text).toHaveValue('');
});
