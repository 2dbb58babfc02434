import { KnowledgePages } from './pages/knowledge';
import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

const TEACHER = 'teacher@eksempel.kommune.no';

test('a teacher searches the knowledge base, reads an article and the generated routine, and prints the staff-room poster', async ({ page }) => {
  await signInByApi(page, TEACHER);
  const kb = new KnowledgePages(page);
  await kb.openKnowledgeBase();
  await expect(kb.articleLink('Kommunens egen rutine')).toBeVisible();
  await expectNoAxeViolations(page);

  await kb.search('refleksjonsperiode');
  await expect(page).toHaveURL(/q=refleksjonsperiode/);
  await expect(page.getByRole('list', { name: 'Artikler' }).getByRole('link').first()).toHaveText('Loven i korte trekk');
  await kb.openArticle('Loven i korte trekk');
  await expect(page.getByRole('heading', { level: 2, name: 'Refleksjonsperioden' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Kilder' })).toBeVisible();
  await expectNoAxeViolations(page);

  // An internal link leads to another article.
  await page.getByRole('link', { name: 'rettigheter og tjenester for utsatte' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rettigheter og tjenester for utsatte' })).toBeVisible();

  await page.goto('/app/knowledge/own-routine');
  await expect(page.getByRole('heading', { level: 1, name: 'Kommunens egen rutine' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Henvisningsrutinen: hva gjør jeg når?' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/app/knowledge');
  await page.getByLabel('Tjeneste').selectOption({ label: 'Bibliotek' });
  await kb.applyFilters();
  await expect(kb.articleLink('Tegn på menneskehandel – bibliotek')).toBeVisible();
  await expect(kb.articleLink('Tegn på menneskehandel – skole og SFO')).toHaveCount(0);
  const poster = page.getByRole('link', { name: 'Bibliotek (PDF)' });
  const response = await page.request.get((await poster.getAttribute('href')) ?? '');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
});

test('the coordinator makes the municipality its own version of a text; staff see it; the change can be undone', async ({ page, browser, baseURL }) => {
  await signInByApi(page, demoEmail('coordinator'));
  await page.goto('/app/knowledge/signs-library');
  await expect(page.getByRole('heading', { level: 1, name: 'Tegn på menneskehandel – bibliotek' })).toBeVisible();
  await page.getByRole('link', { name: 'Endre teksten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Endre «Tegn på menneskehandel – bibliotek»' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Tittel').fill('Tegn på menneskehandel – Eksempel folkebibliotek');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tegn på menneskehandel – Eksempel folkebibliotek' })).toBeVisible();
  await expect(page.getByText('Artikkelen er lagret.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Kommunens versjoner av teksten' })).toBeVisible();
  await expectNoAxeViolations(page);

  const staffContext = await browser.newContext({ baseURL, locale: 'nb-NO' });
  const staffPage = await staffContext.newPage();
  await signInByApi(staffPage, TEACHER);
  await staffPage.goto('/app/knowledge?service=library');
  await expect(new KnowledgePages(staffPage).articleLink('Tegn på menneskehandel – Eksempel folkebibliotek')).toBeVisible();
  await expect(staffPage.getByText('Kommunens versjon')).toBeVisible();
  await staffContext.close();

  await page.getByRole('button', { name: 'Gå tilbake til Lykts tekst' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Gå tilbake til Lykts tekst' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tegn på menneskehandel – bibliotek' })).toBeVisible();

  await page.goto('/app/knowledge/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Ny artikkel' })).toBeVisible();
  await page.getByRole('button', { name: 'Opprett artikkel' }).click();
  await expect(page.getByLabel('Tittel')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
});

test('the article list is filtered and sorted from the address: the filters survive a reload, work by keyboard and reset', async ({ page }) => {
  await signInByApi(page, TEACHER);
  const kb = new KnowledgePages(page);
  await kb.openKnowledgeBase();
  const links = page.getByRole('list', { name: 'Artikler' }).getByRole('link');

  // By keyboard only: type the search words, choose a topic and a sort, and apply with Enter.
  await page.getByRole('searchbox', { name: 'Søk i artiklene' }).focus();
  await page.keyboard.type('tegn');
  await page.getByLabel('Emne', { exact: true }).focus();
  await page.getByLabel('Emne', { exact: true }).selectOption({ label: 'Tegn' });
  await page.getByLabel('Sortering', { exact: true }).selectOption({ label: 'Tittel Å–A' });
  await page.getByRole('searchbox', { name: 'Søk i artiklene' }).press('Enter');
  await expect(page).toHaveURL(/kind=signs/);
  await expect(page).toHaveURL(/sort=-title/);
  await expect(page).toHaveURL(/q=tegn/);
  await expect(kb.articleLink('Tegn på menneskehandel – bibliotek')).toBeVisible();
  await expect(kb.articleLink('Kommunens egen rutine')).toHaveCount(0);
  const titles = await links.allInnerTexts();
  expect(titles.length).toBeGreaterThan(1);
  expect(titles).toEqual([...titles].sort((a, b) => b.localeCompare(a, 'nb')));
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Søk i artiklene' })).toHaveValue('tegn');
  await expect(page.getByLabel('Emne', { exact: true })).toHaveValue('signs');
  await expect(page.getByLabel('Sortering', { exact: true })).toHaveValue('-title');
  await expect(links).toHaveText(titles);

  await page.getByRole('button', { name: 'Nullstill' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/kind=/);
  await expect(page.getByLabel('Emne', { exact: true })).toHaveValue('');
  await expect(kb.articleLink('Kommunens egen rutine')).toBeVisible();
});
