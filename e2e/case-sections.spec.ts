import type { Page } from '@playwright/test';
import { CasePage } from './pages/cases';
import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

/** The parts of the case page: address, link text and a heading each one shows to the coordinator. */
const SECTIONS = [
  { slug: 'overview', name: 'Oversikt', region: 'Kodede opplysninger' },
  { slug: 'people', name: 'Personer og team', region: 'Saksteamet' },
  { slug: 'needs', name: 'Behov og sikkerhetsplan', region: 'Behovsvurdering' },
  { slug: 'journal', name: 'Journal og oppgaver', region: null },
  { slug: 'consent', name: 'Samtykke og henvisninger', region: 'Samtykker' },
  { slug: 'access', name: 'Tilgang og vern', region: 'Tilgang og personvern' },
] as const;

interface Reminder {
  kind: string;
  caseId: string;
  caseNumber: string;
}

/** A demo case whose reflection period ends soon (the home page's reminders name it). */
async function caseWithReflectionDeadline(page: Page): Promise<Reminder> {
  const response = await page.request.get('/api/v1/cases/reminders');
  expect(response.status()).toBe(200);
  const reminder = ((await response.json()) as { items: Reminder[] }).items.find((item) => item.kind === 'reflection_period_ending');
  expect(reminder, 'a demo case with a reflection period ending').toBeTruthy();
  return reminder as Reminder;
}

/** How many times the case has been read (case.viewed), from the coordinator's read log. */
async function caseReads(page: Page, caseId: string): Promise<number> {
  const response = await page.request.get(`/api/v1/cases/${caseId}/reads`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: { action: string }[] }).items.filter((item) => item.action === 'case.viewed').length;
}

test('each part of the case has its own address, is reached by keyboard, passes axe, and the case is read once per opening', async ({ page }) => {
  await signInByApi(page, demoEmail('coordinator'));
  const reminder = await caseWithReflectionDeadline(page);
  const casePage = new CasePage(page);
  const before = await caseReads(page, reminder.caseId);

  // The bare address opens the overview.
  await page.goto(`/app/cases/${reminder.caseId}`);
  await expect(page).toHaveURL(new RegExp(`/app/cases/${reminder.caseId}/overview$`));
  await casePage.expectOpened();
  await expect(page).toHaveTitle(`Oversikt – Sak ${reminder.caseNumber} – Lykt`);

  // The summary header: status, deadlines and who can see the case.
  const summary = casePage.summary;
  await expect(summary.getByText('Status', { exact: true })).toBeVisible();
  const status = ((await (await page.request.get(`/api/v1/cases/${reminder.caseId}`)).json()) as { status: string }).status;
  await expect(summary.getByText(({ open: 'Åpen', follow_up: 'Oppfølging' } as Record<string, string>)[status] ?? status, { exact: true })).toBeVisible();
  await expect(summary.getByText('Frister', { exact: true })).toBeVisible();
  await expect(summary.getByText(/^Refleksjonsperioden slutter \d{2}\.\d{2}\.\d{4}$/)).toBeVisible();
  await expect(summary.getByText('Hvem kan se saken', { exact: true })).toBeVisible();
  await expect(summary.getByText(/^Saksteamet \(\d+ personer?\): /)).toBeVisible();
  await expect(summary.getByText('Koordinatoren ser de kodede opplysningene.')).toBeVisible();

  const nav = casePage.sectionNav;
  await expect(nav.getByRole('link')).toHaveText(SECTIONS.map((section) => section.name));
  await expect(nav.getByRole('link', { name: 'Oversikt' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
  await expectNoAxeViolations(page);

  // By keyboard: after each move focus is on the case's heading; Tab reaches the section links
  // (nothing focusable lies between), Enter opens the part.
  const heading = page.getByRole('heading', { level: 1 });
  for (const [index, section] of SECTIONS.entries()) {
    if (index === 0) continue;
    await heading.focus();
    for (let step = 0; step <= index; step += 1) await page.keyboard.press('Tab');
    await expect(nav.getByRole('link', { name: section.name, exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/app/cases/${reminder.caseId}/${section.slug}$`));
    await expect(nav.getByRole('link', { name: section.name, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
    await expect(heading).toBeFocused();
    if (section.region) await expect(casePage.section(section.region)).toBeVisible();
    // The header stays on every part.
    await expect(summary.getByText(/^Refleksjonsperioden slutter/)).toBeVisible();
  }
  // Moving between the parts read the case once, when it was opened (plus the test's own API read of its status).
  expect(await caseReads(page, reminder.caseId)).toBe(before + 2);

  // Each part by its own address: one read per opening, axe on each.
  for (const section of SECTIONS) {
    await page.goto(`/app/cases/${reminder.caseId}/${section.slug}`);
    await casePage.expectOpened();
    await expect(nav.getByRole('link', { name: section.name, exact: true })).toHaveAttribute('aria-current', 'page');
    if (section.region) await expect(casePage.section(section.region)).toBeVisible();
    else await expect(page.getByRole('main').getByText('Journal og oppgaver er personopplysninger.', { exact: false }).or(casePage.section('Journal'))).toBeVisible();
    await expectNoAxeViolations(page);
  }
  expect(await caseReads(page, reminder.caseId)).toBe(before + 2 + SECTIONS.length);

  // An unknown part is "not found", and the case is not read for it.
  await page.goto(`/app/cases/${reminder.caseId}/secrets`);
  await expect(page.getByRole('heading', { level: 1, name: 'Fant ikke siden' })).toBeVisible();
  expect(await caseReads(page, reminder.caseId)).toBe(before + 2 + SECTIONS.length);
});

test('on a phone the case page has no sideways scroll, a back link, and its parts work', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInByApi(page, demoEmail('coordinator'));
  const reminder = await caseWithReflectionDeadline(page);
  const casePage = new CasePage(page);
  await page.goto(`/app/cases/${reminder.caseId}`);
  await casePage.expectOpened();
  await expect(casePage.summary.getByText(/^Refleksjonsperioden slutter/)).toBeVisible();
  const crumbs = page.getByRole('navigation', { name: 'Brødsmulesti' });
  await expect(crumbs.getByRole('link', { name: 'Tilbake til Saker' })).toBeVisible();
  await expect(crumbs.getByRole('link', { name: 'Hjem' })).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('case-overview-390.png'), fullPage: true });

  await casePage.openSection('Samtykke og henvisninger');
  await expect(casePage.section('Samtykker')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('case-consent-390.png'), fullPage: true });

  await crumbs.getByRole('link', { name: 'Tilbake til Saker' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Saker' })).toBeVisible();
});

test('breadcrumbs on detail pages: home, the list as it was left, the page itself; axe on each', async ({ page }, testInfo) => {
  await signInByApi(page, demoEmail('coordinator'));
  const crumbs = page.getByRole('navigation', { name: 'Brødsmulesti' });

  // From a filtered case list to a case and back: the filter is kept.
  await page.goto('/app/cases?status=open');
  await expect(page.getByRole('heading', { level: 1, name: 'Saker' })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: /^Sak \d{4}-\d{4}/ }).first().click();
  await new CasePage(page).expectOpened();
  await expect(crumbs.getByRole('link')).toHaveCount(2);
  await expect(crumbs.getByRole('link').nth(0)).toHaveAccessibleName('Hjem');
  await expect(crumbs.getByRole('link').nth(1)).toHaveAccessibleName('Saker');
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText(/^Sak \d{4}-\d{4}$/);
  await expect(crumbs.getByRole('link', { name: 'Saker' })).toHaveAttribute('href', '/app/cases?status=open');
  await page.screenshot({ path: testInfo.outputPath('case-overview-1280.png'), fullPage: true });
  await crumbs.getByRole('link', { name: 'Saker' }).click();
  await expect(page).toHaveURL(/\/app\/cases\?status=open$/);
  await expect(page.getByLabel('Status')).toHaveValue('open');

  // Without a list visited in this tab (a fresh load): the unfiltered list.
  await page.goto('/app/concerns?status=new');
  const concernHref = await firstDetailHref(page, /\/app\/concerns\/[0-9a-f-]{36}$/);
  await page.goto(concernHref);
  await expect(crumbs.getByRole('link', { name: 'Bekymringer', exact: true })).toHaveAttribute('href', '/app/concerns');

  // A sample of detail pages, each opened from its list: the coordinator's, then the administrator's.
  const samples: { role: 'coordinator' | 'admin'; list: string; pattern: RegExp; listLabel: string }[] = [
    { role: 'coordinator', list: '/app/concerns', pattern: /\/app\/concerns\/[0-9a-f-]{36}$/, listLabel: 'Bekymringer' },
    { role: 'coordinator', list: '/app/plans', pattern: /\/app\/plans\/[0-9a-f-]{36}\/versions\/\d+$/, listLabel: 'Tiltaksplan' },
    { role: 'coordinator', list: '/app/procurement', pattern: /\/app\/procurement\/contracts\/[0-9a-f-]{36}$/, listLabel: 'Anskaffelser' },
    { role: 'coordinator', list: '/app/overview', pattern: /\/app\/overview\/sites\/[0-9a-f-]{36}$/, listLabel: 'Lokal situasjon' },
    { role: 'admin', list: '/app/users', pattern: /\/app\/users\/[0-9a-f-]{36}$/, listLabel: 'Brukere' },
    { role: 'admin', list: '/app/organisations', pattern: /\/app\/organisations\/[0-9a-f-]{36}$/, listLabel: 'Organisasjoner' },
  ];
  let signedInAs = 'coordinator';
  for (const sample of samples) {
    if (sample.role !== signedInAs) {
      await page.context().clearCookies();
      await signInByApi(page, demoEmail(sample.role));
      signedInAs = sample.role;
    }
    await page.goto(sample.list);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const href = await firstDetailHref(page, sample.pattern);
    await page.goto(href);
    await expect(crumbs.getByRole('link', { name: 'Hjem' })).toBeVisible();
    await expect(crumbs.getByRole('link', { name: sample.listLabel, exact: true })).toBeVisible();
    const current = crumbs.locator('[aria-current="page"]');
    await expect(current).toHaveCount(1);
    // The current step names the page: the same text as its heading, once the page has loaded.
    await expect(page.getByRole('main').getByText('Laster …')).toHaveCount(0);
    await expect(current).toHaveText((await page.getByRole('heading', { level: 1 }).textContent()) ?? '');
    await expectNoAxeViolations(page);
    if (sample.list === '/app/plans') {
      // One step deeper: a plan measure sits under its plan version.
      const versionTitle = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
      await page.goto(await firstDetailHref(page, /\/app\/measures\/[0-9a-f-]{36}$/));
      await expect(page.getByRole('main').getByText('Laster …')).toHaveCount(0);
      await expect(crumbs.getByRole('link', { name: 'Tiltaksplan', exact: true })).toBeVisible();
      await expect(crumbs.getByRole('link', { name: versionTitle, exact: true })).toBeVisible();
      await expect(crumbs.locator('[aria-current="page"]')).toHaveText((await page.getByRole('heading', { level: 1 }).textContent()) ?? '');
      await expectNoAxeViolations(page);
    }
  }
});

/** The first link in the page's main content whose address matches. */
async function firstDetailHref(page: Page, pattern: RegExp): Promise<string> {
  const main = page.getByRole('main');
  await expect.poll(async () => (await main.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))).some((href) => pattern.test(href))).toBe(true);
  const hrefs = await main.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.find((href) => pattern.test(href)) ?? '';
}

test('the header of a closed case says when its personal data will be erased, as the reminders do', async ({ page }) => {
  await signInByApi(page, demoEmail('coordinator'));
  const response = await page.request.get('/api/v1/cases/reminders');
  const reminder = ((await response.json()) as { items: (Reminder & { dueAt: string })[] }).items.find((item) => item.kind === 'retention_erasure');
  expect(reminder, 'a demo case closed long enough to be erased soon').toBeTruthy();
  const casePage = new CasePage(page);
  await page.goto(`/app/cases/${reminder?.caseId ?? ''}`);
  await casePage.expectOpened();
  await expect(casePage.summary.getByText('Avsluttet', { exact: true })).toBeVisible();
  const date = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'short' }).format(new Date(reminder?.dueAt ?? ''));
  await expect(casePage.summary.getByText(`Personopplysningene slettes ${date}`)).toBeVisible();
  await expectNoAxeViolations(page);
});
