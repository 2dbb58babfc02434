import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@lykt/db';
import { NOTIFICATION_KINDS, REFERRAL_ANSWER_DAYS, type Case } from '@lykt/shared';
import { freshDatabases } from '../../../test/fresh-databases';
import { call, createHarness, signIn, type TestHarness } from '../../../test/harness';
import { startSmtpSink, type SmtpSink } from '../../../test/smtp-sink';
import { directCaseBody, openCase, PERSON, SECRET_VALUES, seedCaseTenant, seedShelter } from '../cases/case.fixtures';
import { retentionMonthsFor, runCaseRetention } from '../cases/case-protection.service';
import { addTipsterMessage, submitTip } from '../tips/tips.service';
import { runScheduledChecks } from './notification.checks';
import { KIND_TEXT, subjectFor } from './notification.email';
import { createSmtpMailer, type Mailer } from './notification.mailer';
import { baseUrlOf, processOutbox } from './notification.worker';

// runScheduledChecks, runCaseRetention and processOutbox act on every municipality in the database: on
// PostgreSQL the file gets a database of its own (dropped after the file), so they never remind, warn or
// mail for the tenants other test files are setting up, nor claim their e-mails.
const ownDatabase = freshDatabases(process.env.TEST_DATABASE_URL, 'lykt_notify_privacy');
let h: TestHarness;
let sink: SmtpSink;
let mailer: Mailer;

beforeAll(async () => {
  sink = await startSmtpSink();
  const smtp = { host: '127.0.0.1', port: sink.port, user: null, password: null, from: 'Lykt <lykt@example.invalid>', tls: 'none' as const };
  h = await createHarness({ smtp }, { ownDatabase });
  mailer = createSmtpMailer(smtp);
});
afterAll(async () => {
  mailer.close();
  await h.close();
  await sink.close();
});

const DAY = 86_400_000;
const TODAY = new Date().toISOString().slice(0, 10);
const dayAfter = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** Distinctive values written into every record; none may appear in any e-mail. */
const RECORD_VALUES = [
  ...SECRET_VALUES,
  ...PERSON.aliases,
  'Bekymring om Zyxwvut',
  'Qwertyplass 99',
  'Spørsmål om Plonkvik',
  'Tipsmelding Fjordblå',
  'Svarmelding Gnurk',
  'Nødtilgang fordi Brumlebass',
  'Trukket fordi Snadderkvist',
  'Avslått fordi Grimsmo',
  'Møtested Knerten',
  'Referat om Vimsebekk',
  'Oppgave Trillebukk',
  'Tiltak Plysjkatt',
  'Arbeidsplass Sjuskeby',
];

describe('every kind of notification e-mail', () => {
  it('is sent for each kind with its one subject, and holds none of the record’s fields', async () => {
    const tenant = await seedCaseTenant(h);
    const m = tenant.municipality.id;
    const shelter = await seedShelter(h, tenant);
    const coordinator = await signIn(h, tenant.users.coordinator);
    const caseworker = await signIn(h, tenant.users.caseworker);
    const frontline = await signIn(h, tenant.users.frontline);
    const partner = await signIn(h, shelter.user);

    // Concerns: new (coordinator), assigned (caseworker), a question to the reporter (frontline).
    const concernResponse = await call(h, frontline, 'POST', '/api/v1/concerns', {
      screeningId: null,
      context: 'health',
      suspectedForms: ['labour'],
      facts: { ageBand: '16_17', possibleMinor: true, gender: 'female', nationality: 'RO', sector: 'construction', placeKind: 'workplace', immediateDanger: false, wantsHelp: 'yes' },
      note: 'Bekymring om Zyxwvut på Arbeidsplass Sjuskeby',
      reporterContact: { phone: '+47 99 88 77 66', email: 'reporter.fiktiv@example.invalid' },
      person: { name: PERSON.name, dateOfBirth: PERSON.dateOfBirth, phone: PERSON.phone, address: 'Qwertyplass 99', other: 'Grønn jakke' },
    });
    expect(concernResponse.statusCode, concernResponse.body).toBe(201);
    const concern = concernResponse.json<{ id: string }>();
    expect((await call(h, coordinator, 'POST', `/api/v1/concerns/${concern.id}/assignment`, { caseworkerId: tenant.users.caseworker.id })).statusCode).toBe(200);
    expect((await call(h, coordinator, 'POST', `/api/v1/concerns/${concern.id}/questions`, { text: 'Spørsmål om Plonkvik' })).statusCode).toBe(200);

    // Tips: new (coordinators) and a message from the tipster.
    const receipt = await submitTip(h.deps, m, {
      language: 'nb', what: 'Tipsmelding Fjordblå', placeKind: 'construction', area: 'Sjuskeby', address: 'Qwertyplass 99', when: 'i går', peopleCount: 'two_to_five',
      minor: 'yes', immediateDanger: false, anonymous: false, contactName: PERSON.name, contactPhone: PERSON.phone, contactEmail: '', contactMayBeShared: false,
    });
    expect(await addTipsterMessage(h.deps, m, receipt, 'Svarmelding Gnurk')).toBe(true);

    // A minor's case with a reflection period ending soon, a task, a referral to the shelter.
    const theCase = await openCase(h, caseworker, directCaseBody({ facts: { ...directCaseBody().facts as object, isMinor: true, ageBand: '16_17' } }));
    expect((await call(h, caseworker, 'PATCH', `/api/v1/cases/${theCase.id}/facts`, { reflectionPeriodStart: TODAY, reflectionPeriodEnd: dayAfter(5) })).statusCode).toBe(200);
    expect((await call(h, caseworker, 'POST', `/api/v1/cases/${theCase.id}/tasks`, { title: 'Oppgave Trillebukk', ownerUserId: tenant.users.caseworker.id, dueOn: dayAfter(1) })).statusCode).toBe(200);
    const consent = await call(h, caseworker, 'POST', `/api/v1/cases/${theCase.id}/consents`, { purpose: 'share_with_organisation', recipientOrganisationId: shelter.organisation.id, dataCategories: ['first_name', 'need'], method: 'written', withInterpreter: false, givenOn: TODAY });
    const consentId = consent.json<Case>().consents.at(-1)?.id;
    const referTo = async () => {
      const response = await call(h, caseworker, 'POST', `/api/v1/cases/${theCase.id}/referrals`, { organisationId: shelter.organisation.id, needKind: 'housing', dataCategories: ['first_name', 'need'], consentId, legalBasis: null, legalBasisReason: null });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<Case>().referrals.map((referral) => referral.id);
    };
    const [first] = await referTo();
    expect((await call(h, partner, 'POST', `/api/v1/partner/referrals/${first}/response`, { decision: 'decline', reason: 'Avslått fordi Grimsmo' })).statusCode).toBe(200);
    const second = (await referTo()).find((id) => id !== first);
    expect((await call(h, caseworker, 'POST', `/api/v1/cases/${theCase.id}/referrals/${second}/revocation`, { reason: 'Trukket fordi Snadderkvist' })).statusCode).toBe(200);
    await referTo();

    // Break-glass by the coordinator (not on the team): the owner is told at once.
    expect((await call(h, coordinator, 'POST', `/api/v1/cases/${theCase.id}/break-glass`, { reason: 'Nødtilgang fordi Brumlebass' })).statusCode).toBe(200);

    // The cooperation group: the partner user is a member; a meeting, then its minutes.
    expect((await call(h, coordinator, 'POST', '/api/v1/cooperation/members', { organisationId: shelter.organisation.id, name: 'Medlem Fiktiv', groupRole: 'member', email: shelter.user.email })).statusCode).toBe(201);
    const startsAt = new Date(Date.now() + 10 * DAY).toISOString();
    const meeting = await call(h, coordinator, 'POST', '/api/v1/cooperation/meetings', { startsAt, place: 'Møtested Knerten' });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const meetingId = meeting.json<{ id: string }>().id;
    expect((await call(h, coordinator, 'PUT', `/api/v1/cooperation/meetings/${meetingId}`, { startsAt, place: 'Møtested Knerten', minutes: 'Referat om Vimsebekk' })).statusCode).toBe(200);

    // A measure due, a certificate running out (stored directly: their own modules test the forms).
    const [plan] = await h.deps.db.insert(schema.plan).values({ municipalityId: m, title: 'Plan', periodStart: '2026-01-01', periodEnd: '2029-12-31' }).returning();
    const [version] = await h.deps.db.insert(schema.planVersion).values({ municipalityId: m, planId: plan?.id ?? '', number: 1, status: 'adopted' }).returning();
    await h.deps.db.insert(schema.planMeasure).values({ municipalityId: m, planVersionId: version?.id ?? '', lineageId: crypto.randomUUID(), area: 'A', title: 'Tiltak Plysjkatt', ownerOrganisationId: shelter.organisation.id, dueDate: dayAfter(7), status: 'in_progress' });
    await h.deps.db.insert(schema.trainingCompletion).values({ municipalityId: m, userId: tenant.users.frontline.id, organisationId: tenant.organisation.id, moduleKey: 'grunnkurs', moduleVersion: 1, score: 90, validUntil: dayAfter(10) });

    // Scheduled checks now (deadlines coming, tasks, measures, training), then past the deadlines.
    const now = new Date();
    expect(await runScheduledChecks(h.deps, now)).toBeGreaterThan(0);
    // Again, as a second process or the next hour would: every reminder exists once already.
    expect(await runScheduledChecks(h.deps, now)).toBe(0);
    await runScheduledChecks(h.deps, new Date(now.getTime() + (REFERRAL_ANSWER_DAYS + 1) * DAY));
    // A closed case whose personal data will soon be erased.
    const closing = await openCase(h, caseworker);
    expect((await call(h, caseworker, 'POST', `/api/v1/cases/${closing.id}/closure`, { status: 'closed', reason: 'Avsluttet', outcome: null })).statusCode).toBe(200);
    const months = await retentionMonthsFor(h.deps, m);
    const soon = new Date(); soon.setUTCMonth(soon.getUTCMonth() + months); soon.setUTCDate(soon.getUTCDate() - 10);
    expect((await runCaseRetention(h.deps, soon)).warned).toBeGreaterThan(0);

    const before = sink.received.length;
    const outcome = await processOutbox(h.deps, mailer);
    expect(outcome.failed + outcome.retry).toBe(0);
    expect(sink.received.length - before).toBe(outcome.sent);
    // On a shared PostgreSQL the checks also remind other tests' users: read only this municipality's mail.
    const addresses = new Set([...Object.values(tenant.users).map((user) => user.email), shelter.user.email]);
    const emails = sink.received.slice(before).filter((email) => email.to.some((address) => addresses.has(address)));

    // Every kind was sent, each with its one subject.
    const subjects = new Set(emails.map((email) => email.subject));
    const kindsSent = NOTIFICATION_KINDS.filter((kind) => subjects.has(subjectFor(kind, 'nb')));
    expect(kindsSent).toEqual([...NOTIFICATION_KINDS]);
    for (const email of emails) expect(NOTIFICATION_KINDS.some((kind) => email.subject === subjectFor(kind, 'nb'))).toBe(true);

    // Nothing of any record: not a name, case number, place, nationality, indicator or user text.
    const forbidden = [...RECORD_VALUES, theCase.caseNumber, closing.caseNumber, 'Romania', 'Romania'.toLowerCase(), 'rumensk'];
    for (const email of emails) {
      const visible = `${email.subject}\n${email.text}\n${email.html}\n${email.attachments.map((attachment) => attachment.content.replace(/\r?\n[ \t]/g, '')).join('\n')}`;
      for (const value of forbidden) expect(visible, `${email.subject} holds "${value}"`).not.toContain(value);
      // Only links into Lykt, each holding at most an opaque id.
      for (const url of visible.match(/https?:\/\/[^\s"<>]+/g) ?? []) {
        expect(url.startsWith(`${baseUrlOf(h.deps)}/app/`), url).toBe(true);
        expect(url.slice(baseUrlOf(h.deps).length), url).toMatch(/^\/app\/[a-z/-]*(?:[0-9a-f-]{36}|grunnkurs)?$/);
      }
    }

    // The meeting invitation carries a calendar entry with the time and a fixed summary only.
    const invitation = emails.find((email) => email.subject === subjectFor('meeting_invitation', 'nb'));
    const ics = invitation?.attachments.find((attachment) => attachment.contentType.startsWith('text/calendar'));
    expect(ics?.content).toContain('BEGIN:VEVENT');
    expect(ics?.content).toContain(`UID:${meetingId}@lykt`);
    expect(ics?.content).not.toContain('LOCATION');

    // The referral to the shelter leads its user to the referral page.
    const toPartner = emails.filter((email) => email.to.includes(shelter.user.email) && email.subject === subjectFor('referral_sent', 'nb'));
    expect(toPartner.length).toBeGreaterThan(0);
    expect(toPartner.map((email) => email.text).join('\n')).toContain(`${baseUrlOf(h.deps)}/app/referrals/${first}`);
  });
});

describe('the texts', () => {
  it('are all in docs/NOTIFICATIONS.md, as the e-mails send them', () => {
    const doc = fs.readFileSync(new URL('../../../../../docs/NOTIFICATIONS.md', import.meta.url), 'utf8');
    for (const kind of NOTIFICATION_KINDS) {
      expect(doc).toContain(`| \`${kind}\` | ${KIND_TEXT[kind].nb} | ${KIND_TEXT[kind].en} |`);
    }
  });

  it('has a text in both languages for every kind', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const text: Record<'nb' | 'en', string> = KIND_TEXT[kind];
      expect(text.nb.length).toBeGreaterThan(5);
      expect(text.en.length).toBeGreaterThan(5);
    }
  });
});

