import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './support/chromium';

const PORT = Number(process.env.E2E_PORT ?? 3199);
export const E2E_BASE_URL = `http://127.0.0.1:${PORT}`;
/** The same server by name: WebAuthn needs a domain as RP id (never an IP address). */
export const E2E_PASSKEY_BASE_URL = `http://localhost:${PORT}`;
export const DEMO_PASSWORD = 'e2e-lantern-harbour-2026';
/**
 * The app e-mails notifications to an SMTP server on this port. Only notifications.spec.ts listens
 * there (a real SMTP server in the test process); for every other spec the e-mails simply wait in
 * the outbox and are retried, which changes nothing they look at.
 */
export const E2E_SMTP_PORT = PORT + 20_000;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  // Per port, so two runs in one tree never share results or data.
  outputDir: `../test-results/e2e-${PORT}`,
  use: {
    baseURL: E2E_BASE_URL,
    locale: 'nb-NO',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: await chromiumLaunchOptions(),
  },
  projects: [
    { name: 'shared', testIgnore: /(platform-passkeys|forms-pathway)\.spec\.ts$/ },
    // Moves and removes rules of the municipality's pathway, which screening and pathway specs
    // read: it runs after the shared specs, before the passkey rule ends the coordinators' sessions.
    { name: 'pathway', testMatch: /forms-pathway\.spec\.ts$/, dependencies: ['shared'] },
    // Turns the passkey rule on for the whole demo municipality for a moment, which ends the
    // sessions of coordinators without a passkey: it runs after every other spec, alone.
    { name: 'exclusive', testMatch: /platform-passkeys\.spec\.ts$/, dependencies: ['shared', 'pathway'] },
  ],
  webServer: {
    // A fresh embedded database with the demo municipality for every run.
    command: `rm -rf .tmp/e2e-data-${PORT} && node --import tsx apps/api/src/main.ts`,
    cwd: '..',
    url: `${E2E_BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LYKT_DATA_DIR: `.tmp/e2e-data-${PORT}`,
      LYKT_DEMO: 'true',
      LYKT_DEMO_PASSWORD: DEMO_PASSWORD,
      LYKT_LOGIN_RATE_LIMIT: '2000',
      LYKT_LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      LYKT_SMTP_HOST: '127.0.0.1',
      LYKT_SMTP_PORT: String(E2E_SMTP_PORT),
      LYKT_SMTP_TLS: 'none',
      LYKT_SMTP_FROM: 'Lykt <lykt@eksempel.kommune.no>',
      LYKT_NOTIFY_POLL_SECONDS: '1',
      LYKT_WEBAUTHN_RP_ID: 'localhost',
      LYKT_WEBAUTHN_ORIGINS: E2E_PASSKEY_BASE_URL,
      // The sign-in test runs a real OpenID provider on another local port, over plain HTTP.
      LYKT_OIDC_ALLOW_HTTP: 'true',
      LYKT_PUBLIC_URL: E2E_BASE_URL,
    },
  },
});
