import { E2E_PASSKEY_BASE_URL } from './playwright.config';
import { PlatformApi } from './pages/platform-api';
import { SignInPage } from './pages/platform-auth';
import { ProfilePasskeys, VirtualAuthenticator } from './pages/platform-passkeys';
import { AppShell } from './pages/platform-shell';
import { expect, expectNoAxeViolations, test } from './support/fixtures';

// WebAuthn refuses an IP address as RP id: these tests use the server by the name localhost.
test.use({ baseURL: E2E_PASSKEY_BASE_URL });

test.describe('passkeys', () => {
  test('a user registers a passkey on the profile, signs out and signs in with it', async ({ page }) => {
    const admin = await PlatformApi.asDemo('admin');
    const user = await admin.createUser('frontline', 'passkey');
    await admin.dispose();
    const authenticator = await VirtualAuthenticator.add(page);

    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signIn(user.email, user.password);
    const shell = new AppShell(page);
    await shell.expectHome(user.name);

    const passkeys = new ProfilePasskeys(page);
    await passkeys.open();
    await expect(passkeys.none).toBeVisible();
    await expectNoAxeViolations(page);
    await passkeys.add.click();
    await passkeys.name.fill('Testmaskin');
    await passkeys.register.click();
    await expect(passkeys.registered).toBeVisible();
    await expect(passkeys.passkey('Testmaskin')).toBeVisible();
    await expectNoAxeViolations(page);
    const [credential] = await authenticator.credentials();
    expect(credential?.isResidentCredential).toBe(true);

    await shell.signOut();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Logg inn med passnøkkel' }).click();
    await shell.expectHome(user.name);
    const [used] = await authenticator.credentials();
    expect(used?.signCount).toBeGreaterThan(credential?.signCount ?? 0);
  });

  test('the passkey rule leads a coordinator without one to register it before using the app', async ({ page }) => {
    const admin = await PlatformApi.asDemo('admin');
    const coordinator = await admin.createUser('coordinator', 'passkey-rule');
    const authenticator = await VirtualAuthenticator.add(page);
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.email.fill(coordinator.email);
    await signIn.password.fill(coordinator.password);
    // The rule is on for the whole (shared) demo municipality: only for as long as the sign-in
    // takes, so browser tests in the other worker are touched as little as can be.
    try {
      // The demo administrator is a demo account, which demo mode lets turn the rule on without a passkey.
      const on = await admin.request.patch('/api/v1/municipality', { data: { requirePasskey: true } });
      expect(on.status(), await on.text()).toBe(200);
      await signIn.submit.click();
      await expect(page).toHaveURL(/\/app\/sign-in\/passkey-enrolment/);
    } finally {
      const off = await admin.request.patch('/api/v1/municipality', { data: { requirePasskey: false } });
      expect(off.status(), await off.text()).toBe(200);
      await admin.dispose();
    }
    // The session stays in the enrolment step after the rule is off again.
    await expect(page.getByRole('heading', { level: 1, name: 'Registrer en passnøkkel' })).toBeVisible();
    await expectNoAxeViolations(page);

    // The app itself stays closed until the passkey is there.
    await page.goto('/app/');
    await expect(page).toHaveURL(/\/app\/sign-in\/passkey-enrolment/);

    await page.getByLabel('Navn på passnøkkelen').fill('Koordinatorens PC');
    await page.getByRole('button', { name: 'Registrer passnøkkel' }).click();
    await new AppShell(page).expectHome(coordinator.name);
    expect(await authenticator.credentials()).toHaveLength(1);
  });
});
