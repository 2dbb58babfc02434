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

test('the referral form starts from what the consent covers, shows the server’s objection on its field, keeps what was typed, and asks before leaving', async ({ page }) => {
  await signInByApi(page, demoEmail('coordinator'));
  const caseId = await caseWithConsent(page);
  await page.goto(`/app/cases/${caseId}`);
  const casePage = new CasePage(page);
  await casePage.expectOpened();
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
