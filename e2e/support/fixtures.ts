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

/**
 * Opens the staff home and follows a link in the main menu, once the home is laid out: its heading
 * shown and the web fonts loaded. Until Inter has loaded the text is set in a fallback font, and the
 * swap changes the text's size and so where the menu's links are; a press on one link and a release
 * on the next is no click at all (seen in CI: the page stayed on the home).
 */
export async function openFromMenu(page: Page, linkName: string, options: { exact?: boolean } = {}): Promise<void> {
  await page.goto('/app/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: linkName, exact: options.exact ?? false }).click();
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
