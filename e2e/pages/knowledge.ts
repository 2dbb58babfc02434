import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { openFromMenu } from '../support/fixtures';

type Localised = { nb: string; en: string };
type BankQuestion = { id: string; text: Localised; options: Array<{ id: string; correct: boolean; text: Localised }> };

/** The shipped quiz bank of a module, read from the content files (as a person who studied would know the answers). */
export function quizBank(moduleKey: string): BankQuestion[] {
  const file = fileURLToPath(new URL(`../../packages/content/knowledge/training/${moduleKey}.json`, import.meta.url));
  const module = JSON.parse(fs.readFileSync(file, 'utf8')) as { quiz: { bank: BankQuestion[] } };
  return module.quiz.bank;
}

/** The knowledge base and training pages (nb texts), by role and label. */
export class KnowledgePages {
  constructor(readonly page: Page) {}

  async openKnowledgeBase() {
    await openFromMenu(this.page, 'Kunnskapsbank');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Kunnskapsbank' })).toBeVisible();
  }

  async search(words: string) {
    await this.page.getByRole('searchbox', { name: 'Søk i artiklene' }).fill(words);
    await this.applyFilters();
  }

  /** Applies the fields of the list's filter bar together (the one button of the shared toolbar). */
  async applyFilters() {
    await this.page.getByRole('search', { name: 'Søk og filtrer artiklene' }).getByRole('button', { name: 'Filtrer', exact: true }).click();
  }

  articleLink(title: string) {
    return this.page.getByRole('list', { name: 'Artikler' }).getByRole('link', { name: title, exact: true });
  }

  async openArticle(title: string) {
    await this.articleLink(title).click();
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  async openTraining() {
    await this.page.goto('/app/training');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Opplæring' })).toBeVisible();
  }

  /** Answers every question of the quiz on the page right (or wrong) from the bank, then submits. */
  async answerQuiz(moduleKey: string, right: boolean) {
    const bank = quizBank(moduleKey);
    const groups = this.page.getByRole('group');
    await expect(groups.first()).toBeVisible();
    const count = await groups.count();
    for (let index = 0; index < count; index += 1) {
      const group = groups.nth(index);
      const legend = (await group.locator('legend').innerText()).trim();
      const question = bank.find((candidate) => legend.endsWith(candidate.text.nb));
      if (!question) throw new Error(`question not in the bank: ${legend}`);
      const option = question.options.find((candidate) => candidate.correct === right);
      if (!option) throw new Error(`no option for ${question.id}`);
      await group.getByRole('radio', { name: option.text.nb, exact: true }).check();
    }
    await this.page.getByRole('button', { name: 'Send inn svarene' }).click();
  }

  /** On the coverage page: the number trained, read from the summary sentence. */
  async trainedCount(): Promise<number> {
    const sentence = await this.page.getByText(/^Av \d+ i målgruppen har \d+ gyldig kurs/).innerText();
    const match = /har (\d+) gyldig kurs/.exec(sentence);
    return Number(match?.[1] ?? Number.NaN);
  }
}
