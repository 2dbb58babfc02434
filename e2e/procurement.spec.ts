import type { Page } from '@playwright/test';
import { E2E_BASE_URL } from './playwright.config';
import { demoEmail, expect, expectNoAxeViolations, openFromMenu, signInByApi, test } from './support/fixtures';

/** Opens a <details> by its summary text and returns it. */
async function openDetails(page: Page, summary: string | RegExp) {
  const details = page.locator('details').filter({ has: page.locator('summary', { hasText: summary }) });
  await details.locator('summary').click();
  return details;
}

test('the procurement officer registers a contract, works its checklist, and a check’s finding starts a concern', async ({ page }) => {
  test.slow();
  await signInByApi(page, demoEmail('procurement'));
  await openFromMenu(page, 'Anskaffelser');
  await expect(page.getByRole('heading', { level: 1, name: 'Anskaffelser' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Kommunens kontrakter' }).getByRole('link', { name: 'Rehabilitering av Eksempel skole' })).toBeVisible();
  await expectNoAxeViolations(page);

  const form = page.getByRole('region', { name: 'Registrer en kontrakt' });
  await form.getByRole('textbox', { name: 'Hva kontrakten gjelder' }).fill('Renhold av rådhuset (e2e)');
  await form.getByRole('textbox', { name: 'Leverandør (firma)' }).fill('Fiktivt Renhold AS');
  await form.getByRole('textbox', { name: 'Organisasjonsnummer' }).fill('999888777');
  await form.getByRole('combobox', { name: 'Bransje (ISIC)' }).selectOption('N');
  await form.getByRole('textbox', { name: 'Anslått verdi i kroner, uten mva.' }).fill('2500000');
  await form.getByLabel('Fra').fill('2026-01-01');
  await form.getByLabel('Til').fill('2025-12-31');
  await form.getByRole('textbox', { name: 'Enheten som følger opp' }).fill('Eiendom');
  await form.getByRole('button', { name: 'Registrer kontrakten' }).click();
  // An end before the start is refused on that field, in plain words, and what was typed stays.
  await expect(form.getByLabel('Til')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Sluttdatoen må være samme dag som eller etter startdatoen.')).toBeVisible();
  await expect(form.getByRole('alert')).toHaveCount(0);
  await expect(form.getByRole('textbox', { name: 'Hva kontrakten gjelder' })).toHaveValue('Renhold av rådhuset (e2e)');
  await expectNoAxeViolations(page);
  await form.getByLabel('Til').fill('2027-12-31');
  await form.getByRole('button', { name: 'Registrer kontrakten' }).focus();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Kontrakt: Renhold av rådhuset (e2e)' })).toBeVisible();
  await expect(page.getByText('Risiko nå: Høy')).toBeVisible();
  await expect(page.getByText('Bransjen er en utsatt bransje (Høy)')).toBeVisible();
  const checklist = page.getByRole('table', { name: 'Sjekkliste fra kommunens mal' });
  await expect(checklist.getByRole('rowheader', { name: 'HMS-kort for alle som arbeider på stedet' })).toBeVisible();
  await expectNoAxeViolations(page);
  await checklist.getByRole('combobox', { name: /Status for «HMS-kort/ }).selectOption('met');
  await expect(checklist.getByRole('combobox', { name: /Status for «HMS-kort/ })).toHaveValue('met');

  const plan = await openDetails(page, 'Planlegg en kontroll');
  await plan.getByRole('combobox', { name: 'Kontroll' }).selectOption('site_visit');
  await plan.getByLabel('Planlagt').fill('2026-05-01');
  await plan.getByRole('checkbox', { name: 'Arbeidstilsynet' }).check();
  await plan.getByRole('checkbox', { name: 'A-krimsenteret' }).check();
  await plan.getByRole('button', { name: 'Planlegg en kontroll' }).click();
  const checks = page.getByRole('table', { name: 'Planlagte og gjennomførte kontroller' });
  await expect(checks.getByRole('cell', { name: 'Arbeidstilsynet, A-krimsenteret' })).toBeVisible();

  const record = await openDetails(page, 'Registrer resultatet av kontrollen 2026-05-01');
  await expect(record.getByText('Skriv ikke navn, fødselsnummer eller andre opplysninger om arbeidstakere')).toBeVisible();
  await record.getByLabel('Gjennomført').fill('2026-05-02');
  await record.getByRole('combobox', { name: 'Resultat' }).selectOption('findings');
  await record.getByRole('checkbox', { name: 'HMS-kort' }).check();
  // A crew list is refused: names do not belong here.
  const crewList = 'Jan Kowalski\nPiotr Nowak\nAndrzej Wiśniewski\nTomasz Wójcik';
  await record.getByRole('textbox', { name: 'Hva ble sett' }).fill(crewList);
  await record.getByRole('button', { name: 'Lagre' }).click();
  // The reason is given next to the field, and the text stays so it can be rewritten.
  const observations = record.getByRole('textbox', { name: 'Hva ble sett' });
  await expect(observations).toHaveAttribute('aria-invalid', 'true');
  await expect(record.getByText('Teksten ble avvist fordi den ser ut til å inneholde opplysninger om arbeidstakere: en liste med navn, som en mannskapsliste. Beskriv hva som ble sett, ikke hvem.')).toBeVisible();
  await expect(observations).toHaveValue(crewList);
  await expect(record.getByLabel('Gjennomført')).toHaveValue('2026-05-02');
  await expect(record.getByRole('alert')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await record.getByRole('textbox', { name: 'Hva ble sett' }).fill('Madrasser i kjelleren, arbeidere uten HMS-kort');
  await record.getByRole('button', { name: 'Lagre' }).click();
  await expect(checks.getByRole('cell', { name: 'Madrasser i kjelleren, arbeidere uten HMS-kort' })).toBeVisible();
  await expectNoAxeViolations(page);

  const finding = await openDetails(page, 'Registrer et funn');
  // A personal number in the description is refused on the field.
  await finding.getByRole('textbox', { name: 'Beskrivelse' }).fill('Arbeider med fødselsnummer 010190 12345 manglet kontrakt');
  await finding.getByRole('button', { name: 'Registrer et funn' }).click();
  await expect(finding.getByRole('textbox', { name: 'Beskrivelse' })).toHaveAttribute('aria-invalid', 'true');
  await expect(finding.getByText(/ser ut til å inneholde opplysninger om arbeidstakere: et fødselsnummer eller D-nummer/)).toBeVisible();
  await finding.getByRole('combobox', { name: 'Alvorlighet' }).selectOption('critical');
  await finding.getByRole('combobox', { name: 'Hva gjelder det' }).selectOption('trafficking_signs');
  await finding.getByRole('textbox', { name: 'Beskrivelse' }).fill('Arbeiderne bor på arbeidsplassen og sier de skylder penger');
  await finding.getByLabel('Frist for retting').fill('2026-05-20');
  await finding.getByRole('combobox', { name: 'Sanksjon' }).selectOption('action_plan');
  await finding.getByRole('button', { name: 'Registrer et funn' }).click();
  const findings = page.getByRole('table', { name: 'Funn, frister og sanksjoner' });
  await expect(findings.getByRole('rowheader', { name: 'Tegn på menneskehandel' })).toBeVisible();

  const concern = await openDetails(page, 'Send en bekymring om menneskehandel: Tegn på menneskehandel');
  await concern.getByRole('button', { name: 'Send bekymringen' }).click();
  await expect(findings.getByRole('cell', { name: 'Sendt til koordinatoren' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the procurement officer edits the requirement template and links a plan measure to a contract, by keyboard', async ({ page }) => {
  test.slow();
  await signInByApi(page, demoEmail('procurement'));
  await page.goto('/app/procurement');
  const template = page.getByRole('region', { name: 'Kravmalen' });
  const requirements = template.getByRole('list', { name: 'Kravene i malen' });
  // Every shipped requirement names its basis and sources; HMS cards are marked as the municipality's choice.
  const hms = requirements.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'HMS-kort for alle som arbeider på stedet' }) });
  await expect(hms.getByText('Vanlig seriøsitetskrav i kommuner (kommunens valg)')).toBeVisible();
  const bank = requirements.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Lønn og annen godtgjørelse utbetales via bank' }) });
  await expect(bank.getByText(/Krevd i forskrift der det gjelder.*Krav om betaling via bank/)).toBeVisible();

  // Add a requirement by keyboard; an empty one is refused on its field.
  const add = template.locator('details').filter({ has: page.locator('summary', { hasText: 'Legg til et krav' }) }).last();
  await add.locator('summary').focus();
  await page.keyboard.press('Enter');
  const addButton = add.getByRole('button', { name: 'Legg til et krav' });
  await addButton.focus();
  await page.keyboard.press('Enter');
  const title = add.getByRole('textbox', { name: 'Kravet slik kommunen formulerer det' });
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(add.getByText('Skriv kravet, høyst 200 tegn.')).toBeVisible();
  await title.focus();
  await page.keyboard.type('Norskopplæring for arbeidstakere (e2e)');
  await add.getByRole('checkbox', { name: 'F Bygge- og anleggsvirksomhet' }).focus();
  await page.keyboard.press('Space');
  await addButton.focus();
  await page.keyboard.press('Enter');
  const own = requirements.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Norskopplæring for arbeidstakere (e2e)' }) });
  await expect(own.getByText('Kommunens eget krav')).toBeVisible();
  await expect(own.getByRole('definition').filter({ hasText: 'F Bygge- og anleggsvirksomhet' })).toBeVisible();
  await expectNoAxeViolations(page);
  // Retire it again (contracts that have it keep it).
  await own.getByRole('button', { name: 'Ta ut av malen: Norskopplæring for arbeidstakere (e2e)' }).focus();
  await page.keyboard.press('Enter');
  await expect(template.getByText('Kravet er tatt ut av malen.', { exact: false })).toBeVisible();
  await expect(own).toHaveCount(0);

  // The plan's procurement area: measures with their checks done against planned.
  const measures = page.getByRole('table', { name: 'Tiltak i område H' });
  await expect(measures.getByRole('rowheader', { name: 'Felles tiltak med næringsforeningen' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Link a measure from the contract's page; a missing choice is refused on the field.
  await page.getByRole('table', { name: 'Kommunens kontrakter' }).getByRole('link', { name: 'Rehabilitering av Eksempel skole' }).click();
  const section = page.getByRole('region', { name: 'Tiltak i handlingsplanen' });
  const link = section.getByRole('button', { name: 'Koble til tiltaket' });
  await link.focus();
  await page.keyboard.press('Enter');
  const choose = section.getByRole('combobox', { name: 'Tiltak' });
  await expect(choose).toHaveAttribute('aria-invalid', 'true');
  await expect(section.getByText('Velg et tiltak i område H.')).toBeVisible();
  await choose.selectOption({ label: 'Felles tiltak med næringsforeningen (Tiltaksplan mot menneskehandel 2026–2029 (demo))' });
  await link.focus();
  await page.keyboard.press('Enter');
  const linked = section.getByRole('table', { name: 'Koblede tiltak' });
  const row = linked.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Felles tiltak med næringsforeningen' }) });
  // The demo contract has two checks done of three planned.
  await expect(row.getByRole('cell', { name: '2/3' })).toBeVisible();
  await expect(row.getByRole('cell', { name: '67 %' })).toBeVisible();
  await expectNoAxeViolations(page);
  await row.getByRole('button', { name: 'Fjern koblingen til «Felles tiltak med næringsforeningen»' }).focus();
  await page.keyboard.press('Enter');
  await expect(section.getByText('Kontrakten er ikke koblet til noe tiltak.')).toBeVisible();
});

test('on a plan measure of area H the procurement officer links and unlinks a contract by keyboard; a viewer sees nothing of it', async ({ page }) => {
  test.slow();
  await signInByApi(page, demoEmail('procurement'));
  const measures = (await (await page.request.get('/api/v1/procurement/measures')).json()) as { items: Array<{ id: string; title: string }> };
  const measure = measures.items.find((item) => item.title === 'Felles tiltak med næringsforeningen');
  if (!measure) throw new Error('no demo measure in area H');
  await page.goto(`/app/measures/${measure.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Felles tiltak med næringsforeningen' })).toBeVisible();
  const section = page.getByRole('region', { name: 'Kontrakter som tiltaket følger' });
  await expect(section.getByText('Tiltaket er ikke koblet til noen kontrakt.')).toBeVisible();
  await expectNoAxeViolations(page);

  // No choice is refused on the field.
  const link = section.getByRole('button', { name: 'Koble til kontrakten' });
  await link.focus();
  await page.keyboard.press('Enter');
  const choose = section.getByRole('combobox', { name: 'Kontrakt' });
  await expect(choose).toHaveAttribute('aria-invalid', 'true');
  await expect(section.getByText('Velg en kontrakt.')).toBeVisible();
  await choose.selectOption({ label: 'Rehabilitering av Eksempel skole (Eksempel Bygg AS (fiktiv))' });
  await link.focus();
  await page.keyboard.press('Enter');
  const linked = section.getByRole('table', { name: 'Koblede kontrakter' });
  await expect(linked.getByRole('link', { name: 'Rehabilitering av Eksempel skole' })).toBeVisible();
  // The demo contract has two checks done of three planned.
  await expect(section.getByText('Kontroller: 2 av 3 gjennomført (67 %).')).toBeVisible();
  await expectNoAxeViolations(page);
  await linked.getByRole('button', { name: 'Fjern koblingen til «Rehabilitering av Eksempel skole»' }).focus();
  await page.keyboard.press('Enter');
  await expect(section.getByText('Tiltaket er ikke koblet til noen kontrakt.')).toBeVisible();

  // A viewer reads the plan but not procurement: the section is not there.
  await page.context().clearCookies();
  await signInByApi(page, demoEmail('viewer'));
  await page.goto(`/app/measures/${measure.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Felles tiltak med næringsforeningen' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Kontrakter som tiltaket følger' })).toHaveCount(0);
});

test('a council member finds procurement among the published statistics', async ({ page }) => {
  const closed = new Date().getFullYear() - 1;
  await signInByApi(page, demoEmail('viewer'));
  await page.goto('/app/statistics');
  await page.getByRole('combobox', { name: 'Hva som telles' }).selectOption({ label: 'Anskaffelser' });
  await expect(page.getByRole('heading', { level: 2, name: `Anskaffelser ${closed}` })).toBeVisible();
  await expectNoAxeViolations(page);
});

test.describe('the supplier’s self-declaration', () => {
  test.use({ javaScriptEnabled: false });

  test('works without JavaScript, passes axe, and attaches the answers to the contract', async ({ page, browser }) => {
    // The officer makes a link through the API (the same call the contract page makes).
    const officer = await browser.newContext({ baseURL: E2E_BASE_URL, locale: 'nb-NO', javaScriptEnabled: true });
    const officerPage = await officer.newPage();
    await signInByApi(officerPage, demoEmail('procurement'));
    const contracts = (await (await officerPage.request.get('/api/v1/procurement/contracts')).json()) as { items: Array<{ id: string; title: string }> };
    const contract = contracts.items.find((item) => item.title === 'Levering av mat til sykehjemmene');
    if (!contract) throw new Error('no demo food contract');
    const created = await officerPage.request.post(`/api/v1/procurement/contracts/${contract.id}/declarations`, { data: { validDays: 7, language: 'nb' }, headers: { origin: E2E_BASE_URL } });
    expect(created.status(), await created.text()).toBe(201);
    const { path } = (await created.json()) as { path: string };

    // axe is a script, so it runs in a context with JavaScript; the page itself loads none.
    await officerPage.goto(path);
    await expect(officerPage.getByRole('heading', { level: 1, name: 'Egenerklæring fra leverandør' })).toBeVisible();
    await expectNoAxeViolations(officerPage);

    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Egenerklæring fra leverandør' })).toBeVisible();
    expect(await page.locator('script').count()).toBe(0);
    await page.getByRole('checkbox', { name: /lønns- og arbeidsvilkår etter gjeldende allmenngjøringsforskrift/ }).check();
    await page.getByRole('checkbox', { name: 'Lønn og annen godtgjørelse utbetales via bank.' }).check();
    await page.getByRole('textbox', { name: 'Firmanavn 1' }).fill('Fiktiv Transport AS');
    await page.getByRole('textbox', { name: 'Organisasjonsnummer 1' }).fill('999123123');
    await page.getByRole('textbox', { name: 'Ledd 1' }).fill('1');
    await page.getByRole('button', { name: 'Send egenerklæringen' }).click();
    // Not every question answered: the form comes back with an error summary, values kept.
    await expect(page.getByRole('alert')).toContainText('Svar på alle spørsmålene.');
    await expect(page.getByRole('textbox', { name: 'Firmanavn 1' })).toHaveValue('Fiktiv Transport AS');
    for (const question of ['policy', 'risk_assessment', 'subcontractor_follow_up', 'grievance', 'transparency_act']) await page.locator(`#q-${question}-yes`).check();
    await page.getByRole('textbox', { name: /Hvem signerer/ }).fill('Daglig leder');
    await page.getByRole('button', { name: 'Send egenerklæringen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Takk, egenerklæringen er mottatt' })).toBeVisible();
    await officerPage.goto(path);
    await expect(officerPage.getByRole('heading', { level: 1, name: 'Lenken virker ikke' })).toBeVisible();
    await expectNoAxeViolations(officerPage);

    const detail = (await (await officerPage.request.get(`/api/v1/procurement/contracts/${contract.id}`)).json()) as { subcontractors: Array<{ name: string; fromDeclaration: boolean }> };
    expect(detail.subcontractors).toContainEqual(expect.objectContaining({ name: 'Fiktiv Transport AS', fromDeclaration: true }));
    await officer.close();
  });
});
