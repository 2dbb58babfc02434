import { DEMO_STAFF_ORGANISATION, PlatformApi, STRONG_PASSWORD, uniqueEmail } from './pages/platform-api';
import { MfaEnrolmentPage, SignInPage } from './pages/platform-auth';
import { DEMO_DOMAIN, expect, test } from './support/fixtures';

test.describe('MFA policy in demo mode', () => {
  test('a coordinator created later on the demo domain must still set up MFA', async ({ page }) => {
    const admin = await PlatformApi.asDemo('admin');
    const email = uniqueEmail('demo-domain-coordinator', DEMO_DOMAIN);
    const organisationId = await admin.organisationId(DEMO_STAFF_ORGANISATION);
    const created = await admin.request.post('/api/v1/users', {
      data: { name: 'Koordinator på demodomenet', email, role: 'coordinator', organisationId, password: STRONG_PASSWORD },
    });
    expect(created.status(), await created.text()).toBe(201);
    await admin.dispose();

    const signIn = new SignInPage(page);
    await signIn.open();
    const login = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/login'));
    await signIn.signIn(email, STRONG_PASSWORD);
    expect(await (await login).json()).toEqual({ state: 'mfa_enrolment' });
    await new MfaEnrolmentPage(page).expectShown();
  });
});
