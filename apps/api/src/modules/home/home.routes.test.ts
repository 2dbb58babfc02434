import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, schema } from '@lykt/db';
import type { Case, HomeCountKey, HomeQueue, TipSubmission } from '@lykt/shared';
import { call, createHarness, errorCode, signIn, type Session, type TestHarness } from '../../../test/harness';
import { seedCapabilities } from '../../platform/seed-capabilities';
import { openCase, seedCaseTenant, seedShelter, type CaseTenant } from '../cases/case.fixtures';
import { addTipsterMessage, submitTip } from '../tips/tips.service';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const TODAY = new Date().toISOString().slice(0, 10);

const concernBody = {
  screeningId: null,
  context: 'health',
  suspectedForms: ['labour'],
  facts: { ageBand: '25_39', possibleMinor: false, gender: 'male', nationality: null, sector: 'construction', placeKind: 'workplace', immediateDanger: false, wantsHelp: 'yes' },
  note: 'Bekymret for en mann med kuttskade.',
  reporterContact: { phone: null, email: null },
  person: null,
};

const tipSubmission: TipSubmission = {
  language: 'nb',
  what: 'Mange som bor på byggeplassen',
  placeKind: 'construction',
  area: 'Havna',
  address: '',
  when: 'i går',
  peopleCount: 'more_than_five',
  minor: 'unknown',
  immediateDanger: false,
  anonymous: true,
  contactName: '',
  contactPhone: '',
  contactEmail: '',
  contactMayBeShared: false,
};

async function queue(session: Session): Promise<HomeQueue> {
  const response = await call(h, session, 'GET', '/api/v1/me/queue');
  expect(response.statusCode, response.body).toBe(200);
  return response.json<HomeQueue>();
}

function countOf(home: HomeQueue, key: HomeCountKey): number | undefined {
  return home.counts.find((item) => item.key === key)?.count;
}

async function newConcern(session: Session): Promise<string> {
  const response = await call(h, session, 'POST', '/api/v1/concerns', concernBody);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

async function listTotal(session: Session, url: string): Promise<number> {
  const response = await call(h, session, 'GET', url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ total: number }>().total;
}

async function secondFrontline(tenant: CaseTenant) {
  return buildUser(h.deps.db, seedCapabilities(h.deps.keyring), { municipalityId: tenant.municipality.id, organisationId: tenant.organisation.id, role: 'frontline' });
}

async function referToShelter(owner: Session, caseId: string, organisationId: string): Promise<string> {
  const consent = await call(h, owner, 'POST', `/api/v1/cases/${caseId}/consents`, { purpose: 'share_with_organisation', recipientOrganisationId: organisationId, dataCategories: ['first_name', 'need'], method: 'written', withInterpreter: false, givenOn: TODAY });
  expect(consent.statusCode, consent.body).toBe(200);
  const consentId = consent.json<Case>().consents.at(-1)?.id;
  await call(h, owner, 'PUT', `/api/v1/cases/${caseId}/needs/housing`, { status: 'needed', note: null });
  const sent = await call(h, owner, 'POST', `/api/v1/cases/${caseId}/referrals`, { organisationId, needKind: 'housing', dataCategories: ['first_name', 'need'], consentId });
  expect(sent.statusCode, sent.body).toBe(200);
  const referralId = sent.json<Case>().referrals[0]?.id;
  if (!referralId) throw new Error('no referral');
  return referralId;
}

describe('GET /api/v1/me/queue', () => {
  it('answers 401 without a session', async () => {
    const response = await call(h, null, 'GET', '/api/v1/me/queue');
    expect(response.statusCode).toBe(401);
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
  });

  it('gives each role only the counts its work calls for, each linking to a filtered list', async () => {
    const tenant = await seedCaseTenant(h);
    const keys = async (role: keyof CaseTenant['users']) => (await queue(await signIn(h, tenant.users[role]))).counts.map((item) => item.key);
    expect(await keys('coordinator')).toEqual([
      'concerns_new',
      'concerns_awaiting_reporter',
      'tips_unread',
      'tips_new_messages',
      'referrals_overdue',
      'reflection_period_ending',
      'child_welfare_review',
      'retention_erasure',
      'tasks_due',
      'measures_overdue',
      'measures_due_soon',
      'training_due',
    ]);
    expect(await keys('caseworker')).toEqual(['concerns_awaiting_reporter', 'concerns_in_progress', 'tips_unread', 'tips_new_messages', 'referrals_overdue', 'reflection_period_ending', 'child_welfare_review', 'tasks_due', 'training_due']);
    expect(await keys('frontline')).toEqual(['concerns_question_for_you', 'concerns_open_own', 'training_due']);
    expect(await keys('partner')).toEqual(['referrals_awaiting_answer', 'referrals_overdue', 'measures_overdue', 'measures_due_soon', 'training_due']);
    expect(await keys('viewer')).toEqual([]);
    expect(await keys('admin')).toEqual(['training_due']);
    const coordinator = await queue(await signIn(h, tenant.users.coordinator));
    expect(coordinator.counts[0]).toEqual({ key: 'concerns_new', group: 'identify', urgent: true, count: 0, link: { to: '/concerns', search: { status: 'new', assigned: 'none' } } });
  });

  it('counts concerns as the concern list does: the coordinator all, a caseworker those assigned, a frontline worker only their own', async () => {
    const tenant = await seedCaseTenant(h);
    const other = await seedCaseTenant(h);
    const nurse = await signIn(h, tenant.users.frontline);
    const teacher = await signIn(h, await secondFrontline(tenant));
    const coordinator = await signIn(h, tenant.users.coordinator);
    const caseworker = await signIn(h, tenant.users.caseworker);
    await newConcern(nurse);
    await newConcern(nurse);
    const assigned = await newConcern(teacher);
    await newConcern(await signIn(h, other.users.frontline));
    expect((await call(h, coordinator, 'POST', `/api/v1/concerns/${assigned}/assignment`, { caseworkerId: tenant.users.caseworker.id })).statusCode).toBe(200);
    expect((await call(h, coordinator, 'POST', `/api/v1/concerns/${assigned}/questions`, { text: 'Hvor møtte du personen?' })).statusCode).toBe(200);

    const coordinatorHome = await queue(coordinator);
    expect(countOf(coordinatorHome, 'concerns_new')).toBe(2);
    expect(countOf(coordinatorHome, 'concerns_awaiting_reporter')).toBe(1);
    const nurseHome = await queue(nurse);
    expect(countOf(nurseHome, 'concerns_open_own')).toBe(2);
    expect(countOf(nurseHome, 'concerns_question_for_you')).toBe(0);
    const teacherHome = await queue(teacher);
    expect(countOf(teacherHome, 'concerns_open_own')).toBe(1);
    expect(countOf(teacherHome, 'concerns_question_for_you')).toBe(1);
    const caseworkerHome = await queue(caseworker);
    expect(countOf(caseworkerHome, 'concerns_awaiting_reporter')).toBe(1);
    expect(countOf(caseworkerHome, 'concerns_in_progress')).toBe(0);

    // Each count is the total of the list it stands for, for every role.
    for (const [session, home] of [[coordinator, coordinatorHome], [nurse, nurseHome], [teacher, teacherHome], [caseworker, caseworkerHome]] as const) {
      const awaiting = home.counts.find((item) => item.key === 'concerns_awaiting_reporter' || item.key === 'concerns_question_for_you');
      expect(awaiting?.count).toBe(await listTotal(session, '/api/v1/concerns?status=awaiting_reporter'));
    }
    expect(countOf(coordinatorHome, 'concerns_new')).toBe(await listTotal(coordinator, '/api/v1/concerns?status=new'));
  });

  it('counts unread tips for the coordinator and only tips assigned to a caseworker', async () => {
    const tenant = await seedCaseTenant(h);
    const other = await seedCaseTenant(h);
    const receipt = await submitTip(h.deps, tenant.municipality.id, tipSubmission);
    await submitTip(h.deps, tenant.municipality.id, tipSubmission);
    await submitTip(h.deps, other.municipality.id, tipSubmission);
    const coordinator = await signIn(h, tenant.users.coordinator);
    const caseworker = await signIn(h, tenant.users.caseworker);
    expect(countOf(await queue(coordinator), 'tips_unread')).toBe(2);
    expect(countOf(await queue(coordinator), 'tips_unread')).toBe(await listTotal(coordinator, '/api/v1/tips?status=new'));
    expect(countOf(await queue(caseworker), 'tips_unread')).toBe(0);

    const hash = await h.deps.keyring.keyedHash(h.deps.db, tenant.municipality.id, 'tip.receipt', receipt.replace(/ /g, ''));
    const [tip] = await h.deps.db.select().from(schema.tip).where(and(eq(schema.tip.municipalityId, tenant.municipality.id), eq(schema.tip.receiptHash, hash)));
    if (!tip) throw new Error('no tip');
    // The coordinator opens, assigns and starts the tip: read, so in no unread count.
    expect((await call(h, coordinator, 'PATCH', `/api/v1/tips/${tip.id}`, { assignedUserId: tenant.users.caseworker.id, status: 'in_progress' })).statusCode).toBe(200);
    expect([countOf(await queue(coordinator), 'tips_unread'), countOf(await queue(coordinator), 'tips_new_messages')]).toEqual([1, 0]);
    // The tipster writes again: a new message, for the coordinator and the assigned caseworker alone.
    expect(await addTipsterMessage(h.deps, tenant.municipality.id, receipt, 'Det bor barn der også')).toBe(true);
    expect(countOf(await queue(coordinator), 'tips_new_messages')).toBe(1);
    expect([countOf(await queue(caseworker), 'tips_unread'), countOf(await queue(caseworker), 'tips_new_messages')]).toEqual([0, 1]);
    const colleague = await buildUser(h.deps.db, seedCapabilities(h.deps.keyring), { municipalityId: tenant.municipality.id, organisationId: tenant.organisation.id, role: 'caseworker' });
    expect(countOf(await queue(await signIn(h, colleague)), 'tips_new_messages')).toBe(0);
    // Reading the tip marks it read: it leaves the count.
    expect((await call(h, caseworker, 'GET', `/api/v1/tips/${tip.id}`)).statusCode).toBe(200);
    expect(countOf(await queue(caseworker), 'tips_new_messages')).toBe(0);
  });

  it("never counts another organisation's referrals for a partner; overdue ones count as overdue for the partner and the case team", async () => {
    const tenant = await seedCaseTenant(h);
    const shelter = await seedShelter(h, tenant);
    const owner = await signIn(h, tenant.users.caseworker);
    const theCase = await openCase(h, owner);
    const referralId = await referToShelter(owner, theCase.id, shelter.organisation.id);

    const shelterPartner = await signIn(h, shelter.user);
    const otherPartner = await signIn(h, tenant.users.partner);
    expect(countOf(await queue(shelterPartner), 'referrals_awaiting_answer')).toBe(1);
    expect(countOf(await queue(shelterPartner), 'referrals_overdue')).toBe(0);
    expect(countOf(await queue(otherPartner), 'referrals_awaiting_answer')).toBe(0);
    expect(countOf(await queue(shelterPartner), 'referrals_awaiting_answer')).toBe(await listTotal(shelterPartner, '/api/v1/partner/referrals'));

    // The answer is due: move its due time into the past.
    await h.deps.db
      .update(schema.caseReferral)
      .set({ answerDueAt: new Date(Date.now() - 86_400_000) })
      .where(and(eq(schema.caseReferral.municipalityId, tenant.municipality.id), eq(schema.caseReferral.id, referralId)));
    expect(countOf(await queue(shelterPartner), 'referrals_overdue')).toBe(1);
    expect(countOf(await queue(otherPartner), 'referrals_overdue')).toBe(0);
    expect(countOf(await queue(owner), 'referrals_overdue')).toBe(1);
    expect(countOf(await queue(await signIn(h, tenant.users.coordinator)), 'referrals_overdue')).toBe(1);
    // A caseworker not on the team does not count it.
    const outsider = await buildUser(h.deps.db, seedCapabilities(h.deps.keyring), { municipalityId: tenant.municipality.id, organisationId: tenant.organisation.id, role: 'caseworker' });
    expect(countOf(await queue(await signIn(h, outsider)), 'referrals_overdue')).toBe(0);

    // Once answered, it waits no more.
    expect((await call(h, shelterPartner, 'POST', `/api/v1/partner/referrals/${referralId}/response`, { decision: 'accept', reason: null })).statusCode).toBe(200);
    const after = await queue(shelterPartner);
    expect([countOf(after, 'referrals_awaiting_answer'), countOf(after, 'referrals_overdue')]).toEqual([0, 0]);
  });

  it('counts training the user has not completed; a frontline user gets no plan or report', async () => {
    const tenant = await seedCaseTenant(h);
    const session = await signIn(h, tenant.users.frontline);
    const frontline = await queue(session);
    const modules = (await call(h, session, 'GET', '/api/v1/training/modules')).json<{ items: { isForMe: boolean; status: string }[] }>().items;
    expect(countOf(frontline, 'training_due')).toBe(modules.filter((item) => item.isForMe && item.status !== 'completed').length);
    expect(frontline.plan).toBeNull();
    expect(frontline.report).toBeNull();
  });

  it("shows a viewer the adopted plan's progress, and no draft", async () => {
    const tenant = await seedCaseTenant(h);
    const coordinator = await signIn(h, tenant.users.coordinator);
    const viewer = await signIn(h, tenant.users.viewer);
    const created = await call(h, coordinator, 'POST', '/api/v1/plans', { title: 'Tiltaksplan 2027-2030', periodStart: '2027-01-01', periodEnd: '2030-12-31', template: { language: 'nb', measureKeys: ['A1'] } });
    expect(created.statusCode, created.body).toBe(201);
    const planId = created.json<{ id: string }>().id;
    // A draft is not the viewer's to see.
    expect((await queue(viewer)).plan).toBeNull();
    const adopted = await call(h, coordinator, 'POST', `/api/v1/plans/${planId}/versions/1/adopt`, { decisionRef: 'KS-sak 1/27', decisionDate: TODAY });
    expect(adopted.statusCode, adopted.body).toBe(200);
    const home = await queue(viewer);
    expect(home.plan).toEqual({ planId, title: 'Tiltaksplan 2027-2030', version: 1, totalProgress: adopted.json<{ totalProgress: number | null }>().totalProgress });
    expect(home.report).toBeNull();
    expect(home.counts).toEqual([]);
  });
});
