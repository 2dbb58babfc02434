import { NB, PublicTipFlow } from './pages/tips';
import { expect, expectNoAxeViolations, test } from './support/fixtures';

test.describe('the receipt on a phone (390x844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the receipt code stays on one line, fits the screen, and the page is noindex and passes axe', async ({ page }) => {
    await page.goto('/nb/tips');
    await new PublicTipFlow(page, NB).fillAndSend('Noen sover i en container bak verkstedet.');
    const code = page.getByTestId('receipt-code');
    await expect(code).toHaveText(/^\d{4} \d{4} \d{4} \d{4}$/);
    const { height, lineHeight, right } = await code.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(element);
      return { height: range.getClientRects().length, lineHeight: box.height, right: range.getBoundingClientRect().right };
    });
    // One line box for the text, and the text ends inside the screen.
    expect(height).toBe(1);
    expect(lineHeight).toBeGreaterThan(0);
    expect(right).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, nofollow');
    await expectNoAxeViolations(page);
  });

  test('the information page may be indexed and has a description', async ({ page }) => {
    await page.goto('/nb/');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'index, follow');
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /Eksempel kommune/);
    await expectNoAxeViolations(page);
  });
});
