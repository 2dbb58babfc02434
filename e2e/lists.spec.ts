import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

test('the case list keeps its filters in the address: set by keyboard, shared as a link, restored by back', async ({ page, browser }) => {
  await signInByApi(page, demoEmail('coordinator'));
  const first = await page.request.get('/api/v1/cases?limit=1&sort=caseNumber');
  expect(first.status()).toBe(200);
  const number = ((await first.json()) as { items: { caseNumber: string }[] }).items[0]?.caseNumber ?? '';
  expect(number).not.toBe('');

  await page.goto('/app/cases');
  await expect(page.getByRole('heading', { level: 1, name: 'Saker' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Saker' }).getByRole('listitem').first()).toBeVisible();
  await expectNoAxeViolations(page);

  // Search by keyboard: type in the search field and press Enter.
  const search = page.getByRole('searchbox', { name: 'Søk på saksnummer' });
  await search.focus();
  await page.keyboard.type(number);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(number)}`));
  const results = page.getByRole('list', { name: 'Saker' }).getByRole('listitem');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText(number);

  // Sort by keyboard: arrow to another sort in the select, then Enter on the filter button.
  await page.getByRole('searchbox', { name: 'Søk på saksnummer' }).fill('');
  await page.getByRole('combobox', { name: 'Sortering' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('button', { name: 'Filtrer', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]sort=-createdAt/);
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expectNoAxeViolations(page);

  // The address is a link a colleague can open: the same filters, shown in the fields.
  const shared = `/app/cases?status=open&sort=caseNumber&q=${encodeURIComponent(number.slice(0, 4))}`;
  const colleagueContext = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: 'nb-NO' });
  const colleague = await colleagueContext.newPage();
  await signInByApi(colleague, demoEmail('coordinator'));
  await colleague.goto(shared);
  await expect(colleague.getByRole('searchbox', { name: 'Søk på saksnummer' })).toHaveValue(number.slice(0, 4));
  await expect(colleague.getByRole('combobox', { name: 'Status' })).toHaveValue('open');
  await expect(colleague.getByRole('combobox', { name: 'Sortering' })).toHaveValue('caseNumber');
  await colleagueContext.close();

  // Back restores the earlier filters in the fields.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(number)}`));
  await expect(page.getByRole('searchbox', { name: 'Søk på saksnummer' })).toHaveValue(number);

  // A damaged cursor in a shared link is explained, not a crash.
  await page.goto('/app/cases?cursor=broken');
  await expect(page.getByText('Lenken peker på en side i listen som ikke finnes lenger', { exact: false })).toBeVisible();
});

test('the concern list opens filtered from the home page link form, and passes axe', async ({ page }) => {
  await signInByApi(page, demoEmail('coordinator'));
  await page.goto('/app/concerns?status=new&assigned=none');
  await expect(page.getByRole('heading', { level: 1, name: 'Bekymringer' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('new');
  await expect(page.getByRole('combobox', { name: 'Tildeling' })).toHaveValue('none');
  await expect(page.getByRole('search', { name: 'Filtrer bekymringer' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Nullstill' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/app\/concerns$/);
  await expect(page.getByRole('combobox', { name: 'Tildeling' })).toHaveValue('');
});

test('the tip inbox opens with only unread tips from /tips?unread=true, and passes axe', async ({ page }) => {
  await signInByApi(page, demoEmail('coordinator'));
  await page.goto('/app/tips?unread=true');
  await expect(page.getByRole('checkbox', { name: 'Bare tips med nytt fra tipsgiver' })).toBeChecked();
  await expectNoAxeViolations(page);
  const rows = page.getByRole('table').getByRole('row');
  const count = await rows.count();
  for (let index = 1; index < count; index += 1) await expect(rows.nth(index)).toContainText('Nytt fra tipsgiver');
});

test('the audit log keeps search, filters and sort in the address: set by keyboard, kept on reload, paged by cursor', async ({ page }) => {
  await signInByApi(page, demoEmail('admin'));
  await page.goto('/app/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Revisjonslogg' })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Hendelser/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // By keyboard: type a search, arrow to a sort, Enter on the filter button.
  await page.getByRole('searchbox', { name: 'Søk' }).focus();
  await page.keyboard.type('auth.login');
  await page.getByRole('combobox', { name: 'Sortering' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('button', { name: 'Filtrer', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]q=auth\.login/);
  await expect(page).toHaveURL(/[?&]sort=occurredAt/);
  const rows = page.getByRole('table', { name: /^Hendelser/ }).getByRole('row');
  await expect(rows.nth(1)).toContainText('auth.login');

  // A reload (or a shared link) shows the same filters in the fields and the same rows.
  await page.goto('/app/audit?outcome=failure&sort=-occurredAt&q=auth');
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Søk' })).toHaveValue('auth');
  await expect(page.getByRole('combobox', { name: 'Utfall' })).toHaveValue('failure');
  await expect(page.getByRole('combobox', { name: 'Sortering' })).toHaveValue('-occurredAt');
  await expectNoAxeViolations(page);

  // Paging moves by cursor in the address; "first page" goes back.
  await page.goto('/app/audit');
  const next = page.getByRole('button', { name: 'Neste side' });
  if (await next.isVisible()) {
    await next.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/[?&]cursor=/);
    await page.getByRole('button', { name: 'Første side' }).click();
    await expect(page).not.toHaveURL(/[?&]cursor=/);
  }

  // A damaged cursor in a shared link is explained, not a crash.
  await page.goto('/app/audit?cursor=broken');
  await expect(page.getByText('Lenken peker på en side i listen som ikke finnes lenger', { exact: false })).toBeVisible();
});

test('the home links for plan measures and training open lists filtered as the count', async ({ page }) => {
  await signInByApi(page, demoEmail('coordinator'));
  const queue = (await (await page.request.get('/api/v1/me/queue')).json()) as { counts: { key: string; count: number; link: { to: string; search: Record<string, string> } }[] };
  const overdue = queue.counts.find((item) => item.key === 'measures_overdue');
  expect(overdue?.link).toEqual({ to: '/plans', search: { due: 'overdue' } });
  await page.goto('/app/plans?due=overdue');
  await expect(page.getByRole('heading', { level: 2, name: 'Frister i tiltaksplanen' })).toBeVisible();
  if ((overdue?.count ?? 0) > 0) await expect(page.getByText(`Over fristen (${overdue?.count}):`)).toBeVisible();
  await expect(page.getByText(/^Frist de neste 30 dagene/)).toHaveCount(0);
  await expectNoAxeViolations(page);

  const training = queue.counts.find((item) => item.key === 'training_due');
  expect(training?.link).toEqual({ to: '/training', search: { due: 'me' } });
  await page.goto('/app/training?due=me');
  await expect(page.getByRole('status').filter({ hasText: /^Viser \d+ modul/ })).toContainText(`Viser ${training?.count ?? 0} modul`);
  await expectNoAxeViolations(page);
});

test('the users list keeps role and sort in the address across a reload, on the shared toolbar', async ({ page }) => {
  await signInByApi(page, demoEmail('admin'));
  await page.goto('/app/users');
  await expect(page.getByRole('table', { name: /^Brukere/ })).toBeVisible();
  await page.getByRole('combobox', { name: 'Rolle' }).selectOption('coordinator');
  await page.getByRole('combobox', { name: 'Sortering' }).selectOption('-name');
  await page.getByRole('button', { name: 'Filtrer', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]role=coordinator/);
  await expect(page).toHaveURL(/[?&]sort=-name/);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Rolle' })).toHaveValue('coordinator');
  await expect(page.getByRole('combobox', { name: 'Sortering' })).toHaveValue('-name');
  const rows = page.getByRole('table', { name: /^Brukere/ }).getByRole('row');
  await expect(rows.nth(1)).toContainText('Koordinator');
  await expectNoAxeViolations(page);
});

test('the partner register keeps search, kind and sort in the address across a reload', async ({ page }) => {
  await signInByApi(page, demoEmail('admin'));
  await page.goto('/app/organisations?kind=police&sort=-name');
  await expect(page.getByRole('combobox', { name: 'Type' })).toHaveValue('police');
  await page.getByRole('searchbox', { name: 'Søk på navn' }).fill('politi');
  await page.getByRole('searchbox', { name: 'Søk på navn' }).press('Enter');
  await expect(page).toHaveURL(/[?&]q=politi/);
  await expect(page).toHaveURL(/[?&]kind=police/);
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Søk på navn' })).toHaveValue('politi');
  await expect(page.getByRole('combobox', { name: 'Sortering' })).toHaveValue('-name');
  await expectNoAxeViolations(page);
});

test('the tip inbox keeps search, filters and sort in the address: set by keyboard, kept on reload, passes axe', async ({ page }) => {
  await signInByApi(page, demoEmail('coordinator'));
  await page.goto('/app/tips');
  await expect(page.getByRole('search', { name: 'Filtrer tips' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Sortering' })).toHaveValue('-lastActivityOn');
  // By keyboard: the oldest activity first, only tips with danger, then Enter on the filter button.
  await page.getByRole('combobox', { name: 'Sortering' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('checkbox', { name: 'Bare tips der noen er i akutt fare' }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Filtrer', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]sort=lastActivityOn/);
  await expect(page).toHaveURL(/[?&]danger=(true|%22true%22)/);
  await page.getByRole('searchbox', { name: 'Søk' }).fill('construction');
  await page.getByRole('searchbox', { name: 'Søk' }).press('Enter');
  await expect(page).toHaveURL(/[?&]q=construction/);
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Søk' })).toHaveValue('construction');
  await expect(page.getByRole('combobox', { name: 'Sortering' })).toHaveValue('lastActivityOn');
  await expect(page.getByRole('checkbox', { name: 'Bare tips der noen er i akutt fare' })).toBeChecked();
  await expect(page.getByRole('table')).toBeVisible();
  await expectNoAxeViolations(page);
  // A damaged cursor is explained, not a crash.
  await page.goto('/app/tips?cursor=broken');
  await expect(page.getByText('Lenken peker på en side i listen som ikke finnes lenger', { exact: false })).toBeVisible();
});

test('the partner referral list keeps state, need and sort in the address across a reload, and passes axe', async ({ page }) => {
  await signInByApi(page, demoEmail('partner'));
  await page.goto('/app/referrals?state=awaiting&needKind=housing&sort=answerDueAt');
  await expect(page.getByRole('search', { name: 'Filtrer henvisninger' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Svar' })).toHaveValue('awaiting');
  await expect(page.getByRole('combobox', { name: 'Behov' })).toHaveValue('housing');
  await expect(page.getByRole('combobox', { name: 'Sortering' })).toHaveValue('answerDueAt');
  await page.getByRole('searchbox', { name: 'Søk' }).fill('housing');
  await page.getByRole('searchbox', { name: 'Søk' }).press('Enter');
  await expect(page).toHaveURL(/[?&]q=housing/);
  await expect(page).toHaveURL(/[?&]needKind=housing/);
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Søk' })).toHaveValue('housing');
  await expect(page.getByRole('combobox', { name: 'Sortering' })).toHaveValue('answerDueAt');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Nullstill' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/app\/referrals$/);
  await expect(page.getByRole('combobox', { name: 'Behov' })).toHaveValue('');
});

test('the home link for tasks due opens the case list with the same filter, kept on reload', async ({ page }) => {
  await signInByApi(page, demoEmail('caseworker'));
  await page.goto('/app');
  const queue = page.getByRole('region', { name: 'Dette venter på deg' });
  const link = queue.getByRole('link', { name: /Oppgaver som forfaller/ });
  await expect(link).toHaveAttribute('href', '/app/cases?tasks=due');
  // The home counts tasks; the list shows the same number of tasks, per case and summed.
  const tasks = Number(await link.locator('.home-count__number').innerText());
  await link.click();
  await expect(page).toHaveURL(/\/app\/cases\?tasks=due$/);
  const filter = page.getByRole('checkbox', { name: 'Saker der jeg har en oppgave med frist innen 3 dager eller over fristen' });
  await expect(filter).toBeChecked();
  if (tasks > 0) await expect(page.getByText(`${tasks} ${tasks === 1 ? 'oppgave' : 'oppgaver'} som forfaller, i sakene på denne siden`)).toBeVisible();
  else await expect(page.getByRole('status').filter({ hasText: 'Ingen treff' })).toBeVisible();
  await page.reload();
  await expect(filter).toBeChecked();
  await expectNoAxeViolations(page);
});
