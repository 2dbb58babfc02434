import { expect, type Page } from '@playwright/test';

/** The public tip form and follow-up, by role and label, in the texts of one language. */
export type PublicTexts = {
  tipLink: string;
  what: string;
  place: string;
  placeOption: string;
  people: string;
  peopleOption: string;
  minor: string;
  minorOption: string;
  anonymity: string;
  anonymousOption: string;
  dangerLabel: string;
  dangerYes: string;
  submit: string;
  receiptHeading: string;
  followUpLink: string;
  code: string;
  open: string;
  addLabel: string;
  addSubmit: string;
  added: string;
};

export const NB: PublicTexts = {
  tipLink: 'Gi et anonymt tips',
  what: 'Hva har du sett eller hørt?',
  place: 'Hva slags sted var det?',
  placeOption: 'Byggeplass',
  people: 'Hvor mange personer ser ut til å bli utnyttet?',
  peopleOption: 'To til fem',
  minor: 'Kan noen av dem være under 18 år?',
  minorOption: 'Vet ikke',
  anonymity: 'Vil du være anonym?',
  anonymousOption: 'Ja, jeg vil være anonym og gir ingen kontaktopplysninger',
  dangerLabel: 'Er noen i fare akkurat nå?',
  dangerYes: 'Ja, noen er i fare nå',
  submit: 'Send tipset',
  receiptHeading: 'Takk. Tipset er sendt.',
  followUpLink: 'Gå til oppfølging av tips',
  code: 'Kvitteringskode',
  open: 'Åpne',
  addLabel: 'Vil du legge til noe?',
  addSubmit: 'Send',
  added: 'Takk. Meldingen er lagt til.',
};

export const EN: PublicTexts = {
  tipLink: 'Give an anonymous tip',
  what: 'What have you seen or heard?',
  place: 'What kind of place was it?',
  placeOption: 'Building site',
  people: 'How many people seem to be exploited?',
  peopleOption: 'Two to five',
  minor: 'Could any of them be under 18?',
  minorOption: "I don't know",
  anonymity: 'Do you want to stay anonymous?',
  anonymousOption: 'Yes, I want to stay anonymous and give no contact details',
  dangerLabel: 'Is anyone in danger right now?',
  dangerYes: 'Yes, someone is in danger now',
  submit: 'Send the tip',
  receiptHeading: 'Thank you. Your tip has been sent.',
  followUpLink: 'Go to follow-up of tips',
  code: 'Receipt code',
  open: 'Open',
  addLabel: 'Do you want to add something?',
  addSubmit: 'Send',
  added: 'Thank you. Your message has been added.',
};

export class PublicTipFlow {
  constructor(
    readonly page: Page,
    readonly texts: PublicTexts,
  ) {}

  async fillAndSend(what: string, options: { danger?: boolean } = {}) {
    const { page, texts } = this;
    await page.getByLabel(texts.what).fill(what);
    if (options.danger) await page.getByRole('group', { name: texts.dangerLabel }).getByRole('checkbox', { name: texts.dangerYes }).check();
    await page.getByRole('group', { name: texts.place }).getByRole('radio', { name: texts.placeOption }).check();
    await page.getByRole('group', { name: texts.people }).getByRole('radio', { name: texts.peopleOption }).check();
    await page.getByRole('group', { name: texts.minor }).getByRole('radio', { name: texts.minorOption }).check();
    await page.getByRole('group', { name: texts.anonymity }).getByRole('radio', { name: texts.anonymousOption }).check();
    await page.getByRole('button', { name: texts.submit }).click();
    await expect(page.getByRole('heading', { level: 1, name: texts.receiptHeading })).toBeVisible({ timeout: 30_000 });
  }

  async receipt(): Promise<string> {
    const code = (await this.page.getByTestId('receipt-code').textContent()) ?? '';
    expect(code).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    return code;
  }

  async openFollowUp(code: string) {
    await this.page.getByLabel(this.texts.code).fill(code);
    await this.page.getByRole('button', { name: this.texts.open }).click();
  }

  async add(message: string) {
    await this.page.getByLabel(this.texts.addLabel).fill(message);
    await this.page.getByRole('button', { name: this.texts.addSubmit, exact: true }).click();
    await expect(this.page.getByText(this.texts.added)).toBeVisible();
  }
}
