import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@lykt/db';
import type { Case, Notification, NotificationDelivery, NotificationList } from '@lykt/shared';
import { freshDatabases } from '../../../test/fresh-databases';
import { call, createHarness, errorCode, seedTenant, signIn, type Session, type TestHarness } from '../../../test/harness';
import { effectiveModules } from '../training/training.service';
import { isModuleFor } from '../training/training.logic';
import { REMINDER_DAYS, runScheduledChecks } from './notification.checks';
import { justAfterNorwegianMidnight } from '../../../test/clock';
import { startSmtpSink, type SmtpSink } from '../../../test/smtp-sink';
import { openCase, seedCaseTenant, seedShelter } from '../cases/case.fixtures';
import { subjectFor } from './notification.email';
import { createSmtpMailer, type Mailer } from './notification.mailer';
import { nextDigestAt } from './notify';
import { baseUrlOf, MAX_ATTEMPTS, processOutbox } from './notification.worker';

// runScheduledChecks and processOutbox act on every municipality in the database (reminders for all, the
// whole outbox claimed, with a dead mailer too): on PostgreSQL the file gets a database of its own
// (dropped after the file), so they never touch the tenants and e-mails of other test files.
const ownDatabase = freshDatabases(process.env.TEST_DATABASE_URL, 'lykt_notify_routes');
let h: TestHarness;
let sink: SmtpSink;
let mailer: Mailer;
const SMTP_FROM = 'Lykt <lykt@example.invalid>';

beforeAll(async () => {
  sink = await startSmtpSink();
  const smtp = { host: '127.0.0.1', port: sink.port, user: null, password: null, from: SMTP_FROM, tls: 'none' as const };
  h = await createHarness({ smtp }, { ownDatabase });
  mailer = createSmtpMailer(smtp);
});
afterAll(async () => {
  mailer.close();
  await h.close();
  await sink.close();
});

const TODAY = new Date().toISOString().slice(0, 10);

/** A case with consent to share with the shelter; `refer` sends one referral and returns its id. */
async function setup() {
  const tenant = await seedCaseTenant(h);
  const shelter = await seedShelter(h, tenant);
  const owner = await signIn(h, tenant.users.caseworker);
  const theCase = await openCase(h, owner);
  const consent = await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/consents`, { purpose: 'share_with_organisation', recipientOrganisationId: shelter.organisation.id, dataCategories: ['first_name', 'need'], method: 'written', withInterpreter: false, givenOn: TODAY });
  const consentId = consent.json<Case>().consents.at(-1)?.id;
  const refer = async () => {
    const response = await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/referrals`, { organisationId: shelter.organisation.id, needKind: 'housing', dataCategories: ['first_name'], consentId, legalBasis: null, legalBasisReason: null });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Case>().referrals[0]?.id ?? '';
  };
  return { tenant, shelter, owner, theCase, refer, partner: await signIn(h, shelter.user) };
}

const list = async (session: Session) => {
  const response = await call(h, session, 'GET', '/api/v1/notifications');
  expect(response.statusCode, response.body).toBe(200);
  return response.json<NotificationList>();
};
const emailsOf = (municipalityId: string) => h.deps.db.select().from(schema.notificationEmail).where(eq(schema.notificationEmail.municipalityId, municipalityId)).orderBy(asc(schema.notificationEmail.createdAt));
const receivedBy = (address: string) => sink.received.filter((email) => email.to.includes(address));

describe('a referral to the shelter', () => {
  it('shows in the shelter user’s list and arrives by e-mail with a link to the referral, never to the sender', async () => {
    const { tenant, shelter, owner, refer, partner } = await setup();
    const referralId = await refer();
    const mine = await list(partner);
    expect(mine.unread).toBe(1);
    expect(mine.items).toEqual([expect.objectContaining({ kind: 'referral_sent', linkPath: `/app/referrals/${referralId}`, readAt: null })]);
    expect((await list(owner)).total).toBe(0);
    // Nothing is sent during the request: the e-mail waits in the outbox for the worker.
    expect((await emailsOf(tenant.municipality.id)).map((row) => row.status)).toEqual(['pending']);

    await processOutbox(h.deps, mailer);
    const [email] = receivedBy(shelter.user.email);
    expect(email?.subject).toBe(subjectFor('referral_sent', 'nb'));
    expect(email?.text).toContain(`${baseUrlOf(h.deps)}/app/referrals/${referralId}`);
    expect(email?.html).toContain(`href="${baseUrlOf(h.deps)}/app/referrals/${referralId}"`);
    expect(email?.html).toContain('<html lang="nb">');
    expect(email?.text).toContain(`${baseUrlOf(h.deps)}/app/notifications/preferences`);
    expect(email?.raw).toContain('lykt@example.invalid');
    expect((await emailsOf(tenant.municipality.id)).map((row) => row.status)).toEqual(['sent']);

    // Read one; the unread count follows.
    const read = await call(h, partner, 'POST', `/api/v1/notifications/${mine.items[0]?.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json<Notification>().readAt).not.toBeNull();
    expect((await call(h, partner, 'GET', '/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
  });

  it('is e-mailed in English to a user who chose English', async () => {
    const { shelter, refer } = await setup();
    await h.deps.db.update(schema.appUser).set({ language: 'en' }).where(eq(schema.appUser.id, shelter.user.id));
    await refer();
    await processOutbox(h.deps, mailer);
    const [email] = receivedBy(shelter.user.email);
    expect(email?.subject).toBe('Lykt: A referral to your organisation is waiting');
    expect(email?.html).toContain('<html lang="en">');
  });
});

describe('access', () => {
  it('answers 401 without a session, and 404 for another user’s or municipality’s notification', async () => {
    const { tenant, refer, partner } = await setup();
    await refer();
    const [item] = (await list(partner)).items;
    for (const [method, url] of [['GET', '/api/v1/notifications'], ['GET', '/api/v1/notifications/unread-count'], ['POST', `/api/v1/notifications/${item?.id}/read`], ['POST', '/api/v1/notifications/read-all'], ['GET', '/api/v1/notifications/preferences'], ['GET', '/api/v1/notifications/delivery']] as const) {
      const response = await call(h, null, method, url);
      expect(response.statusCode, url).toBe(401);
    }
    expect((await call(h, null, 'PUT', '/api/v1/notifications/preferences', { emailMode: 'off' })).statusCode).toBe(401);
    const colleague = await signIn(h, tenant.users.coordinator);
    const other = await signIn(h, (await seedCaseTenant(h)).users.partner);
    for (const session of [colleague, other]) {
      const response = await call(h, session, 'POST', `/api/v1/notifications/${item?.id}/read`);
      expect(response.statusCode).toBe(404);
      expect(errorCode(response)).toBe('NOT_FOUND');
      expect((await list(session)).items.map((notification) => notification.id)).not.toContain(item?.id);
    }
    expect((await list(partner)).unread).toBe(1);
  });

  it('shows the outbox only to the administrator, without addresses', async () => {
    const { tenant, refer } = await setup();
    await refer();
    for (const role of ['coordinator', 'caseworker', 'partner', 'frontline', 'viewer'] as const) {
      const response = await call(h, await signIn(h, tenant.users[role]), 'GET', '/api/v1/notifications/delivery');
      expect(response.statusCode, role).toBe(403);
    }
    const response = await call(h, await signIn(h, tenant.users.admin), 'GET', '/api/v1/notifications/delivery');
    expect(response.statusCode).toBe(200);
    expect(response.json<NotificationDelivery>()).toMatchObject({ emailConfigured: true, counts: { pending: 1 } });
    expect(response.body).not.toContain('@');
  });

  it('refuses a wrong preference with 400 and changes nothing', async () => {
    const { tenant, partner } = await setup();
    for (const body of [{ emailMode: 'sometimes' }, {}, { emailMode: 'off', extra: true }]) {
      const response = await call(h, partner, 'PUT', '/api/v1/notifications/preferences', body);
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_ERROR');
    }
    const rows = await h.deps.db.select().from(schema.notificationPreference).where(eq(schema.notificationPreference.municipalityId, tenant.municipality.id));
    expect(rows).toEqual([]);
    expect((await call(h, partner, 'GET', '/api/v1/notifications/preferences')).json()).toEqual({ emailMode: 'immediate', emailConfigured: true });
  });
});

describe('preferences', () => {
  it('off: in the app only; digest: one e-mail a day; break-glass is e-mailed at once whatever was chosen', async () => {
    const { tenant, shelter, owner, theCase, refer, partner } = await setup();
    const set = async (session: Session, emailMode: string) => {
      const response = await call(h, session, 'PUT', '/api/v1/notifications/preferences', { emailMode });
      expect(response.statusCode, response.body).toBe(200);
    };
    await set(partner, 'off');
    await refer();
    expect((await list(partner)).unread).toBe(1);
    expect(await emailsOf(tenant.municipality.id)).toEqual([]);
    const [audit] = await h.deps.db.select().from(schema.auditEvent).where(and(eq(schema.auditEvent.municipalityId, tenant.municipality.id), eq(schema.auditEvent.action, 'notification.preferences.updated')));
    expect(audit?.details).toEqual({ from: 'immediate', to: 'off' });

    await set(partner, 'digest');
    await refer();
    await refer();
    const queued = await emailsOf(tenant.municipality.id);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ notificationId: null, status: 'pending' });
    await processOutbox(h.deps, mailer);
    expect(receivedBy(shelter.user.email)).toEqual([]);
    await processOutbox(h.deps, mailer, nextDigestAt(new Date()));
    const [digest] = receivedBy(shelter.user.email);
    expect(digest?.subject).toBe('Lykt: Dette venter på deg');
    expect(digest?.text).toContain(`2 × En henvisning til organisasjonen din venter`);
    expect(digest?.text).toContain(`${baseUrlOf(h.deps)}/app/notifications`);

    // Break-glass: the case owner chose off, and is told at once all the same, without an unsubscribe link.
    await set(owner, 'off');
    const coordinator = await signIn(h, tenant.users.coordinator);
    expect((await call(h, coordinator, 'POST', `/api/v1/cases/${theCase.id}/break-glass`, { reason: 'Akutt fare' })).statusCode).toBe(200);
    await processOutbox(h.deps, mailer);
    const [alarm] = receivedBy(tenant.users.caseworker.email);
    expect(alarm?.subject).toBe(subjectFor('break_glass', 'nb'));
    expect(alarm?.text).not.toContain('/app/notifications/preferences');
    expect(alarm?.text).toContain('sendes alltid');
  });
});

describe('the outbox', () => {
  it('retries with backoff when SMTP fails, keeps no address in the error, and gives up after the last attempt', async () => {
    const { tenant, refer } = await setup();
    await refer();
    const dead = createSmtpMailer({ host: '127.0.0.1', port: 1, user: null, password: null, from: SMTP_FROM, tls: 'none' });
    let now = new Date();
    // Counts are checked on this municipality's row: on a shared PostgreSQL other tests' rows may be due too.
    expect((await processOutbox(h.deps, dead, now)).retry).toBeGreaterThanOrEqual(1);
    let [row] = await emailsOf(tenant.municipality.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row?.lastError).toMatch(/^[A-Z_]+( SMTP \d+)?$/);
    expect(row?.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(now.getTime() + 60_000);
    // Not due yet: not claimed again.
    await processOutbox(h.deps, dead, now);
    expect((await emailsOf(tenant.municipality.id))[0]?.attempts).toBe(1);
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt += 1) {
      now = new Date((row?.nextAttemptAt.getTime() ?? 0) + 1);
      await processOutbox(h.deps, dead, now);
      [row] = await emailsOf(tenant.municipality.id);
    }
    dead.close();
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    const delivery = await call(h, await signIn(h, tenant.users.admin), 'GET', '/api/v1/notifications/delivery');
    expect(delivery.json<NotificationDelivery>().failures).toEqual([expect.objectContaining({ kind: 'referral_sent', status: 'failed', attempts: MAX_ATTEMPTS, nextAttemptAt: null })]);
  });

  it('sends each e-mail once when several workers run at the same time', async () => {
    const { tenant, shelter, refer } = await setup();
    for (let index = 0; index < 5; index += 1) await refer();
    const others = [createSmtpMailer(h.deps.config.smtp ?? { host: '', port: 0, user: null, password: null, from: '', tls: 'none' }), mailer];
    const results = await Promise.all([processOutbox(h.deps, others[0] ?? mailer), processOutbox(h.deps, others[1] ?? mailer), processOutbox(h.deps, mailer)]);
    others[0]?.close();
    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBeGreaterThanOrEqual(5);
    expect(receivedBy(shelter.user.email)).toHaveLength(5);
    expect((await emailsOf(tenant.municipality.id)).every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
  });
});


describe('training never taken', () => {
  it('reminds each user once of the modules meant for them that they never completed, after the first month, and not the viewer', async () => {
    const tenant = await seedTenant(h);
    const m = tenant.municipality.id;
    const frontline = tenant.users.frontline;
    const old = new Date(Date.now() - 40 * 86_400_000);
    await h.deps.db.update(schema.appUser).set({ createdAt: old }).where(eq(schema.appUser.municipalityId, m));
    const modules = (await effectiveModules(h.deps, m)).filter((module) => isModuleFor(module, 'frontline', tenant.organisation.kind));
    expect(modules.length).toBeGreaterThan(1);
    const [completed, ...open] = modules;
    await h.deps.db.insert(schema.trainingCompletion).values({ municipalityId: m, userId: frontline.id, organisationId: tenant.organisation.id, moduleKey: completed?.key ?? '', moduleVersion: 1, score: 90, validUntil: '2099-01-01' });

    const reminders = async (userId: string) =>
      (await h.deps.db.select().from(schema.notification).where(and(eq(schema.notification.recipientUserId, userId), eq(schema.notification.kind, 'training_due')))).map((row) => row.linkPath).sort();
    await runScheduledChecks(h.deps);
    const expected = open.map((module) => `/app/training/${module.key}`).sort();
    expect(await reminders(frontline.id)).toEqual(expected);
    // The next run (another hour, another process) adds none.
    await runScheduledChecks(h.deps);
    expect(await reminders(frontline.id)).toEqual(expected);
    // The viewer does not take training.
    expect(await reminders(tenant.users.viewer.id)).toEqual([]);

    // A colleague who joined this week is not reminded yet.
    const fresh = await seedTenant(h);
    await runScheduledChecks(h.deps);
    expect(await reminders(fresh.users.frontline.id)).toEqual([]);
  });
});

describe('the scheduled reminders count days in Norway', () => {
  it('run just after midnight there (the UTC date still yesterday), they remind of a task due on the window\'s last day, and not of one due the day after', async () => {
    const tenant = await seedCaseTenant(h);
    const caseworker = await signIn(h, tenant.users.caseworker);
    const { at, dayPlus } = justAfterNorwegianMidnight();
    const edge = await openCase(h, caseworker);
    const beyond = await openCase(h, caseworker);
    for (const [theCase, dueOn] of [[edge, dayPlus(REMINDER_DAYS.task)], [beyond, dayPlus(REMINDER_DAYS.task + 1)]] as const) {
      const task = await call(h, caseworker, 'POST', `/api/v1/cases/${theCase.id}/tasks`, { title: 'Frist', ownerUserId: tenant.users.caseworker.id, dueOn });
      expect(task.statusCode, task.body).toBe(200);
    }
    await runScheduledChecks(h.deps, at);
    const reminded = await h.deps.db
      .select()
      .from(schema.notification)
      .where(and(eq(schema.notification.recipientUserId, tenant.users.caseworker.id), eq(schema.notification.kind, 'task_due')));
    expect(reminded.map((row) => row.linkPath)).toEqual([`/app/cases/${edge.id}`]);
  });
});
