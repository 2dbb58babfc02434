import type { Locator, Page } from '@playwright/test';
import { animationsFinished } from './animations';
import { expect, expectNoAxeViolations } from './fixtures';

/** The unsaved-changes question (nb). */
export function unsavedDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Forlate skjemaet uten å lagre?' });
}

/**
 * Tries to leave for the home page with a changed form: the question must come (and pass axe when
 * asked), and "cancel" must keep the page. The caller checks that what was typed is still there.
 */
export async function tryToLeaveAndStay(page: Page, options: { axe?: boolean } = {}): Promise<void> {
  const url = page.url();
  await page.getByRole('link', { name: 'Hjem' }).first().click();
  const dialog = unsavedDialog(page);
  await expect(dialog).toBeVisible();
  if (options.axe) {
    await animationsFinished(dialog);
    await expectNoAxeViolations(page);
  }
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog).toBeHidden();
  expect(page.url()).toBe(url);
}

/** Leaves for the home page with a changed form, answering "leave without saving". */
export async function leaveWithoutSaving(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Hjem' }).first().click();
  await unsavedDialog(page).getByRole('button', { name: 'Forlat uten å lagre' }).click();
  await expect(page).toHaveURL(/\/app\/?$/);
}
