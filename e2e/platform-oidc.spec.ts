import { test as base } from '@playwright/test';
import { startTestProvider, type TestProvider } from '../apps/api/test/oidc-test-provider';
import { E2E_BASE_URL } from './playwright.config';
import { demoEmail, expect, expectNoAxeViolations, signInByApi } from './support/fixtures';

let idp: TestProvider;

// Hermetic like the other specs, except for the local test provider the sign-in goes through.
const test = base.extend<{ failOnExternalRequests: void }>({
  failOnExternalRequests: [
    async ({ page, baseURL }, use) => {
      const allowed = new Set([new URL(baseURL ?? 'http://127.0.0.1').host, new URL(idp.issuer).host]);
      const external: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol.startsWith('http') && !allowed.has(url.host)) external.push(request.url());
      });
      await use();
      expect(external, 'requests to other hosts').toEqual([]);
    },
    { auto: true },
  ],
});

// The second test uses the provider the first one adds; the last removes it again, so other specs
// sharing this server see the sign-in page without providers.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  idp = await startTestProvider({ profile: 'entra' });
});
test.afterAll(async () => {
  await idp.close();
});

test('staff sign in through the municipality provider (Entra ID-like) in the browser, with JIT and a group mapping; sign-out ends the provider session too', async ({ page }) => {
  await signInByApi(page, demoEmail('admin'));
  const me = await (await page.request.get('/api/v1/me')).json();
  const clientId = `lykt-e2e-${Date.now()}`;
  const created = await page.request.post('/api/v1/oidc/providers', {
    headers: { origin: E2E_BASE_URL },
    data: {
      name: 'Entra ID (test)',
      issuer: idp.issuer,
      clientId,
      clientAuthMethod: 'client_secret_basic',
      clientSecret: 'e2e-client-secret-0123456789',
      subjectClaim: 'oid',
      groupsClaim: 'groups',
      roleMappings: [{ value: 'lykt-frontline', role: 'frontline', organisationId: me.organisation.id }],
      mfaAmrValues: ['mfa'],
      jitEnabled: true,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const provider = await created.json();
  expect(provider.redirectUri).toBe(`${E2E_BASE_URL}/api/v1/auth/oidc/${provider.id}/callback`);
  await idp.setClients([
    {
      client_id: clientId,
      client_secret: 'e2e-client-secret-0123456789',
      token_endpoint_auth_method: 'client_secret_basic',
      redirect_uris: [provider.redirectUri],
      post_logout_redirect_uris: [provider.postLogoutRedirectUri],
    },
  ]);
  idp.accounts.set('kari', { claims: { oid: crypto.randomUUID(), email: `kari.${Date.now()}@kommune.test`, name: 'Kari Nordmann', groups: ['lykt-frontline'] }, amr: ['pwd', 'mfa'] });

  await page.goto('/app/settings');
  const section = page.getByRole('region', { name: 'Innlogging med kommunens identitetstjeneste' });
  await expect(section.getByText(provider.redirectUri)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.context().clearCookies();
  await page.goto('/app/sign-in');
  const button = page.getByRole('link', { name: 'Logg inn med Entra ID (test)' });
  await expect(button).toBeVisible();
  await expectNoAxeViolations(page);
  await button.focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Username').fill('kari');
  await page.getByRole('button', { name: 'Sign in at provider' }).click();
  await page.waitForURL((url) => url.origin === E2E_BASE_URL && url.pathname === '/app/');
  const signedIn = await (await page.request.get('/api/v1/me')).json();
  expect(signedIn.user.name).toBe('Kari Nordmann');
  expect(signedIn.user.role).toBe('frontline');

  await page.getByRole('button', { name: /Logg ut/ }).first().click();
  await page.waitForURL((url) => url.href.startsWith(`${idp.issuer}/session/end`));
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);
});

test('a callback with a state that does not match is refused and explained on the sign-in page', async ({ page }) => {
  await page.goto('/app/sign-in');
  const options = await (await page.request.get('/api/v1/auth/oidc/providers')).json();
  const [provider] = options.providers;
  expect(provider).toBeDefined();
  await page.goto(`/api/v1/auth/oidc/${provider.id}/callback?code=forged&state=forged`);
  await expect(page.getByText('Innloggingen kunne ikke fullføres fordi den ble startet i en annen fane eller tok for lang tid. Prøv igjen.')).toBeVisible();
  await expectNoAxeViolations(page);

  await signInByApi(page, demoEmail('admin'));
  const removed = await page.request.delete(`/api/v1/oidc/providers/${provider.id}`, { headers: { origin: E2E_BASE_URL } });
  expect(removed.status()).toBe(200);
});
