import { DEMO_STAFF_ORGANISATION, PlatformApi, STRONG_PASSWORD, uniqueEmail } from './pages/platform-api';
import { MfaChallengePage, MfaEnrolmentPage, SignInPage } from './pages/platform-auth';
import { AppShell } from './pages/platform-shell';
import { currentCode, nextStepCode, wrongCode } from './pages/platform-totp';
import { UsersPages } from './pages/platform-users';
import { DEMO_PASSWORD } from './playwright.config';
import { demoEmail, expect, signInByApi, test } from './support/fixtures';

const WRONG_CODE_TEXT = 'Koden er feil eller utløpt. Prøv med koden appen viser nå.';

test.describe('sign-in with MFA', () => {
  test('an admin creates a coordinator, who sets up MFA at the first sign-in and signs in with a code the next time', async ({ page }) => {
    const shell = new AppShell(page);
    const users = new UsersPages(page);
    const signIn = new SignInPage(page);
    const enrolment = new MfaEnrolmentPage(page);
    const challenge = new MfaChallengePage(page);
    const coordinator = { name: `Koordinator ${Date.now()}`, email: uniqueEmail('coordinator'), role: 'Koordinator', organisation: DEMO_STAFF_ORGANISATION, password: STRONG_PASSWORD };

    await signInByApi(page, demoEmail('admin'));
    await users.openList();
    await users.openCreateForm();
    await users.create(coordinator);
    await shell.signOut();
    await expect(signIn.signedOutNotice).toBeVisible();

    // First sign-in: the role requires MFA and none is set up, so enrolment comes first.
    await signIn.signIn(coordinator.email, coordinator.password);
    await enrolment.expectShown();
    const secret = await enrolment.readSecret();
    await enrolment.confirm(wrongCode(secret));
    await expect(enrolment.code).toHaveAccessibleDescription(new RegExp(WRONG_CODE_TEXT));
    await expect(enrolment.code).toHaveAttribute('aria-invalid', 'true');
    await enrolment.confirm(currentCode(secret));
    await shell.expectHome(coordinator.name);
    await shell.expectPlatformLinks(['Hjem', 'Organisasjoner', 'Revisjonslogg', 'Min profil']);

    // Second sign-in: the code challenge. The step just used is refused, so use the next one.
    await shell.signOut();
    await signIn.signIn(coordinator.email, coordinator.password);
    await challenge.expectShown();
    await challenge.confirm(wrongCode(secret));
    await expect(challenge.code).toHaveAccessibleDescription(new RegExp(WRONG_CODE_TEXT));
    await expect(challenge.code).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/app\/sign-in\/mfa/);
    await challenge.confirm(nextStepCode(secret));
    await shell.expectHome(coordinator.name);
    await shell.expectPlatformLinks(['Hjem', 'Organisasjoner', 'Revisjonslogg', 'Min profil']);
  });

  test('a wrong password shows an alert and stays on the sign-in page', async ({ page }) => {
    // A user of its own, so the failed attempt counts against no shared demo account.
    const admin = await PlatformApi.asDemo('admin');
    const user = await admin.createUser('viewer', 'wrong-password');
    await admin.dispose();
    const signIn = new SignInPage(page);

    await signIn.open();
    await signIn.signIn(user.email, 'not-the-right-password-at-all');
    await expect(signIn.error).toHaveText('Feil e-post eller passord.');
    await expect(signIn.heading).toBeVisible();
    await expect(page).toHaveURL(/\/app\/sign-in/);
  });
});

test.describe('keyboard', () => {
  test('on the sign-in page Tab reaches e-mail, password and the button in order, and Enter signs in', async ({ page }) => {
    const signIn = new SignInPage(page);
    const shell = new AppShell(page);
    await signIn.open();

    await page.keyboard.press('Tab');
    await expect(shell.skipLink).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(shell.languageButton('English')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(signIn.email).toBeFocused();
    await page.keyboard.type(demoEmail('frontline'));
    await page.keyboard.press('Tab');
    await expect(signIn.password).toBeFocused();
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Tab');
    await expect(signIn.submit).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(signIn.password).toBeFocused();
    await page.keyboard.press('Enter');
    await shell.expectHome();
  });

  test('on a signed-in page the first Tab focuses the skip link, which moves focus to main', async ({ page }) => {
    const shell = new AppShell(page);
    await signInByApi(page, demoEmail('viewer'));
    await shell.openHome();

    await page.keyboard.press('Tab');
    await expect(shell.skipLink).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(shell.main).toBeFocused();
    // The next Tab continues inside main, not back in the header.
    await page.keyboard.press('Tab');
    const focusedInMain = await shell.main.evaluate((main) => main.contains(document.activeElement) && document.activeElement !== main);
    expect(focusedInMain).toBe(true);
  });
});

test.describe('session expiry', () => {
  test('when an admin ends the session, the next navigation shows the "session expired" notice', async ({ page }) => {
    const admin = await PlatformApi.asDemo('admin');
    const user = await admin.createUser('viewer', 'expiry');
    const shell = new AppShell(page);
    const signIn = new SignInPage(page);

    await signInByApi(page, user.email, user.password);
    await shell.openHome();
    expect(await admin.endSessions(user.id)).toBe(1);
    await admin.dispose();

    await shell.navLink('Min profil').click();
    await expect(page).toHaveURL(/\/app\/sign-in\?.*reason=expired/);
    await expect(signIn.heading).toBeVisible();
    await expect(signIn.expiredNotice).toBeVisible();
  });
});
