import fs from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';

/** The council report pages (nb texts), by role and label. */
export class ReportPages {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/app/reports');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Rapport til kommunestyret' })).toBeVisible();
  }

  /** Creates the report for a year from the list page and lands on its draft. */
  async create(year: number) {
    await this.page.getByLabel('År', { exact: true }).fill(String(year));
    await this.page.getByRole('button', { name: 'Lag rapport' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: `Årsrapport om arbeidet mot menneskehandel ${year}` })).toBeVisible();
    await expect(this.page.getByText('Rapporten er laget som utkast.')).toBeVisible();
  }

  async writeNarrative(summary: string, assessment: string, proposals: string) {
    await this.page.getByLabel('Sammendrag', { exact: true }).fill(summary);
    await this.page.getByLabel('Vurdering', { exact: true }).fill(assessment);
    await this.page.getByLabel('Forslag til videre arbeid', { exact: true }).fill(proposals);
    await this.page.getByRole('button', { name: 'Lagre teksten' }).click();
    await expect(this.page.getByText('Teksten er lagret.')).toBeVisible();
  }

  /** Fills the saksframlegg form and saves it. */
  async writeCase(fields: { caseNumber: string; archiveCode: string; committee: string; meetingDate: string; caseOfficer: string; attachments: string[] }) {
    const form = this.page.getByRole('region', { name: 'Saksframlegget' });
    await form.getByLabel('Arkivsaksnummer').fill(fields.caseNumber);
    await form.getByLabel('Arkivkode').fill(fields.archiveCode);
    await form.getByLabel('Utvalg').fill(fields.committee);
    await form.getByLabel('Møtedato').fill(fields.meetingDate);
    await form.getByLabel('Saksbehandler').fill(fields.caseOfficer);
    await form.getByLabel('Vedlegg').fill(fields.attachments.join('\n'));
    await form.getByRole('button', { name: 'Lagre saksframlegget' }).click();
  }

  async finalise() {
    await this.page.getByRole('button', { name: 'Gjør endelig' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Gjøre rapporten endelig?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Gjør endelig' }).click();
    await expect(this.page.getByText('Rapporten er endelig og låst.')).toBeVisible();
  }

  /**
   * Downloads a file and returns its bytes and suggested name. A button of that name asks for it
   * in the background (council report documents): then the new file's link is awaited and used.
   */
  async download(linkName: string): Promise<{ name: string; body: Buffer }> {
    const button = this.page.getByRole('button', { name: linkName, exact: true });
    let link = this.page.getByRole('link', { name: linkName });
    if ((await button.count()) > 0) {
      link = this.page.locator('.background-download').filter({ has: button }).getByRole('link', { name: /^Last ned / });
      const hrefNow = async () => ((await link.count()) > 0 ? await link.getAttribute('href') : null);
      const before = await hrefNow();
      await button.click();
      await expect.poll(async () => { const href = await hrefNow(); return href !== null && href !== before; }, { timeout: 120_000 }).toBe(true);
    }
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), body: await fs.readFile(path) };
  }
}
