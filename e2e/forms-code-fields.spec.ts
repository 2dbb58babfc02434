import { DEMO_PASSWORD } from './playwright.config';
import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';
import { leaveWithoutSaving, tryToLeaveAndStay } from './support/unsaved';

const GUESSABLE = 'Passordet er for lett å gjette. Bruk en lengre setning av ord som ikke hører sammen.';

test('a server error code (WEAK_PASSWORD) is placed on its field by codeFields, listed in the summary, and nothing typed is lost', async ({ page }) => {
  await signInByApi(page, demoEmail('viewer'));
  await page.goto('/app/profile');
  const form = page.getByRole('region', { name: 'Bytt passord' });
  const current = form.getByLabel('Nåværende passord');
  const next = form.getByLabel('Nytt passord');
  const repeat = form.getByLabel('Gjenta passordet');
  await current.fill(DEMO_PASSWORD);
  await next.fill('passordpassord');
  await repeat.fill('passordpassord');
  await form.getByRole('button', { name: 'Bytt passord' }).click();

  // The code carries no field in its details: codeFields names the field, which shows the code's text.
  await expect(next).toHaveAttribute('aria-invalid', 'true');
  await expect(next).toHaveAccessibleDescription(/Passordet er for lett å gjette\./);
  const summary = form.locator('ds-error-summary');
  await expect(summary).toBeFocused();
  const link = summary.getByRole('link', { name: `Nytt passord: ${GUESSABLE}` });
  await expect(link).toBeVisible();
  await expect(summary.getByRole('link')).toHaveCount(1);
  await expect(current).toHaveValue(DEMO_PASSWORD);
  await expect(repeat).toHaveValue('passordpassord');
  await expect(form.getByText('Passordet er endret.')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await link.click();
  await expect(next).toBeFocused();

  // The browser's own check (the repeat must match) is listed with the form's text for it.
  await repeat.fill('noe annet');
  await form.getByRole('button', { name: 'Bytt passord' }).click();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Gjenta passordet: Passordene er ikke like.' })).toBeVisible();

  // Leaving the unsaved form asks first; staying keeps everything; leaving goes.
  await tryToLeaveAndStay(page);
  await expect(next).toHaveValue('passordpassord');
  await leaveWithoutSaving(page);
});
