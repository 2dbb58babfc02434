import { expect, type CDPSession, type Locator, type Page } from '@playwright/test';

/**
 * Chromium's virtual WebAuthn authenticator, driven through the DevTools protocol: a platform
 * authenticator (internal transport, CTAP2) with resident keys and user verification that says yes.
 */
export class VirtualAuthenticator {
  private constructor(
    private readonly cdp: CDPSession,
    readonly id: string,
  ) {}

  static async add(page: Page): Promise<VirtualAuthenticator> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable', { enableUI: false });
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    return new VirtualAuthenticator(cdp, authenticatorId);
  }

  async credentials() {
    const { credentials } = await this.cdp.send('WebAuthn.getCredentials', { authenticatorId: this.id });
    return credentials;
  }
}

/** The passkey section of "Min profil" (nb texts). */
export class ProfilePasskeys {
  readonly heading: Locator;
  readonly none: Locator;
  readonly add: Locator;
  readonly name: Locator;
  readonly register: Locator;
  readonly registered: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 2, name: 'Passnøkler' });
    this.none = page.getByText('Du har ingen passnøkler.');
    this.add = page.getByRole('button', { name: 'Legg til passnøkkel' });
    this.name = page.getByLabel('Navn på passnøkkelen');
    this.register = page.getByRole('button', { name: 'Registrer passnøkkel' });
    this.registered = page.getByRole('status').filter({ hasText: 'Passnøkkelen er registrert.' });
  }

  async open() {
    await this.page.goto('/app/profile');
    await expect(this.heading).toBeVisible();
  }

  passkey(name: string): Locator {
    return this.page.getByRole('heading', { level: 3, name });
  }
}
