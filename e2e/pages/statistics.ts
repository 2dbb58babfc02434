import { expect, type Page } from '@playwright/test';
import { openFromMenu } from '../support/fixtures';

/** The statistics and local-situation pages (nb texts), by role and label. */
export class StatisticsPages {
  constructor(readonly page: Page) {}

  async openStatistics() {
    await this.page.goto('/app/');
    await this.page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Statistikk' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Statistikk' })).toBeVisible();
  }

  async choose(label: 'År' | 'Periode' | 'Hva som telles' | 'Tid vises per', option: string) {
    await this.page.getByRole('combobox', { name: label }).selectOption({ label: option });
  }

  /** The data table beside a chart, by the chart's title. */
  dataTable(title: string) {
    return this.page.getByRole('table', {
      name: `Tallene i figuren «${title}»`,
    });
  }

  /** Every number shown in the data tables of the page. */
  async shownNumbers(): Promise<number[]> {
    const cells = await this.page.locator('figure[data-chart^="statistics-"] td').allTextContents();
    return cells
      .map((text) => text.trim())
      .filter((text) => /^\d+$/.test(text))
      .map(Number);
  }

  async openOverview() {
    await openFromMenu(this.page, 'Lokal situasjon');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Lokal situasjon' })).toBeVisible();
  }
}
