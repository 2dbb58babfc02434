import { DEMO_STAFF_ORGANISATION, STRONG_PASSWORD, uniqueEmail } from './pages/platform-api';
import { UsersPages, type NewUserInput } from './pages/platform-users';
import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

function newCaseworker(): NewUserInput {
  return { name: `Saksbehandler ${Date.now()}`, email: uniqueEmail('caseworker'), role: 'Saksbehandler', organisation: DEMO_STAFF_ORGANISATION, password: STRONG_PASSWORD };
}

test.describe('creating a user', () => {
  test.beforeEach(async ({ page }) => {
    await signInByApi(page, demoEmail('admin'));
  });

  test('the server refuses a weak password and a taken e-mail, on the field they belong to; corrected, the user is created', async ({ page }) => {
    const users = new UsersPages(page);
    const input = newCaseworker();
    await users.openList();
    await users.openCreateForm();

    await users.fill({ ...input, password: 'kort' });
    await users.submit.click();
    await expect(users.password).toHaveAccessibleDescription(/Passordet må ha minst 12 tegn\./);
    await expect(users.password).toHaveAttribute('aria-invalid', 'true');
    // The error summary above the form takes focus, says the same, and its link moves focus to the field.
    const summary = page.locator('ds-error-summary');
    await expect(summary).toBeFocused();
    const passwordLink = summary.getByRole('link', { name: 'Passord: Passordet må ha minst 12 tegn.' });
    await expect(passwordLink).toBeVisible();
    await expect(summary.getByRole('link')).toHaveCount(1);
    await expectNoAxeViolations(page);
    await passwordLink.click();
    await expect(users.password).toBeFocused();

    await users.password.fill('passordpassord');
    await users.submit.click();
    await expect(users.password).toHaveAccessibleDescription(/Passordet er for lett å gjette\./);

    await users.email.fill(demoEmail('viewer'));
    await users.password.fill(STRONG_PASSWORD);
    await users.submit.click();
    await expect(users.email).toHaveAccessibleDescription(/Det finnes allerede en bruker med denne e-postadressen\./);
    await expect(users.email).toHaveAttribute('aria-invalid', 'true');
    await expect(summary).toBeFocused();
    // Only the e-mail is listed now (the corrected password is not), and nothing else is shown above the form.
    const emailLink = summary.getByRole('link', { name: 'E-post: Det finnes allerede en bruker med denne e-postadressen.' });
    await expect(emailLink).toBeVisible();
    await expect(summary.getByRole('listitem')).toHaveCount(1);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await emailLink.press('Enter');
    await expect(users.email).toBeFocused();
    await expect(page).toHaveURL(/\/app\/users\/new$/);

    await users.email.fill(input.email);
    await users.submit.click();
    await expect(page).toHaveURL(/\/app\/users\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: input.name })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: `Brukeren ${input.name} er opprettet.` })).toBeVisible();
  });

  test('in English the weak-password error is the server\'s own explanation', async ({ page }) => {
    // The language choice is per browser; the shared admin's profile is left alone.
    await page.addInitScript(() => window.localStorage.setItem('lykt.language', 'en'));
    await page.goto('/app/users/new');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'New user' })).toBeVisible();

    await page.getByLabel('Name', { exact: true }).fill('Weak Password');
    await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('weak'));
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Caseworker' });
    await expect(page.getByLabel('Organisation', { exact: true }).getByRole('option', { name: DEMO_STAFF_ORGANISATION })).toBeAttached();
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: DEMO_STAFF_ORGANISATION });
    const password = page.getByLabel('Password', { exact: true });
    await password.fill('passwordpassword');
    await page.getByRole('button', { name: 'Create user' }).click();
    await expect(password).toHaveAccessibleDescription(/The password is too easy to guess\..*Use a longer phrase of unrelated words\./);
  });
});
