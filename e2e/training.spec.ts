import { KnowledgePages } from './pages/knowledge';
import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

const TEACHER = 'teacher@eksempel.kommune.no';

test('a teacher reads a lesson, passes the quiz and gets a certificate; the coordinator sees coverage move', async ({ page, browser, baseURL }) => {
  test.slow();
  // The coordinator's view before.
  const coordinatorContext = await browser.newContext({ baseURL, locale: 'nb-NO' });
  const coordinatorPage = await coordinatorContext.newPage();
  await signInByApi(coordinatorPage, demoEmail('coordinator'));
  const coordinator = new KnowledgePages(coordinatorPage);
  await coordinatorPage.goto('/app/training/coverage?module=basics');
  await expect(coordinatorPage.getByRole('heading', { level: 1, name: 'Dekning av opplæring' })).toBeVisible();
  const before = await coordinator.trainedCount();
  await expect(coordinatorPage.getByRole('table', { name: 'Per virksomhet' })).toBeVisible();
  await expect(coordinatorPage.getByRole('table', { name: 'Tiltak knyttet til opplæringsmål' })).toBeVisible();
  await expectNoAxeViolations(coordinatorPage);

  await signInByApi(page, TEACHER);
  const kb = new KnowledgePages(page);
  await kb.openTraining();
  await expect(page.getByRole('heading', { level: 2, name: 'Anbefalt for deg' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Grunnkurs: menneskehandel i kommunen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Grunnkurs: menneskehandel i kommunen' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A lesson opens in the knowledge base.
  await page.getByRole('link', { name: 'Hva er menneskehandel?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hva er menneskehandel?' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Grunnkurs: menneskehandel i kommunen' })).toBeVisible();

  // A first attempt with wrong answers fails, with the explanations.
  await page.getByRole('button', { name: /Start quizen|Ta quizen på nytt/ }).click();
  await expect(page.getByRole('group')).toHaveCount(5);
  await expectNoAxeViolations(page);
  await kb.answerQuiz('basics', false);
  await expect(page.getByText(/Du fikk 0 % riktige svar/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Last ned kursbevis (PDF)' })).toHaveCount(0);

  // The second attempt draws again; right answers pass.
  await page.getByRole('button', { name: 'Ta quizen på nytt' }).click();
  await kb.answerQuiz('basics', true);
  await expect(page.getByText('Du bestod med 100 % riktige svar.')).toBeVisible();
  await expectNoAxeViolations(page);
  const certificate = page.getByRole('link', { name: 'Last ned kursbevis (PDF)' });
  const pdf = await page.request.get((await certificate.getAttribute('href')) ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');

  await kb.openTraining();
  await expect(page.getByRole('table', { name: 'Kurs du har fullført' }).getByRole('cell', { name: 'Grunnkurs: menneskehandel i kommunen', exact: true })).toBeVisible();

  // The coordinator's coverage moved by one.
  await coordinatorPage.reload();
  await expect.poll(() => coordinator.trainedCount()).toBe(before + 1);
  await coordinatorPage.getByRole('button', { name: /Oppdater fremdriften for Årlig opplæring/ }).click();
  await expect(coordinatorPage.getByText('Fremdriften i tiltaksplanen er oppdatert.')).toBeVisible();
  await coordinatorContext.close();
});
