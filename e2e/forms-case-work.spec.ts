import type { Page, Route } from '@playwright/test';
import { E2E_BASE_URL } from './playwright.config';
import { CasePage } from './pages/cases';
import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';
import { leaveWithoutSaving, tryToLeaveAndStay, unsavedDialog } from './support/unsaved';

const headers = { origin: E2E_BASE_URL };
const REJECTED = 'Verdien ble ikke godtatt. Sjekk feltet og prøv igjen.';

/** Signs in as the coordinator, opens a new case directly and shows its needs-and-safety-plan part. */
async function openNeedsPart(page: Page): Promise<{ caseId: string; casePage: CasePage }> {
  await signInByApi(page, demoEmail('coordinator'));
  const created = await page.request.post('/api/v1/cases', {
    headers,
    data: { source: { kind: 'direct', id: null }, facts: { ageBand: '25_39', gender: 'female' }, person: { name: 'Fiktiv Behovsen', languages: ['polsk'] } },
  });
  expect(created.status(), await created.text()).toBe(201);
  const caseId = ((await created.json()) as { id: string }).id;
  await page.goto(`/app/cases/${caseId}`);
  const casePage = new CasePage(page);
  await casePage.expectOpened();
  await casePage.openSection('Behov og sikkerhetsplan');
  return { caseId, casePage };
}

/**
 * The browser checks with the same shared schema as the server, so a value only the server refuses
 * comes from a client that is out of step with it (an old tab after an update). The request is
 * changed on its way out; the refusal is the real server's answer, unchanged.
 */
function sendInstead(page: Page, url: string, body: unknown) {
  return page.route(url, (route: Route) => route.continue({ postData: JSON.stringify(body) }));
}

async function storedCase(page: Page, caseId: string): Promise<{ safetyPlan: string | null; needs: { kind: string; status: string; note: string | null }[] }> {
  const response = await page.request.get(`/api/v1/cases/${caseId}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as { safetyPlan: string | null; needs: { kind: string; status: string; note: string | null }[] };
}

test('the needs form shows a server 400 on its field and in the summary, keeps what was typed, and asks before leaving', async ({ page }) => {
  const { caseId, casePage } = await openNeedsPart(page);
  const needs = casePage.section('Behovsvurdering');
  const status = needs.getByLabel('Status for Bolig');
  const note = needs.getByLabel('Merknad om Bolig');
  await status.selectOption({ label: 'Behov' });
  await note.fill('Trenger trygg bolig innen en uke (fiktivt).');
  await sendInstead(page, `**/api/v1/cases/${caseId}/needs/housing`, { status: 'retired_status', note: 'Trenger trygg bolig innen en uke (fiktivt).' });
  await needs.getByRole('button', { name: 'Lagre Bolig' }).click();

  // The server's refusal sits on the status field; the summary takes focus, says the same and links to it.
  await expect(status).toHaveAttribute('aria-invalid', 'true');
  await expect(status).toHaveAccessibleDescription(new RegExp(REJECTED));
  const summary = needs.locator('ds-error-summary');
  await expect(summary).toBeFocused();
  const link = summary.getByRole('link', { name: `Status for Bolig: ${REJECTED}` });
  await expect(link).toBeVisible();
  await expect(summary.getByRole('link')).toHaveCount(1);
  // Nothing typed or chosen is lost, and nothing was stored.
  await expect(note).toHaveValue('Trenger trygg bolig innen en uke (fiktivt).');
  await expect(status.locator('option:checked')).toHaveText('Behov');
  expect((await storedCase(page, caseId)).needs.find((need) => need.kind === 'housing')?.status ?? 'not_assessed').toBe('not_assessed');
  await expectNoAxeViolations(page);
  // By keyboard: the link moves focus to the field.
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(status).toBeFocused();

  // Leaving the unsaved form asks first; staying keeps everything.
  await tryToLeaveAndStay(page, { axe: true });
  await expect(note).toHaveValue('Trenger trygg bolig innen en uke (fiktivt).');

  // In step with the server again, the same values are saved; then leaving asks nothing.
  await page.unroute(`**/api/v1/cases/${caseId}/needs/housing`);
  await needs.getByRole('button', { name: 'Lagre Bolig' }).click();
  await expect(summary).toHaveCount(0);
  await expect.poll(async () => (await storedCase(page, caseId)).needs.find((need) => need.kind === 'housing')).toMatchObject({ status: 'needed', note: 'Trenger trygg bolig innen en uke (fiktivt).' });
  await page.getByRole('link', { name: 'Hjem' }).first().click();
  await expect(page).toHaveURL(/\/app\/?$/);
  await expect(unsavedDialog(page)).toHaveCount(0);
});

test('the safety-plan form shows a server 400 on its field and in the summary, keeps the text, and leaving asks until it is saved', async ({ page }) => {
  const { caseId, casePage } = await openNeedsPart(page);
  const plan = casePage.section('Sikkerhetsplan');
  const text = plan.getByLabel('Sikkerhetsplanen', { exact: true });
  const typed = 'Fast kontaktperson; nødnummer lagret på telefonen (fiktivt).';
  await text.fill(typed);
  // An old client that sent more than the server takes (8,000 characters).
  await sendInstead(page, `**/api/v1/cases/${caseId}/safety-plan`, { text: 'x'.repeat(8001) });
  await plan.getByRole('button', { name: 'Lagre sikkerhetsplanen' }).click();

  await expect(text).toHaveAttribute('aria-invalid', 'true');
  await expect(text).toHaveAccessibleDescription(new RegExp(REJECTED));
  const summary = plan.locator('ds-error-summary');
  await expect(summary).toBeFocused();
  const link = summary.getByRole('link', { name: `Sikkerhetsplanen: ${REJECTED}` });
  await expect(link).toBeVisible();
  await expect(text).toHaveValue(typed);
  expect((await storedCase(page, caseId)).safetyPlan).toBeNull();
  await expectNoAxeViolations(page);
  await link.click();
  await expect(text).toBeFocused();

  // Leaving asks; "leave without saving" goes, and what was typed is gone with the form.
  await tryToLeaveAndStay(page);
  await expect(text).toHaveValue(typed);
  await leaveWithoutSaving(page);
  expect((await storedCase(page, caseId)).safetyPlan).toBeNull();
});
