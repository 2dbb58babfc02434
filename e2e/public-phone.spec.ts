import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { LANGUAGE_CODES } from '../packages/shared/src/contracts/municipality';
import { expect, expectNoAxeViolations, test } from './support/fixtures';

type Texts = { site: { quickExit: string; quickExitHint: string; historyLink: string }; safety: { heading: string }; tip: { receiptHeading: string } };
const textsOf = (lang: string): Texts => JSON.parse(fs.readFileSync(fileURLToPath(new URL(`../packages/content/public/${lang}.json`, import.meta.url)), 'utf8')) as Texts;

const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

// The narrowest common phone width.
test.use({ viewport: { width: 360, height: 740 } });

for (const lang of LANGUAGE_CODES) {
  test(`${lang} at 360 px: quick exit says it does not delete the history and links to how; the history page passes axe`, async ({ page }) => {
    const texts = textsOf(lang);
    await page.goto(`/${lang}/`);
    const exit = page.getByRole('link', { name: texts.site.quickExit, exact: true });
    await expect(exit).toBeVisible();
    // The button's description is the visible text beside it, which says what it does not do.
    await expect(exit).toHaveAccessibleDescription(texts.site.quickExitHint);
    await expect(page.getByText(texts.site.quickExitHint, { exact: true })).toBeVisible();
    expect(await noSideways(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: texts.site.historyLink }).click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/safety$`));
    await expect(page.getByRole('heading', { level: 1, name: texts.safety.heading })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    expect(await noSideways(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });
}

// One tip per script and direction (Latin, Arabic right to left, Thai, Cyrillic, Vietnamese): the public tip limit is per address and hour.
for (const lang of ['nb', 'ar', 'th', 'uk', 'vi'] as const) {
  test(`${lang} at 360 px: the receipt code stays on one line inside the screen`, async ({ page }) => {
    const texts = textsOf(lang);
    await page.goto(`/${lang}/tips`);
    await page.locator('textarea[name="what"]').fill('Noen sover i en container bak verkstedet.');
    for (const [name, value] of [
      ['placeKind', 'workplace'],
      ['peopleCount', 'two_to_five'],
      ['minor', 'unknown'],
      ['anonymous', 'yes'],
    ] as const) {
      await page.locator(`input[name="${name}"][value="${value}"]`).check();
    }
    await page.locator('form button[type="submit"]').last().click();
    await expect(page.getByRole('heading', { level: 1, name: texts.tip.receiptHeading })).toBeVisible({ timeout: 30_000 });
    const code = page.getByTestId('receipt-code');
    await expect(code).toHaveText(/^\d{4} \d{4} \d{4} \d{4}$/);
    const { lines, left, right } = await code.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const box = range.getBoundingClientRect();
      return { lines: range.getClientRects().length, left: box.left, right: box.right };
    });
    expect(lines).toBe(1);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeLessThanOrEqual(360);
    expect(await noSideways(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });
}
