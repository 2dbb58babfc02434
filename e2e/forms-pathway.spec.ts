import type { Page } from '@playwright/test';
import { E2E_BASE_URL } from './playwright.config';
import { animationsFinished } from './support/animations';
import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

/**
 * Moving and removing rules changes the municipality's pathway for everyone, so this spec runs in
 * its own project after the shared ones (see playwright.config.ts) and puts the rules back at the end.
 * The two rules it adds never apply (at least one indicator and at most none), so no screening is changed.
 * Run alone with `--no-deps`, or Playwright runs the whole shared project first.
 */
const headers = { origin: E2E_BASE_URL };
const NEVER = { minAny: 1, maxAny: 0 };
const RULE_A = { id: 'forms-test-concern', when: NEVER, step: { kind: 'send_concern', urgency: 'this_week', organisationId: null, organisationKind: null, phone: null } };
const RULE_B = { id: 'forms-test-health', when: NEVER, step: { kind: 'contact_health', urgency: 'this_week', organisationId: null, organisationKind: null, phone: null } };
const A_TITLE = 'Send en bekymring til koordinatoren';
const B_TITLE = 'Sørg for helsehjelp';

interface StoredPathway {
  version: number;
  rules: { id: string }[];
}

async function storedPathway(page: Page): Promise<StoredPathway> {
  const response = await page.request.get('/api/v1/pathway');
  expect(response.status()).toBe(200);
  return (await response.json()) as StoredPathway;
}

async function putRules(page: Page, rules: unknown[]) {
  const response = await page.request.put('/api/v1/pathway', { headers, data: { rules } });
  expect(response.status(), await response.text()).toBe(200);
}

test('the pathway editor moves a rule up and down, by keyboard, and removes a rule after asking; the server keeps the order', async ({ page }) => {
  await signInByApi(page, demoEmail('coordinator'));
  const original = ((await (await page.request.get('/api/v1/pathway')).json()) as { rules: unknown[] }).rules;
  await putRules(page, [...original, RULE_A, RULE_B]);
  const n = original.length;
  const a = n + 1;
  const b = n + 2;
  const ids = async () => (await storedPathway(page)).rules.slice(n).map((rule) => rule.id);

  try {
    await page.goto('/app/pathway');
    await expect(page.getByRole('heading', { level: 1, name: 'Henvisningsløype' })).toBeVisible();
    await expect(page.getByRole('article', { name: `Regel ${a}: ${A_TITLE}` })).toBeVisible();
    await expect(page.getByRole('article', { name: `Regel ${b}: ${B_TITLE}` })).toBeVisible();
    // The first rule cannot move up, the last cannot move down.
    await expect(page.getByRole('button', { name: 'Flytt regel 1 opp' })).toBeDisabled();
    await expect(page.getByRole('button', { name: `Flytt regel ${b} ned` })).toBeDisabled();

    // By keyboard: the last rule moves up; the summary follows, the order is stored, and focus stays with the moved rule.
    await page.getByRole('button', { name: `Flytt regel ${b} opp` }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Rekkefølgen er lagret.' })).toBeVisible();
    await expect(page.getByRole('article', { name: `Regel ${a}: ${B_TITLE}` })).toBeVisible();
    await expect(page.getByRole('article', { name: `Regel ${b}: ${A_TITLE}` })).toBeVisible();
    await expect(page.getByRole('button', { name: `Endre regel ${a}` })).toBeFocused();
    expect(await ids()).toEqual([RULE_B.id, RULE_A.id]);
    await expectNoAxeViolations(page);

    // And down again, from the keyboard: Tab from the edit button reaches "move up", then "move down".
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: `Flytt regel ${a} ned` })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('article', { name: `Regel ${a}: ${A_TITLE}` })).toBeVisible();
    await expect(page.getByRole('article', { name: `Regel ${b}: ${B_TITLE}` })).toBeVisible();
    await expect(page.getByRole('button', { name: `Endre regel ${b}` })).toBeFocused();
    expect(await ids()).toEqual([RULE_A.id, RULE_B.id]);

    // Removing asks first; "cancel" keeps the rule.
    await page.getByRole('button', { name: `Fjern regel ${b}` }).click();
    const dialog = page.getByRole('dialog', { name: `Fjerne regel ${b}?` });
    await expect(dialog).toBeVisible();
    await animationsFinished(dialog);
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('article')).toHaveCount(b);
    expect(await ids()).toEqual([RULE_A.id, RULE_B.id]);

    // Confirmed, the rule is gone from the summary and from the server; focus goes to "add a rule".
    await page.getByRole('button', { name: `Fjern regel ${b}` }).click();
    await dialog.getByRole('button', { name: `Fjern regel ${b}` }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Regelen er fjernet.' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Legg til en regel' })).toBeFocused();
    await expect(page.getByRole('article')).toHaveCount(a);
    await expect(page.getByRole('article', { name: new RegExp(B_TITLE) })).toHaveCount(0);
    expect(await ids()).toEqual([RULE_A.id]);
    await expectNoAxeViolations(page);
  } finally {
    await putRules(page, original);
  }
});
