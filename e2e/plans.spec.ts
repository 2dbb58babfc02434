import { E2E_BASE_URL } from './playwright.config';
import { PlanPages } from './pages/plans';
import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

const OWNED = 'Indikatorliste i alle frontlinjetjenester';
const PARTICIPATING = 'Skriftlige henvisningsrutiner for voksne og for barn';
const UNRELATED = 'Årlig rapport til kommunestyret';

test('a coordinator builds a plan from the template, assigns owners and adopts it; the police partner updates its own measure only', async ({ page, browser }) => {
  test.slow();
  const title = `Tiltaksplan E2E ${Date.now()}`;
  await signInByApi(page, demoEmail('coordinator'));
  const plans = new PlanPages(page);
  await plans.createFromTemplate(title);
  await expect(page.getByRole('heading', { level: 2, name: 'D Identifisering og henvisning' })).toBeVisible();
  await expectNoAxeViolations(page);

  await plans.openMeasure(OWNED);
  await plans.assign('Eksempel politidistrikt');
  await expectNoAxeViolations(page);
  const ownedUrl = page.url();
  await plans.backToPlan();

  await plans.openMeasure(PARTICIPATING);
  await plans.assign('Barneverntjenesten i Eksempel', ['Eksempel politidistrikt']);
  const participatingUrl = page.url();
  await plans.backToPlan();

  await plans.openMeasure(UNRELATED);
  const unrelatedUrl = page.url();
  await plans.backToPlan();

  await page.getByRole('link', { name: 'Legg til tiltak' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Legg til tiltak' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Område').selectOption({ label: 'G Opplæring' });
  await page.getByLabel('Tiltak', { exact: true }).fill('Opplæring for biblioteket');
  await page.getByRole('button', { name: 'Legg til tiltak' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Opplæring for biblioteket' })).toBeVisible();
  await plans.backToPlan();

  await plans.adopt('KS-sak 12/26');
  await expect(page.getByRole('heading', { level: 2, name: 'Revider planen' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The police partner, in its own browser session.
  const partnerContext = await browser.newContext({ baseURL: E2E_BASE_URL, locale: 'nb-NO' });
  const partnerPage = await partnerContext.newPage();
  await signInByApi(partnerPage, demoEmail('partner'));
  const partner = new PlanPages(partnerPage);
  await partnerPage.goto(ownedUrl);
  await expect(partnerPage.getByRole('heading', { level: 1, name: OWNED })).toBeVisible();
  await partner.postUpdate('Indikatorlisten er delt ut til alle patruljer.', 'Pågår', '30');
  await expect(partnerPage.getByRole('region', { name: 'Tidslinje' }).getByText('Indikatorlisten er delt ut til alle patruljer.')).toBeVisible();
  await expect(partnerPage.getByText('Framdrift: 0 % → 30 %')).toBeVisible();
  await expectNoAxeViolations(partnerPage);

  // A measure the police takes part in but does not own: visible, no update form, and the API refuses.
  await partnerPage.goto(participatingUrl);
  await expect(partnerPage.getByRole('heading', { level: 1, name: PARTICIPATING })).toBeVisible();
  await expect(partnerPage.getByRole('button', { name: 'Send oppdateringen' })).toHaveCount(0);
  const measureId = participatingUrl.split('/').pop() ?? '';
  const refused = await partnerPage.request.post(`/api/v1/measures/${measureId}/updates`, { data: { text: 'Vi tar over', progress: 100 }, headers: { origin: E2E_BASE_URL } });
  expect(refused.status()).toBe(404);

  // A measure the police has nothing to do with does not exist for it.
  await partnerPage.goto(unrelatedUrl);
  await expect(partnerPage.getByText('Fant ikke det du lette etter.')).toBeVisible();
  await partnerContext.close();
});

test('the demo plan: the police partner sees its own deadlines on the home page; the viewer sees the adopted plan only', async ({ page, browser }) => {
  test.slow();
  await signInByApi(page, demoEmail('partner'));
  await page.goto('/app/');
  const deadlines = page.getByRole('region', { name: 'Frister i tiltaksplanen' });
  await expect(deadlines.getByRole('link', { name: 'Henvisningsrutine for voksne' })).toBeVisible();
  await expect(deadlines.getByRole('link', { name: 'Årlig anslag over omfang' })).toBeVisible();
  await expect(deadlines.getByRole('link', { name: 'Henvisningsrutine for barn' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  const viewerContext = await browser.newContext({ baseURL: E2E_BASE_URL, locale: 'nb-NO' });
  const viewer = await viewerContext.newPage();
  await signInByApi(viewer, demoEmail('viewer'));
  await viewer.goto('/app/plans');
  await viewer.getByRole('link', { name: 'Tiltaksplan mot menneskehandel 2026–2029 (demo)' }).click();
  await expect(viewer.getByRole('heading', { level: 1, name: 'Tiltaksplan mot menneskehandel 2026–2029 (demo), versjon 1' })).toBeVisible();
  await expect(viewer.getByText('Vedtatt i KS-sak 14/26 (demo)')).toBeVisible();
  await expect(viewer.getByRole('heading', { level: 2, name: 'Vedta planen' })).toHaveCount(0);
  await expectNoAxeViolations(viewer);
  await viewerContext.close();
});
