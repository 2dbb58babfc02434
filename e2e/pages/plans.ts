import { expect, type Page } from '@playwright/test';

/** The action plan pages (nb texts), by role and label. */
export class PlanPages {
  constructor(readonly page: Page) {}

  async createFromTemplate(title: string) {
    await this.page.goto('/app/plans');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Tiltaksplan' })).toBeVisible();
    await this.page.getByLabel('Navn på planen').fill(title);
    await expect(this.page.getByRole('checkbox', { name: /Start fra malen/ })).toBeChecked();
    await this.page.getByRole('button', { name: 'Opprett planen' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: `${title}, versjon 1` })).toBeVisible();
  }

  async openMeasure(title: string) {
    await this.page.getByRole('link', { name: title, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  /** On a draft measure's page: sets the owner and partner organisations and saves. */
  async assign(owner: string, partners: string[] = []) {
    await this.page.getByLabel('Eier (organisasjon)').selectOption({ label: owner });
    for (const partner of partners) await this.page.getByRole('checkbox', { name: partner, exact: true }).check();
    await this.page.getByRole('button', { name: 'Lagre endringer' }).click();
    await expect(this.page.getByText('Endringene er lagret.')).toBeVisible();
  }

  async backToPlan() {
    // The measure's breadcrumbs end with the plan version it belongs to.
    await this.page.getByRole('navigation', { name: 'Brødsmulesti' }).getByRole('link').last().click();
    await expect(this.page.getByRole('heading', { level: 2, name: 'Vedta planen' })).toBeVisible();
  }

  async adopt(decisionRef: string) {
    await this.page.getByLabel('Vedtak (saksnummer)').fill(decisionRef);
    await this.page.getByRole('button', { name: 'Registrer vedtaket' }).click();
    await expect(this.page.getByText(`Vedtatt i ${decisionRef}`)).toBeVisible();
  }

  async postUpdate(text: string, status: string, progress: string) {
    await this.page.getByLabel('Hva har skjedd?').fill(text);
    await this.page.getByLabel('Status').selectOption({ label: status });
    await this.page.getByLabel('Ny framdrift (0–100)').fill(progress);
    await this.page.getByRole('button', { name: 'Send oppdateringen' }).click();
    await expect(this.page.getByText('Oppdateringen er lagt til i tidslinjen.')).toBeVisible();
  }
}
