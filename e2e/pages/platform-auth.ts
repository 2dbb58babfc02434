import { expect, type Locator, type Page } from '@playwright/test';

/** The sign-in steps (nb texts): e-mail and password, MFA enrolment and the MFA challenge. */
export class SignInPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly expiredNotice: Locator;
  readonly signedOutNotice: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Logg inn' });
    this.email = page.getByLabel('E-post');
    this.password = page.getByLabel('Passord', { exact: true });
    this.submit = page.getByRole('button', { name: 'Logg inn', exact: true });
    this.expiredNotice = page.getByRole('status').filter({ hasText: 'Økten din er utløpt. Logg inn på nytt for å fortsette.' });
    this.signedOutNotice = page.getByRole('status').filter({ hasText: 'Du er logget ut.' });
    this.error = page.getByRole('alert');
  }

  async open() {
    await this.page.goto('/app/sign-in');
    await expect(this.heading).toBeVisible();
  }

  async signIn(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}

/** "Sett opp tofaktorautentisering": shown when the role requires MFA and none is set up. */
export class MfaEnrolmentPage {
  readonly heading: Locator;
  readonly qrCode: Locator;
  readonly secret: Locator;
  readonly code: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Sett opp tofaktorautentisering' });
    this.qrCode = page.getByRole('img', { name: /^QR-kode/ });
    this.secret = page.getByLabel('Nøkkel for manuell registrering');
    this.code = page.getByLabel('Kode', { exact: true });
    this.submit = page.getByRole('button', { name: 'Bekreft' });
  }

  async expectShown() {
    await expect(this.page).toHaveURL(/\/app\/sign-in\/mfa-enrolment/);
    await expect(this.heading).toBeVisible();
    await expect(this.qrCode).toBeVisible();
  }

  /** The secret an authenticator app would store, read from the manual-entry field. */
  async readSecret(): Promise<string> {
    await expect(this.secret).toHaveValue(/^[A-Z2-7]{16,}$/);
    return this.secret.inputValue();
  }

  async confirm(code: string) {
    await this.code.fill(code);
    await this.submit.click();
  }
}

/** "Tofaktorautentisering": step two of signing in for users with MFA. */
export class MfaChallengePage {
  readonly heading: Locator;
  readonly code: Locator;
  readonly submit: Locator;
  readonly cancel: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Tofaktorautentisering' });
    this.code = page.getByLabel('Kode', { exact: true });
    this.submit = page.getByRole('button', { name: 'Bekreft' });
    this.cancel = page.getByRole('button', { name: 'Avbryt og logg ut' });
  }

  async expectShown() {
    await expect(this.page).toHaveURL(/\/app\/sign-in\/mfa(\?|$)/);
    await expect(this.heading).toBeVisible();
  }

  async confirm(code: string) {
    await this.code.fill(code);
    await this.submit.click();
  }
}
