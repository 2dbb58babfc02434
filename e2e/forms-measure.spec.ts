import { PlanPages } from './pages/plans';
import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';
import { tryToLeaveAndStay, unsavedDialog } from './support/unsaved';

test('the measure form lists the date check in the summary, keeps what was typed, asks before leaving, and lets go once saved', async ({ page }) => {
  await signInByApi(page, demoEmail('coordinator'));
  await new PlanPages(page).createFromTemplate(`Tiltaksplan skjematest ${Date.now()}`);
  await page.getByRole('link', { name: 'Legg til tiltak' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Legg til tiltak' })).toBeVisible();

  await page.getByLabel('Tiltak', { exact: true }).fill('Fiktivt tiltak for skjematesten');
  await page.getByLabel('Start', { exact: true }).fill('2027-03-01');
  const due = page.getByLabel('Frist', { exact: true });
  await due.fill('2027-02-01');
  await page.getByRole('button', { name: 'Legg til tiltak' }).click();

  // The shared schema compares the dates: the objection sits on the due date and in the summary, which takes focus.
  const summary = page.locator('ds-error-summary');
  await expect(summary).toBeFocused();
  const link = summary.getByRole('link', { name: 'Frist: Fristen må være samme dag som eller etter start.' });
  await expect(link).toBeVisible();
  await expect(due).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Tiltak', { exact: true })).toHaveValue('Fiktivt tiltak for skjematesten');
  await expectNoAxeViolations(page);
  await link.click();
  await expect(due).toBeFocused();

  // Leaving asks first; staying keeps everything.
  await tryToLeaveAndStay(page, { axe: true });
  await expect(due).toHaveValue('2027-02-01');

  // Corrected and saved, the page moves on to the new measure without asking.
  await due.fill('2027-04-01');
  await page.getByRole('button', { name: 'Legg til tiltak' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fiktivt tiltak for skjematesten' })).toBeVisible();
  await expect(unsavedDialog(page)).toHaveCount(0);
});
