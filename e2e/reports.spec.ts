import { E2E_BASE_URL } from './playwright.config';
import { ReportPages } from './pages/reports';
import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';
import { docxText, inspectPdf, unzipDocx } from '../apps/api/src/platform/documents/testing';

type Block = { type: string; caption?: string; rows?: string[][]; text?: string };
const squash = (text: string) => text.replace(/\s+/g, ' ');

test('a coordinator generates the council report, writes the narrative, downloads PDF and DOCX and makes it final', async ({ page }) => {
  test.slow();
  const year = new Date().getFullYear() - 1;
  await signInByApi(page, demoEmail('coordinator'));
  const reports = new ReportPages(page);
  await reports.open();
  await expectNoAxeViolations(page);
  await reports.create(year);

  // The draft is generated from live data: the plan by the council's questions, with charts and their tables.
  await expect(page.getByRole('heading', { level: 2, name: 'Handlingsplanen' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Hvordan avdekker vi?' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Framdrift per område' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Framdrift per område' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Tallene i figuren «Framdrift per område»' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The saksframlegg: a bad case number is refused on the field, then the case is saved and heads the document.
  await reports.writeCase({ caseNumber: 'sak 12', archiveCode: 'F00 &13', committee: 'Kommunestyret', meetingDate: `${year + 1}-02-11`, caseOfficer: 'Kari Koordinator (demo)', attachments: ['Handlingsplanen', 'Situasjonskartet'] });
  const caseForm = page.getByRole('region', { name: 'Saksframlegget' });
  const caseNumber = caseForm.getByLabel('Arkivsaksnummer');
  await expect(caseNumber).toHaveAttribute('aria-invalid', 'true');
  await expect(caseNumber).toHaveAccessibleDescription(/Skriv arkivsaksnummeret som år\/nummer, for eksempel 2026\/1234\./);
  // The error summary above the form takes focus, says the same, and its link moves focus to the field.
  const summary = caseForm.locator('ds-error-summary');
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: 'Arkivsaksnummer: Skriv arkivsaksnummeret som år/nummer, for eksempel 2026/1234.' }).click();
  await expect(caseNumber).toBeFocused();
  await caseNumber.fill(`${year}/1234`);
  await caseForm.getByRole('button', { name: 'Lagre saksframlegget' }).click();
  await expect(caseForm.getByText('Saksframlegget er lagret.')).toBeVisible();
  const article = page.getByRole('article', { name: 'Rapporten' });
  await expect(article.getByRole('heading', { level: 2, name: 'Kommunedirektørens innstilling' })).toBeVisible();
  await expect(article.getByText(`Kommunestyret tar rapporten om arbeidet mot menneskehandel i ${year} til orientering.`)).toBeVisible();
  await expect(article.getByRole('table', { name: 'Saksgang' }).getByRole('cell', { name: 'Kommunestyret' })).toBeVisible();
  await expect(article.getByRole('table', { name: `Nøkkeltall for ${year}` })).toBeVisible();
  await expect(article.getByRole('table', { name: 'Nasjonale tall fra KOMs tilstandsrapporter' })).toBeVisible();

  // An answer to a council question starts from the generated text and is edited by the coordinator.
  await page.getByRole('button', { name: 'Hent generert tekst til «Hvordan går handlingsplanen, og med hvilke samarbeidspartnere?»' }).click();
  const planAnswer = page.getByLabel('Hvordan går handlingsplanen, og med hvilke samarbeidspartnere?', { exact: true });
  await expect(planAnswer).toBeFocused();
  await expect(planAnswer).toHaveValue(/Handlingsplanen gjennomføres sammen med samarbeidsgruppen\./);
  await planAnswer.fill('Planen går som ventet, med politiet og NAV som viktigste partnere.');
  await expectNoAxeViolations(page);

  await reports.writeNarrative('Et år med godt samarbeid i den fiktive kommunen.', 'Avdekkingen fungerer.', 'Mer opplæring neste år.');
  await expect(article.getByText('Planen går som ventet, med politiet og NAV som viktigste partnere.')).toBeVisible();
  await expect(page.getByRole('article', { name: 'Rapporten' }).getByText('Et år med godt samarbeid i den fiktive kommunen.')).toBeVisible();

  // A measure title from the report itself, to look for in the files.
  const reportId = /\/reports\/([0-9a-f-]{36})\//.exec(page.url())?.[1] ?? '';
  const detail = (await (await page.request.get(`/api/v1/reports/${reportId}/versions/1`)).json()) as { document: { blocks: Block[] } };
  const measureTable = detail.document.blocks.find((block) => block.type === 'table' && block.caption?.startsWith('Tiltak i område'));
  const measureTitle = measureTable?.rows?.[0]?.[0] ?? '';
  expect(measureTitle).not.toBe('');

  const pdf = await reports.download('Last ned PDF');
  expect(pdf.name).toBe(`kommunestyrerapport-${year}-v1-utkast.pdf`);
  const inspected = await inspectPdf(pdf.body);
  expect(inspected.title).toBe(`Årsrapport om arbeidet mot menneskehandel ${year}`);
  expect(inspected.lang).toBe('nb');
  expect(inspected.roles).toEqual(expect.arrayContaining(['H1', 'H2', 'Table', 'Figure']));
  expect(squash(inspected.text)).toContain(squash(measureTitle));
  expect(inspected.text).toContain('Et år med godt samarbeid i den fiktive kommunen.');
  expect(inspected.text).toContain(`${year}/1234`);
  expect(squash(inspected.text)).toContain('Kommunedirektørens innstilling');

  const docx = await reports.download('Last ned Word (DOCX)');
  expect(docx.name).toBe(`kommunestyrerapport-${year}-v1-utkast.docx`);
  const files = unzipDocx(docx.body);
  expect(Object.keys(files)).toContain('word/document.xml');
  expect(docxText(files['word/document.xml'] ?? '')).toContain(measureTitle);

  await reports.finalise();
  await expect(page.getByText('Endelig', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lagre teksten' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Lag ny versjon' })).toBeVisible();
  await expectNoAxeViolations(page);
  const final = await reports.download('Last ned PDF');
  expect(final.name).toBe(`kommunestyrerapport-${year}-v1.pdf`);

  // A new version starts as a draft with the text carried over.
  await page.getByRole('button', { name: 'Lag ny versjon' }).click();
  await expect(page.getByText('Ny versjon er laget som utkast.')).toBeVisible();
  await expect(page.getByLabel('Sammendrag', { exact: true })).toHaveValue('Et år med godt samarbeid i den fiktive kommunen.');
  await expect(page.getByRole('region', { name: 'Saksframlegget' }).getByLabel('Arkivsaksnummer')).toHaveValue(`${year}/1234`);
  await expect(page.getByRole('navigation', { name: 'Versjoner av rapporten' }).getByRole('link', { name: 'Versjon 1 (Endelig)' })).toBeVisible();
});

test('a viewer reads the demo report list but cannot write', async ({ page }) => {
  await signInByApi(page, demoEmail('viewer'));
  const reports = new ReportPages(page);
  await reports.open();
  await expect(page.getByRole('heading', { level: 2, name: 'Ny rapport' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test.describe('the public plan page', () => {
  test.use({ javaScriptEnabled: false });

  test('shows the adopted plan with progress per area without JavaScript, and no sign-in', async ({ page, context }) => {
    await page.goto('/nb/');
    await page.getByRole('link', { name: 'Handlingsplanen' }).click();
    await expect(page).toHaveURL(/\/nb\/plan$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Kommunens handlingsplan mot menneskehandel' })).toBeVisible();
    await expect(page.getByRole('img', { name: 'Framdrift per område' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Framdrift' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: /^D / })).toBeVisible();
    expect(await context.cookies()).toEqual([]);
    await page.goto('/en/plan');
    await expect(page.getByRole('heading', { level: 1, name: 'The municipality’s action plan against human trafficking' })).toBeVisible();
  });

  test('passes axe (checked in a browser with JavaScript, since axe itself is a script)', async ({ browser }) => {
    const context = await browser.newContext({ baseURL: E2E_BASE_URL, locale: 'nb-NO', javaScriptEnabled: true });
    const page = await context.newPage();
    for (const path of ['/nb/plan', '/en/plan']) {
      await page.goto(path);
      await expect(page.getByRole('img', { name: /Framdrift per område|Progress per area/ })).toBeVisible();
      await expectNoAxeViolations(page);
    }
    await context.close();
  });
});

test('the coordinator compares two plan versions and edits the milestones of a measure in a draft', async ({ page }) => {
  test.slow();
  await signInByApi(page, demoEmail('coordinator'));
  // A revision of the demo plan gives a second version to compare.
  const plans = (await (await page.request.get('/api/v1/plans')).json()) as { items: Array<{ id: string; title: string; currentVersion: number | null; draftVersion: number | null }> };
  const plan = plans.items.find((item) => item.title.includes('(demo)'));
  if (!plan) throw new Error('no demo plan');
  let draft = plan.draftVersion;
  if (draft === null) {
    const revised = await page.request.post(`/api/v1/plans/${plan.id}/revisions`, { headers: { origin: E2E_BASE_URL } });
    expect(revised.status(), await revised.text()).toBe(201);
    draft = ((await revised.json()) as { version: { number: number } }).version.number;
  }
  const version = (await (await page.request.get(`/api/v1/plans/${plan.id}/versions/${draft}`)).json()) as { measures: Array<{ id: string; title: string; parentId: string | null }> };
  const measure = version.measures.find((item) => item.parentId === null);
  if (!measure) throw new Error('no measure in the draft');

  // Milestones: add one, save, and see it on the measure.
  await page.goto(`/app/measures/${measure.id}`);
  await page.getByRole('link', { name: 'Endre milepælene' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Milepæler: ${measure.title}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Legg til milepæl' }).click();
  const rows = page.getByRole('group', { name: /^Milepæl \d+$/ });
  const last = rows.last();
  await last.getByLabel('Hva skal være nådd').fill('Rutinen er prøvd ut på legevakten');
  await last.getByLabel('Frist').fill('2027-03-01');
  await page.getByRole('button', { name: 'Lagre milepælene' }).click();
  await expect(page.getByText('Milepælene er lagret.')).toBeVisible();
  await expect(page.getByText('Rutinen er prøvd ut på legevakten (frist 01.03.2027)')).toBeVisible();

  // Compare: the draft against the adopted version shows the changed milestones.
  await page.goto(`/app/plans/${plan.id}/compare`);
  await expect(page.getByRole('heading', { level: 1, name: `Sammenlign versjoner: ${plan.title}` })).toBeVisible();
  await page.getByLabel('Eldre versjon').selectOption({ index: 0 });
  await page.getByLabel('Nyere versjon').selectOption({ value: String(draft) });
  await page.getByRole('button', { name: 'Sammenlign' }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Endringer fra versjon \\d+ til ${draft}$`) })).toBeVisible();
  const changed = page.getByRole('table', { name: new RegExp(measure.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  await expect(changed.getByRole('rowheader', { name: 'Milepæler' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a meeting's minutes download as PDF and DOCX from the meeting page", async ({ page }) => {
  await signInByApi(page, demoEmail('coordinator'));
  const meetings = (await (await page.request.get('/api/v1/cooperation/meetings')).json()) as { items: Array<{ id: string; place: string }> };
  const meeting = meetings.items[0];
  if (!meeting) throw new Error('no demo meeting');
  await page.goto(`/app/cooperation/meetings/${meeting.id}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Referatet som dokument' })).toBeVisible();
  await expectNoAxeViolations(page);
  const reports = new ReportPages(page);
  const pdf = await reports.download('Last ned referatet (PDF)');
  expect(pdf.name).toMatch(/^referat-\d{4}-\d{2}-\d{2}\.pdf$/);
  const inspected = await inspectPdf(pdf.body);
  expect(inspected.text).toContain('Referat fra møte i samarbeidsgruppen');
  if (meeting.place) expect(squash(inspected.text)).toContain(squash(meeting.place));
  const docx = await reports.download('Last ned referatet (Word)');
  expect(docxText(unzipDocx(docx.body)['word/document.xml'] ?? '')).toContain('Referat fra møte i samarbeidsgruppen');
});
