import { expect, type Locator, type Page } from '@playwright/test';

/** One case's page (nb texts), found by role and label. */
export class CasePage {
  constructor(readonly page: Page) {}

  async expectOpened() {
    await expect(this.page.getByRole('heading', { level: 1, name: /^Sak \d{4}-\d{4}$/ })).toBeVisible();
  }

  section(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  /** The navigation between the parts of the case. */
  get sectionNav(): Locator {
    return this.page.getByRole('navigation', { name: 'Deler av saken' });
  }

  /** The summary above every part: status, deadlines and who can see the case. */
  get summary(): Locator {
    return this.page.getByRole('region', { name: 'Sammendrag av saken' });
  }

  /** Opens one part of the case through its navigation and waits until it is the current one. */
  async openSection(name: string) {
    const link = this.sectionNav.getByRole('link', { name, exact: true });
    await link.click();
    await expect(link).toHaveAttribute('aria-current', 'page');
  }

  async recordSharingConsent(recipient: string, categories: string[]) {
    const consents = this.section('Samtykker');
    await consents.getByLabel('Formål').selectOption({ label: 'Deling med en navngitt organisasjon' });
    await consents.getByLabel('Mottaker').selectOption({ label: recipient });
    const group = consents.getByRole('group', { name: 'Opplysninger som kan deles' });
    for (const category of categories) await group.getByRole('checkbox', { name: category, exact: true }).check();
    await consents.getByLabel('Gitt med tolk').check();
    await consents.getByRole('button', { name: 'Registrer samtykke' }).click();
    await expect(consents.getByRole('heading', { level: 3, name: `Deling med en navngitt organisasjon: ${recipient}` })).toBeVisible();
  }

  async refer(consentRecipient: string, need: string, categories: string[]) {
    const referrals = this.section('Henvisninger');
    const basis = referrals.getByLabel('Grunnlag for deling');
    const option = basis.locator('option', { hasText: `Samtykke: ${consentRecipient}` });
    await basis.selectOption({ value: (await option.getAttribute('value')) ?? '' });
    await referrals.getByLabel('Henvis for').selectOption({ label: need });
    const group = referrals.getByRole('group', { name: 'Opplysninger som deles' });
    for (const category of categories) await group.getByRole('checkbox', { name: category, exact: true }).check();
    await referrals.getByRole('button', { name: 'Send henvisning' }).click();
    await expect(referrals.getByRole('heading', { level: 3, name: `${consentRecipient}: ${need}` })).toBeVisible();
  }

  async withdrawConsent() {
    await this.section('Samtykker').getByRole('button', { name: 'Trekk tilbake samtykket' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Trekk tilbake samtykket' }).click();
    await expect(dialog).toBeHidden();
  }

  async close(reason: string) {
    const section = this.section('Avslutt saken');
    await section.getByLabel('Begrunnelse (påkrevd)').fill(reason);
    await section.getByRole('button', { name: 'Avslutt saken' }).click();
  }
}

/** The shelter's view of one referral. */
export class PartnerReferralPage {
  constructor(readonly page: Page) {}

  get shared(): Locator {
    return this.page.getByRole('region', { name: 'Opplysninger som er delt med dere' });
  }

  value(label: string): Locator {
    return this.shared.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
  }
}
