import { expect, type Page } from '@playwright/test';

/** The cooperation group pages (nb texts), by role and label. */
export class CooperationPages {
  constructor(readonly page: Page) {}

  async openRoutingCard() {
    await this.page.goto('/app/routing-card');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Hvem ringer jeg?' })).toBeVisible();
  }

  situationRow(situation: string) {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: situation, exact: true }) });
  }

  async recordMeeting(input: { startsAt: string; place: string; attendee: string; item: string; decision: string; action: string; measure: string }) {
    await this.page.goto('/app/cooperation/meetings/new');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Registrer møte' })).toBeVisible();
    await this.page.getByLabel('Dato og klokkeslett').fill(input.startsAt);
    await this.page.getByLabel('Sted', { exact: true }).fill(input.place);
    await this.page.getByRole('checkbox', { name: input.attendee }).check();
    await this.page.getByLabel('Sak', { exact: true }).fill(input.item);
    await this.page.getByLabel('Vedtak').fill(input.decision);
    await this.page.getByRole('button', { name: 'Legg til oppgave' }).click();
    await this.page.getByLabel('Oppgave', { exact: true }).fill(input.action);
    await this.page.getByLabel('Tiltak i planen').selectOption({ label: input.measure });
    await this.page.getByRole('button', { name: 'Lagre møtet' }).click();
    await expect(this.page.getByText('Møtet er registrert.')).toBeVisible();
  }
}
