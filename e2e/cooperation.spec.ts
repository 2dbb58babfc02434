import { E2E_BASE_URL } from './playwright.config';
import { CooperationPages } from './pages/cooperation';
import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

test('the routing card is kept current by the coordinator, shown to frontline staff and prints on one page', async ({ page, browser }) => {
  test.slow();
  await signInByApi(page, demoEmail('coordinator'));
  const cooperation = new CooperationPages(page);
  await cooperation.openRoutingCard();
  await expect(cooperation.situationRow('Akutt fare')).toContainText('112');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Endre kontaktkortet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Endre kontaktkortet' })).toBeVisible();
  await expectNoAxeViolations(page);
  const group = page.getByRole('group', { name: 'Voksen som ønsker hjelp' });
  await group.getByLabel('Telefon').fill('+47 99 00 00 99');
  await page.getByRole('button', { name: 'Lagre endringer' }).click();
  await expect(page.getByText('Endringene er lagret.')).toBeVisible();
  await expect(cooperation.situationRow('Voksen som ønsker hjelp')).toContainText('+47 99 00 00 99');

  // One printed page, without the app's header and menu.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Hovedmeny' })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
  await page.emulateMedia({ media: 'screen' });

  const frontlineContext = await browser.newContext({ baseURL: E2E_BASE_URL, locale: 'nb-NO' });
  const frontline = await frontlineContext.newPage();
  await signInByApi(frontline, demoEmail('frontline'));
  const frontlineCard = new CooperationPages(frontline);
  await frontlineCard.openRoutingCard();
  await expect(frontlineCard.situationRow('Voksen som ønsker hjelp')).toContainText('+47 99 00 00 99');
  await expect(frontline.getByRole('link', { name: 'Endre kontaktkortet' })).toHaveCount(0);
  await expect(frontline.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Samarbeidsgruppe' })).toHaveCount(0);
  await frontlineContext.close();
});

test('a meeting is recorded with an action item on a measure; completing it shows on the measure timeline; the police member sees it', async ({ page, browser }) => {
  test.slow();
  await signInByApi(page, demoEmail('coordinator'));
  await page.goto('/app/cooperation');
  await expect(page.getByRole('heading', { level: 1, name: 'Samarbeidsgruppe' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Per Politikontakt (demo) (Politikontakt)' })).toBeVisible();
  await expectNoAxeViolations(page);

  const cooperation = new CooperationPages(page);
  await cooperation.recordMeeting({
    startsAt: '2026-11-20T09:00',
    place: 'Rådhuset, møterom E2E',
    attendee: 'Per Politikontakt (demo), Eksempel politidistrikt',
    item: 'Opplæringsplan for neste år',
    decision: 'Planen sendes til enhetene.',
    action: 'Sende opplæringsplanen til bibliotekene',
    measure: 'G – Årlig opplæring for frontlinjetjenestene',
  });
  await expect(page.getByText('Vedtak: Planen sendes til enhetene.')).toBeVisible();
  await expectNoAxeViolations(page);
  const meetingUrl = page.url();

  await page.getByRole('button', { name: 'Merk «Sende opplæringsplanen til bibliotekene» som utført' }).click();
  await expect(page.getByRole('button', { name: /Sende opplæringsplanen/ })).toHaveCount(0);
  await page.getByRole('link', { name: 'Årlig opplæring for frontlinjetjenestene' }).click();
  const timeline = page.getByRole('region', { name: 'Tidslinje' });
  await expect(timeline.getByText('Sende opplæringsplanen til bibliotekene')).toBeVisible();
  await expect(timeline.getByText(/oppgave fra møte i samarbeidsgruppen/).first()).toBeVisible();

  const partnerContext = await browser.newContext({ baseURL: E2E_BASE_URL, locale: 'nb-NO' });
  const partner = await partnerContext.newPage();
  await signInByApi(partner, demoEmail('partner'));
  await partner.goto(meetingUrl);
  await expect(partner.getByText('Vedtak: Planen sendes til enhetene.')).toBeVisible();
  await expect(partner.getByRole('button', { name: /Merk/ })).toHaveCount(0);
  await expectNoAxeViolations(partner);
  await partnerContext.close();
});
