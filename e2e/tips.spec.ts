import { EN, NB, PublicTipFlow } from './pages/tips';
import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

test.describe('the public pages without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a reader finds help, sends an anonymous tip, and follows it up with the receipt, with no cookie set', async ({ page, context }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/nb\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Menneskehandel: hva det er og hvor du får hjelp' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Rask utgang' })).toHaveAttribute('href', 'https://www.yr.no/');
    await expect(page.getByRole('link', { name: 'For ansatte' })).toHaveAttribute('href', '/app/');
    await page.getByRole('link', { name: NB.tipLink }).click();

    const flow = new PublicTipFlow(page, NB);
    // A form sent incomplete comes back with an error summary, still without JavaScript.
    await page.getByRole('button', { name: NB.submit }).click();
    await expect(page.getByRole('heading', { name: 'Noe må rettes før du kan sende' })).toBeVisible();
    await flow.fillAndSend('Fem menn bor i en brakke på byggeplassen og sier de ikke får lønn.');
    const code = await flow.receipt();

    await page.getByRole('link', { name: NB.followUpLink }).click();
    await flow.openFollowUp(code);
    await expect(page.getByText('Fem menn bor i en brakke på byggeplassen og sier de ikke får lønn.')).toBeVisible();
    await flow.add('De ble kjørt bort i en hvit varebil i dag.');
    await expect(page.getByText('De ble kjørt bort i en hvit varebil i dag.')).toBeVisible();

    await flow.page.goto('/nb/tips/follow-up');
    await flow.openFollowUp('1111 2222 3333 4444');
    await expect(page.getByText('Vi fant ikke noe tips med denne koden.')).toBeVisible();

    // The reader switches language; the page remembers nothing about them.
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/en\/tips\/follow-up$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Follow up a tip' })).toBeVisible();
    expect(await context.cookies()).toEqual([]);
  });
});

test.describe('the public pages with JavaScript', () => {
  test.use({ locale: 'en-GB' });

  test('a tip in English with proof of work, answered by the coordinator in the staff inbox, and the tipster reads the reply', async ({ page, context }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/en\/$/);
    await page.getByRole('link', { name: EN.tipLink }).click();
    const flow = new PublicTipFlow(page, EN);
    await flow.fillAndSend('A woman at the nail salon on Storgata sleeps in the back room and never leaves.', { danger: true });
    const code = await flow.receipt();
    expect(await context.cookies()).toEqual([]);

    await signInByApi(page, demoEmail('coordinator'));
    await page.goto('/app/tips');
    await expect(page.getByRole('heading', { level: 1, name: 'Tips' })).toBeVisible();
    // Whatever the list's sort, new tips saying someone is in danger now are named above it.
    await expect(page.getByText(/^\d+ tips? med nytt fra tipsgiver sier at noen er i akutt fare\./)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Vis dem' }).click();
    await expect(page).toHaveURL(/danger=/);
    await expect(page.getByRole('checkbox', { name: 'Bare tips der noen er i akutt fare' })).toBeChecked();
    await expect(page.getByText(/tips med nytt fra tipsgiver sier at noen er i akutt fare/)).toHaveCount(0);
    // Find this tip among the demo's tips through the API (each read is audited like in the app).
    const list = (await (await page.request.get('/api/v1/tips')).json()) as { items: { id: string }[] };
    let tipId = '';
    for (const item of list.items) {
      const detail = (await (await page.request.get(`/api/v1/tips/${item.id}`)).json()) as { content: { what: string } };
      if (detail.content.what.startsWith('A woman at the nail salon')) tipId = item.id;
    }
    expect(tipId).not.toBe('');
    await page.getByRole('link', { name: /^Tips sendt / }).first().waitFor();
    await page.goto(`/app/tips/${tipId}`);
    await expect(page.getByText('A woman at the nail salon on Storgata sleeps in the back room and never leaves.')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Tekst', { exact: true }).fill('Thank you. Is she there in the evenings too?');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect(page.getByText('Meldingen er lagret.')).toBeVisible();
    await page.getByLabel('Status').selectOption({ label: 'Under arbeid' });
    await page.getByRole('button', { name: 'Lagre endringer' }).click();
    await expect(page.getByText('Endringene er lagret.')).toBeVisible();

    // The coordinator turns the tip into a concern; the anonymous tipster's details stay behind.
    await expect(page.getByText('Tipsgiverens kontaktopplysninger blir ikke med', { exact: false })).toBeVisible();
    await page.getByLabel('Tjenestekontekst').selectOption('other');
    await page.getByRole('button', { name: 'Opprett bekymring' }).click();
    await expect(page.getByRole('link', { name: 'Tipset er gjort til en bekymring. Åpne bekymringen' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto('/en/tips/follow-up');
    await flow.openFollowUp(code);
    await expect(page.getByText('Thank you. Is she there in the evenings too?')).toBeVisible();
    await expect(page.getByText('Being handled')).toBeVisible();
  });

  test('quick exit leaves at once and replaces the history entry', async ({ page }) => {
    await page.goto('/nb/');
    await page.goto('/nb/tips');
    // Point the link at this host so the test stays hermetic; the script is what is tested.
    await page.getByRole('link', { name: 'Rask utgang' }).evaluate((link) => link.setAttribute('href', '/api/health'));
    await page.getByRole('link', { name: 'Rask utgang' }).click();
    await expect(page).toHaveURL(/\/api\/health$/);
    await page.goBack();
    await expect(page).toHaveURL(/\/nb\/$/);
  });

  test('the coordinator can switch the tip form off and edit the contact shown on the public pages', async ({ page }) => {
    await signInByApi(page, demoEmail('coordinator'));
    await page.goto('/app/tips/settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Offentlige sider og tips' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Åpningstider').fill('Hverdager 09–14 (e2e)');
    await page.getByRole('button', { name: 'Lagre endringer' }).click();
    await expect(page.getByText('Endringene er lagret.')).toBeVisible();
    await page.goto('/nb/');
    await expect(page.getByText('Hverdager 09–14 (e2e)')).toBeVisible();

    await page.goto('/app/tips/settings');
    await page.getByRole('checkbox', { name: 'Ta imot anonyme tips' }).uncheck();
    await page.getByRole('button', { name: 'Lagre endringer' }).click();
    await expect(page.getByText('Endringene er lagret.')).toBeVisible();
    await page.goto('/nb/tips');
    await expect(page.getByText('Kommunen tar ikke imot tips her akkurat nå.', { exact: false })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send tipset' })).toHaveCount(0);

    await page.goto('/app/tips/settings');
    await page.getByRole('checkbox', { name: 'Ta imot anonyme tips' }).check();
    await page.getByRole('button', { name: 'Lagre endringer' }).click();
    await expect(page.getByText('Endringene er lagret.')).toBeVisible();
    await page.goto('/nb/tips');
    await expect(page.getByRole('button', { name: 'Send tipset' })).toBeVisible();
  });
});

test.describe('Arabic, right to left', () => {
  test('the page is rtl and the layout follows: content starts at the right', async ({ page }) => {
    await page.goto('/ar/tips');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    const form = await page.locator('form').boundingBox();
    const button = await page.getByRole('button', { name: 'إرسال البلاغ' }).boundingBox();
    if (!form || !button) throw new Error('form or button not laid out');
    // In RTL the button sits at the start edge, which is the right.
    expect(Math.abs(form.x + form.width - (button.x + button.width))).toBeLessThan(2);
    expect(button.x).toBeGreaterThan(form.x + 10);
    const direction = await page.locator('main').evaluate((main) => getComputedStyle(main).direction);
    expect(direction).toBe('rtl');
    // The receipt code and phone numbers stay left-to-right inside the Arabic text.
    await page.goto('/ar/');
    const phone = page.locator('.pp-phone').first();
    expect(await phone.evaluate((node) => getComputedStyle(node).direction)).toBe('ltr');
  });
});

test.describe('accessibility of every public page', () => {
  for (const lang of ['nb', 'en', 'ar']) {
    test(`axe finds nothing on the public pages in ${lang}, with and without errors`, async ({ page }) => {
      for (const path of ['/', '/tips', '/tips/follow-up']) {
        await page.goto(`/${lang}${path}`);
        await expectNoAxeViolations(page);
      }
      // The form with its error summary, and the wrong-code answer.
      await page.goto(`/${lang}/tips`);
      await page.locator('form[data-pow] button[type=submit]').click();
      await expect(page.locator('.ds-error-summary')).toBeVisible();
      await expectNoAxeViolations(page);
      await page.goto(`/${lang}/tips/follow-up`);
      await page.locator('#code').fill('0000 0000 0000 0000');
      await page.locator('form button[type=submit]').click();
      await expect(page.locator('#code-error')).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  test('axe finds nothing on the receipt and the conversation pages', async ({ page }) => {
    await page.goto('/ar/tips');
    const flow = new PublicTipFlow(page, {
      ...EN,
      what: 'ماذا رأيت أو سمعت؟',
      place: 'ما نوع المكان؟',
      placeOption: 'موقع بناء',
      people: 'كم عدد الأشخاص الذين يبدو أنهم مستغَلون؟',
      peopleOption: 'شخص واحد',
      minor: 'هل يمكن أن يكون أحدهم دون 18 عامًا؟',
      minorOption: 'لا أعرف',
      anonymity: 'هل تريد أن تبقى مجهول الهوية؟',
      anonymousOption: 'نعم، أريد أن أبقى مجهول الهوية ولن أعطي أي بيانات اتصال',
      submit: 'إرسال البلاغ',
      receiptHeading: 'شكرًا لك. تم إرسال البلاغ.',
      code: 'رمز الإيصال',
      open: 'فتح',
    });
    await flow.fillAndSend('رأيت عمالًا ينامون في موقع البناء.');
    await expectNoAxeViolations(page);
    const code = await flow.receipt();
    await page.goto('/ar/tips/follow-up');
    await flow.openFollowUp(code);
    await expect(page.getByText('رأيت عمالًا ينامون في موقع البناء.')).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
