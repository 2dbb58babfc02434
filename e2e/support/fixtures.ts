import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD, E2E_BASE_URL } from '../playwright.config';

export const DEMO_DOMAIN = 'eksempel.kommune.no';
export type DemoRole = 'admin' | 'coordinator' | 'caseworker' | 'frontline' | 'partner' | 'viewer' | 'procurement';
export const demoEmail = (role: DemoRole) => `${role}@${DEMO_DOMAIN}`;

/** Signs in through the API (cookies are shared with the page), as STYLE.md asks of browser tests. */
export async function signInByApi(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const response = await page.request.post('/api/v1/auth/login', { data: { email, password }, headers: { origin: E2E_BASE_URL } });
  expect(response.status(), await response.text()).toBe(200);
}

/** Runs axe (WCAG 2.1 A and AA rules) on the page and fails on any violation. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export const test = base.extend<{ failOnExternalRequests: void }>({
  // Hermetic: any request to a host other than the app fails the test.
  failOnExternalRequests: [
    async ({ page, baseURL }, use) => {
      const allowed = new URL(baseURL ?? 'http://127.0.0.1').host;
      const external: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol.startsWith('http') && url.host !== allowed) external.push(request.url());
      });
      await use();
      expect(external, 'requests to other hosts').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };
