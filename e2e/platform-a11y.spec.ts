import type { Page } from '@playwright/test';
import { DEMO_STAFF_ORGANISATION, PlatformApi, uniqueEmail, type CreatedUser } from './pages/platform-api';
import { MfaChallengePage, MfaEnrolmentPage, SignInPage } from './pages/platform-auth';
import { AppShell } from './pages/platform-shell';
import { wrongCode } from './pages/platform-totp';
import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

const PHONE = { width: 390, height: 844 };

const POLICE = 'Eksempel politidistrikt';

interface PlatformPage {
  name: string;
  open: (page: Page) => Promise<unknown>;
  /** Waits until the page has loaded its data, so axe sees the whole page. */
  ready: (page: Page) => Promise<void>;
}

/** A viewer of its own, signed in once (by API) so their page lists a session. */
async function newViewerWithSession(): Promise<CreatedUser> {
  const admin = await PlatformApi.asDemo('admin');
  try {
    const user = await admin.createUser('viewer', 'axe');
    await (await PlatformApi.signIn(user.email, user.password)).dispose();
    return user;
  } finally {
    await admin.dispose();
  }
}

async function organisationId(name: string): Promise<string> {
  const admin = await PlatformApi.asDemo('admin');
  try {
    return await admin.organisationId(name);
  } finally {
    await admin.dispose();
  }
}

/** The admin's pages in nb. Each opens its address and waits until its data has loaded. */
const ADMIN_PAGES: PlatformPage[] = [
  { name: 'home', open: (page) => page.goto('/app/'), ready: (page) => expect(page.getByRole('heading', { level: 1, name: /^Velkommen, / })).toBeVisible() },
  { name: 'users list', open: (page) => page.goto('/app/users'), ready: (page) => expect(page.getByRole('table', { name: /^Brukere \(\d+\)$/ })).toBeVisible() },
  {
    name: 'create user',
    open: (page) => page.goto('/app/users/new'),
    ready: (page) => expect(page.getByLabel('Organisasjon', { exact: true }).getByRole('option', { name: DEMO_STAFF_ORGANISATION })).toBeAttached(),
  },
  {
    name: "a user's details",
    open: async (page) => {
      const user = await newViewerWithSession();
      await page.goto(`/app/users/${user.id}`);
      await expect(page.getByRole('heading', { level: 1, name: user.name })).toBeVisible();
    },
    ready: (page) => expect(page.getByRole('table', { name: 'Aktive økter' })).toBeVisible(),
  },
  {
    name: 'organisations list',
    open: (page) => page.goto('/app/organisations'),
    ready: (page) => expect(page.getByRole('table', { name: /^Organisasjoner \(\d+\)$/ })).toBeVisible(),
  },
  { name: 'new organisation', open: (page) => page.goto('/app/organisations/new'), ready: (page) => expect(page.getByLabel('Navn på organisasjonen')).toBeVisible() },
  {
    name: "an organisation's page",
    open: async (page) => {
      await page.goto(`/app/organisations/${await organisationId(POLICE)}`);
    },
    ready: async (page) => {
      await expect(page.getByRole('heading', { level: 1, name: POLICE })).toBeVisible();
      await expect(page.getByLabel('Navn på organisasjonen')).toHaveValue(POLICE);
    },
  },
  { name: 'settings', open: (page) => page.goto('/app/settings'), ready: (page) => expect(page.getByLabel('Kommunens navn')).not.toHaveValue('') },
  { name: 'audit log', open: (page) => page.goto('/app/audit'), ready: (page) => expect(page.getByRole('table', { name: /^Hendelser \((\d+|mange; bla med «Neste side»)\)$/ })).toBeVisible() },
  { name: 'profile', open: (page) => page.goto('/app/profile'), ready: (page) => expect(page.getByRole('button', { name: 'Bytt passord' })).toBeVisible() },
];

/** A few of them in English. */
const ADMIN_PAGES_EN: PlatformPage[] = [
  { name: 'home', open: (page) => page.goto('/app/'), ready: (page) => expect(page.getByRole('heading', { level: 1, name: /^Welcome, / })).toBeVisible() },
  { name: 'users list', open: (page) => page.goto('/app/users'), ready: (page) => expect(page.getByRole('table', { name: /^Users \(\d+\)$/ })).toBeVisible() },
  {
    name: 'create user',
    open: (page) => page.goto('/app/users/new'),
    ready: (page) => expect(page.getByLabel('Organisation', { exact: true }).getByRole('option', { name: DEMO_STAFF_ORGANISATION })).toBeAttached(),
  },
  { name: 'profile', open: (page) => page.goto('/app/profile'), ready: (page) => expect(page.getByRole('button', { name: 'Change password' })).toBeVisible() },
];

/** A new coordinator: their role requires MFA, so signing in stops half way. */
async function newCoordinator(): Promise<CreatedUser> {
  const admin = await PlatformApi.asDemo('admin');
  try {
    return await admin.createUser('coordinator', 'axe-mfa');
  } finally {
    await admin.dispose();
  }
}

test.describe('axe, nb', () => {
  for (const target of ADMIN_PAGES) {
    test(`admin: ${target.name}`, async ({ page }) => {
      await signInByApi(page, demoEmail('admin'));
      await target.open(page);
      await target.ready(page);
      await expectNoAxeViolations(page);
    });
  }

  test('dialogs and added rows: deactivate a user, a contact person on a new organisation', async ({ page }) => {
    const user = await newViewerWithSession();
    await signInByApi(page, demoEmail('admin'));

    await page.goto(`/app/users/${user.id}`);
    await expect(page.getByRole('heading', { level: 1, name: user.name })).toBeVisible();
    await page.getByRole('button', { name: 'Deaktiver bruker' }).click();
    const dialog = page.getByRole('dialog', { name: `Deaktivere ${user.name}?` });
    await expect(dialog.getByRole('button', { name: 'Ja, deaktiver' })).toBeVisible();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await expect(dialog).toBeHidden();

    await page.goto('/app/organisations/new');
    await page.getByRole('button', { name: 'Legg til kontaktperson' }).click();
    const contact = page.getByRole('group', { name: 'Kontaktperson 1' });
    await expect(contact.getByLabel('Navn', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the sign-in page: plain, with the expiry notice and with the wrong-password alert', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.open();
    await expectNoAxeViolations(page);

    await page.goto('/app/sign-in?reason=expired');
    await expect(signIn.expiredNotice).toBeVisible();
    await expectNoAxeViolations(page);

    await signIn.signIn(uniqueEmail('nobody'), 'not-a-password-anyone-has');
    await expect(signIn.error).toHaveText('Feil e-post eller passord.');
    await expectNoAxeViolations(page);
  });

  test('MFA enrolment, half signed in, before and after a wrong code', async ({ page }) => {
    const coordinator = await newCoordinator();
    const signIn = new SignInPage(page);
    const enrolment = new MfaEnrolmentPage(page);
    await signIn.open();
    await signIn.signIn(coordinator.email, coordinator.password);
    await enrolment.expectShown();
    const secret = await enrolment.readSecret();
    await expectNoAxeViolations(page);

    await enrolment.confirm(wrongCode(secret));
    await expect(enrolment.code).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);
  });

  test('MFA challenge, half signed in, before and after a wrong code', async ({ page }) => {
    const coordinator = await newCoordinator();
    const secret = await PlatformApi.enrolMfa(coordinator);
    const signIn = new SignInPage(page);
    const challenge = new MfaChallengePage(page);
    await signIn.open();
    await signIn.signIn(coordinator.email, coordinator.password);
    await challenge.expectShown();
    await expectNoAxeViolations(page);

    await challenge.confirm(wrongCode(secret));
    await expect(challenge.code).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);
  });
});

test.describe('axe, en', () => {
  test.beforeEach(async ({ page }) => {
    // The language choice is per browser; the shared admin's profile is left alone.
    await page.addInitScript(() => window.localStorage.setItem('lykt.language', 'en'));
  });

  test('sign-in', async ({ page }) => {
    await page.goto('/app/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectNoAxeViolations(page);
  });

  for (const target of ADMIN_PAGES_EN) {
    test(`admin: ${target.name}`, async ({ page }) => {
      await signInByApi(page, demoEmail('admin'));
      await target.open(page);
      await target.ready(page);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expectNoAxeViolations(page);
    });
  }
});

test.describe('axe on a phone', () => {
  test.use({ viewport: PHONE });

  const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  test('sign-in fits a 390 px screen and passes axe', async ({ page }) => {
    await new SignInPage(page).open();
    await expectNoAxeViolations(page);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });

  test('home fits a 390 px screen and passes axe', async ({ page }) => {
    const shell = new AppShell(page);
    await signInByApi(page, demoEmail('admin'));
    await shell.openHome();
    await expectNoAxeViolations(page);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
});
