import { expect, type Locator, type Page } from '@playwright/test';

/** The guided screening (nb texts), by role and label. */
export class ScreeningWizard {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/app/screening');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Kartlegging' })).toBeVisible();
  }

  get quickHide(): Locator {
    return this.page.getByRole('button', { name: 'Skjul raskt' });
  }

  async choose(label: string, option: string) {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  question(text: string): Locator {
    return this.page.getByRole('group', { name: text });
  }

  async answer(question: string, answer: 'Ja' | 'Nei' | 'Vet ikke') {
    await this.question(question).getByRole('radio', { name: answer, exact: true }).check();
  }

  async next() {
    await this.page.getByRole('button', { name: 'Neste', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: 'Spørsmål' })).toBeFocused();
  }

  async seeResult() {
    await this.page.getByRole('button', { name: 'Se resultat' }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: 'Resultat og neste steg' })).toBeFocused();
  }

  step(kind: string): Locator {
    return this.page.getByTestId(`step-${kind}`);
  }
}

/** One concern's page, with the coordinator's triage forms. */
export class ConcernPage {
  constructor(readonly page: Page) {}

  async assign(name: string) {
    await this.page.getByLabel('Tildel saksbehandler').selectOption({ label: name });
    await this.page.getByRole('button', { name: 'Tildel', exact: true }).click();
  }

  async close(reason: string) {
    await this.page.getByLabel('Lukk med begrunnelse').selectOption({ label: reason });
    await this.page.getByRole('button', { name: 'Lukk bekymringen' }).click();
  }
}

/** A concern sent without a screening (nb texts). */
export class DirectConcernForm {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/app/concerns/new');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Send en bekymring uten kartlegging' })).toBeVisible();
  }

  async choose(label: string, option: string) {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  async send() {
    await this.page.getByRole('button', { name: 'Send bekymringen' }).click();
    await expect(this.page.getByRole('heading', { name: 'Bekymringen er sendt til koordinatoren.' })).toBeFocused();
  }
}
