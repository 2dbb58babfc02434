import { startSmtpSink, type SmtpSink } from '../apps/api/test/smtp-sink';
import { E2E_BASE_URL, E2E_SMTP_PORT } from './playwright.config';
import { CasePage, PartnerReferralPage } from './pages/cases';
import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

const SHELTER = 'Krisesenteret i Eksempel-regionen';
const SHELTER_PARTNER = 'partner-shelter@eksempel.kommune.no';
const PERSON_NAME = 'Ilona Fiktiv Varslesen';
const SUBJECT = 'Lykt: En henvisning til organisasjonen din venter';

// A real SMTP server in this test process, on the port the app's webServer e-mails to.
let sink: SmtpSink;
test.beforeAll(async () => {
  sink = await startSmtpSink(E2E_SMTP_PORT);
});
test.afterAll(async () => {
  await sink.close();
});

test('a referral to the shelter: the shelter user’s e-mail says only that something awaits, and its link leads to the referral', async ({ page, browser }) => {
  await signInByApi(page, demoEmail('coordinator'));
  const created = await page.request.post('/api/v1/cases', {
    headers: { origin: E2E_BASE_URL },
    data: {
      source: { kind: 'direct', id: null },
      facts: { gender: 'female', ageBand: '25_39', isMinor: false, nationality: 'HU', exploitationForms: ['labour'], sectors: ['cleaning'], identifyingService: 'health', residenceStatus: 'eea_citizen' },
      person: { name: PERSON_NAME, aliases: [], dateOfBirth: null, phone: null, email: null, address: null, languages: ['ungarsk'], interpreterNeeded: true, notes: null },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const caseId = ((await created.json()) as { id: string; caseNumber: string }).id;

  // The coordinator refers the person to the shelter in the browser.
  await page.goto(`/app/cases/${caseId}`);
  const casePage = new CasePage(page);
  await casePage.expectOpened();
  await casePage.openSection('Samtykke og henvisninger');
  await casePage.recordSharingConsent(SHELTER, ['Fornavn', 'Behovet det henvises for']);
  await casePage.refer(SHELTER, 'Bolig', ['Fornavn', 'Behovet det henvises for']);

  // The e-mail arrives at the SMTP server: the kind, the municipality and a link, nothing more.
  await expect.poll(() => sink.received.filter((email) => email.to.includes(SHELTER_PARTNER) && email.subject === SUBJECT).length, { timeout: 30_000 }).toBeGreaterThan(0);
  const email = sink.received.find((candidate) => candidate.to.includes(SHELTER_PARTNER) && candidate.subject === SUBJECT);
  const body = `${email?.subject}\n${email?.text}\n${email?.html}`;
  for (const value of [PERSON_NAME, 'Ilona', 'ungarsk', 'Ungarn', 'Bolig']) expect(body).not.toContain(value);
  expect(email?.text).toContain('Eksempel kommune');
  const link = email?.text.match(/https?:\/\/\S+\/app\/referrals\/[0-9a-f-]{36}/)?.[0] ?? '';
  expect(link.startsWith(`${E2E_BASE_URL}/app/referrals/`), link).toBe(true);

  // The shelter user follows the link and sees the referral, with the shared fields only.
  const shelterContext = await browser.newContext({ baseURL: E2E_BASE_URL, locale: 'nb-NO' });
  const shelter = await shelterContext.newPage();
  await signInByApi(shelter, SHELTER_PARTNER);
  await shelter.goto(link);
  const referral = new PartnerReferralPage(shelter);
  await expect(referral.value('Fornavn')).toHaveText('Ilona');

  // The notification list: unread in the header and in the list; axe on the list.
  await shelter.goto('/app/notifications');
  await expect(shelter.getByRole('heading', { level: 1, name: 'Varsler' })).toBeVisible();
  const list = shelter.getByRole('list', { name: 'Varsler' });
  await expect(list.getByRole('link', { name: 'En henvisning til organisasjonen din venter' }).first()).toBeVisible();
  await expectNoAxeViolations(shelter);
  await expect(shelter.getByRole('link', { name: /^Varsler, \d+ ulest/ })).toBeVisible();
  await shelter.getByRole('button', { name: 'Merk alle som lest' }).click();
  await expect(shelter.getByText('0 uleste varsler')).toBeVisible();
  await expect(shelter.getByRole('banner').getByRole('link', { name: 'Varsler', exact: true })).toBeVisible();

  // The preferences page (where the e-mail's unsubscribe link leads), by keyboard; axe.
  await shelter.goto('/app/notifications/preferences');
  await expect(shelter.getByRole('heading', { level: 1, name: 'Varsler på e-post' })).toBeVisible();
  await expectNoAxeViolations(shelter);
  const digest = shelter.getByRole('radio', { name: 'Én samlet e-post om dagen' });
  await digest.focus();
  await shelter.keyboard.press('Space');
  await expect(digest).toBeChecked();
  await shelter.getByRole('button', { name: 'Lagre' }).press('Enter');
  await expect(shelter.getByText('Valget ditt er lagret.')).toBeVisible();
  await expectNoAxeViolations(shelter);
  await shelterContext.close();

  // The coordinator's home page carries the unread-notifications card.
  await page.goto('/app/');
  await expect(page.getByRole('heading', { level: 2, name: 'Uleste varsler' })).toBeVisible();
  await expectNoAxeViolations(page);
});
