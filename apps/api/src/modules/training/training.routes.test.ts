import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingModule } from '@lykt/content/knowledge';
import { buildOrganisation, buildUser, schema } from '@lykt/db';
import { ROLE_PERMISSIONS, ROLES, type Attempt, type AttemptResult, type Coverage, type PlanLink, type TrainingModuleSummary, todayInNorway } from '@lykt/shared';
import { inspectPdf } from '../../platform/documents/testing';
import { seedCapabilities } from '../../platform/seed-capabilities';
import { freshDatabases } from '../../../test/fresh-databases';
import { call, createHarness, errorCode, expectEachForbidden, seedTenant, signIn, type Session, type TestHarness } from '../../../test/harness';
import { validUntil } from './training.logic';
import { followCoverageEverywhere } from './training.plan-links';

// followCoverageEverywhere moves the training-linked measures of every municipality in the database: on
// PostgreSQL the file gets a database of its own (dropped after the file), so it never changes the plans
// other test files are setting up.
const ownDatabase = freshDatabases(process.env.TEST_DATABASE_URL, 'lykt_training');
let h: TestHarness;
beforeAll(async () => {
  h = await createHarness({}, { ownDatabase });
});
afterAll(async () => {
  await h.close();
});

const seed = () => seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });

async function dbState(municipalityId: string) {
  const [attempts, completions, links, audit] = await Promise.all([
    h.deps.db.select().from(schema.trainingAttempt).where(eq(schema.trainingAttempt.municipalityId, municipalityId)).orderBy(asc(schema.trainingAttempt.id)),
    h.deps.db.select().from(schema.trainingCompletion).where(eq(schema.trainingCompletion.municipalityId, municipalityId)).orderBy(asc(schema.trainingCompletion.id)),
    h.deps.db.select().from(schema.trainingPlanLink).where(eq(schema.trainingPlanLink.municipalityId, municipalityId)).orderBy(asc(schema.trainingPlanLink.id)),
    h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq)),
  ]);
  return { attempts, completions, links, audit: audit.filter((event) => event.action.startsWith('training.')) };
}

/** The right (or a wrong) answer to every question of an attempt, read from the bank as only the server can. */
function answersFor(attempt: Attempt, right: boolean) {
  const bank = trainingModule(attempt.moduleKey)?.quiz.bank ?? [];
  return attempt.questions.map((question) => {
    const options = bank.find((candidate) => candidate.id === question.id)?.options ?? [];
    const option = options.find((candidate) => candidate.correct === right);
    return { questionId: question.id, optionId: option?.id ?? '' };
  });
}

async function start(session: Session, key = 'basics', lang = 'nb'): Promise<Attempt> {
  const response = await call(h, session, 'POST', `/api/v1/training/modules/${key}/attempts?lang=${lang}`);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Attempt>();
}

describe('training', () => {
  it('answers 401 without a session on every endpoint', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const endpoints = [
      ['GET', '/api/v1/training/modules'],
      ['GET', '/api/v1/training/modules/basics'],
      ['POST', '/api/v1/training/modules/basics/attempts'],
      ['POST', `/api/v1/training/attempts/${id}/submit`],
      ['GET', '/api/v1/training/completions'],
      ['GET', `/api/v1/training/completions/${id}/certificate`],
      ['GET', '/api/v1/training/coverage?moduleKey=basics'],
      ['GET', '/api/v1/training/settings'],
      ['PUT', '/api/v1/training/settings/basics'],
      ['GET', '/api/v1/training/plan-links'],
      ['POST', '/api/v1/training/plan-links'],
      ['DELETE', `/api/v1/training/plan-links/${id}`],
      ['POST', `/api/v1/training/plan-links/${id}/apply`],
    ] as const;
    for (const [method, url] of endpoints) {
      const response = await call(h, null, method, url, method === 'GET' || method === 'DELETE' ? undefined : {});
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it.each(ROLES)('gives a %s exactly the access its role grants', async (role) => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users[role]);
    const modules = await call(h, session, 'GET', '/api/v1/training/modules');
    expect(modules.statusCode).toBe(ROLE_PERMISSIONS[role].includes('training:take') ? 200 : 403);
    if (!ROLE_PERMISSIONS[role].includes('training:take')) await expectEachForbidden(h, session, [{ method: 'POST', url: '/api/v1/training/modules/basics/attempts' }]);
    if (!ROLE_PERMISSIONS[role].includes('training:manage')) {
      await expectEachForbidden(h, session, [
        { method: 'GET', url: '/api/v1/training/coverage?moduleKey=basics' },
        { method: 'GET', url: '/api/v1/training/settings' },
        { method: 'PUT', url: '/api/v1/training/settings/basics', body: { passScore: 90, refreshMonths: 12 } },
        { method: 'GET', url: '/api/v1/training/plan-links' },
        { method: 'POST', url: '/api/v1/training/plan-links', body: {} },
      ]);
      expect((await dbState(tenant.municipality.id)).audit).toEqual([]);
    }
  });

  it('lists modules with status, the ones for my role and organisation first', async () => {
    const tenant = await seed();
    const school = await buildOrganisation(h.deps.db, tenant.municipality.id, { name: 'Nordby skole', kind: 'school' });
    const teacher = await buildUser(h.deps.db, seedCapabilities(h.deps.keyring), { municipalityId: tenant.municipality.id, organisationId: school.id, role: 'frontline' });
    const list = (await call(h, await signIn(h, teacher), 'GET', '/api/v1/training/modules?lang=en')).json<{ items: TrainingModuleSummary[] }>();
    expect(list.items.map((item) => [item.key, item.isForMe, item.status])).toEqual([
      ['basics', true, 'not_started'],
      ['children-services', true, 'not_started'],
      ['adult-services', false, 'not_started'],
    ]);
    expect(list.items[0]).toMatchObject({ title: 'Basics: human trafficking in the municipality', passScore: 80, refreshMonths: 24, questionsPerAttempt: 5 });
    const module = (await call(h, await signIn(h, teacher), 'GET', '/api/v1/training/modules/children-services')).json<{ lessons: Array<{ slug: string }> }>();
    expect(module.lessons.map((lesson) => lesson.slug)).toEqual(['signs-school', 'signs-day-care', 'signs-library', 'signs-child-welfare', 'the-law-in-brief']);
    expect((await call(h, await signIn(h, teacher), 'GET', '/api/v1/training/modules/no-such-module')).statusCode).toBe(404);
  });

  it('draws questions from the bank without revealing answers; scores on the server; a pass records a completion', async () => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.frontline);
    const first = await start(session);
    expect(first.questions).toHaveLength(5);
    expect(JSON.stringify(first)).not.toMatch(/correct|explanation/);
    const draws = [first.questions.map((question) => question.id).join()];
    for (let index = 0; index < 4; index += 1) draws.push((await start(session)).questions.map((question) => question.id).join());
    expect(new Set(draws).size).toBeGreaterThan(1);
    const missing = await call(h, session, 'POST', `/api/v1/training/attempts/${first.id}/submit`, { answers: answersFor(first, true).slice(0, 4) });
    expect(missing.statusCode).toBe(400);
    expect(errorCode(missing)).toBe('VALIDATION_ERROR');
    expect((await dbState(tenant.municipality.id)).completions).toEqual([]);
    const response = await call(h, session, 'POST', `/api/v1/training/attempts/${first.id}/submit`, { answers: answersFor(first, true) });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<AttemptResult>();
    expect(result).toMatchObject({ score: 100, passScore: 80, passed: true, completion: { moduleKey: 'basics', moduleVersion: 1, score: 100, validUntil: validUntil(new Date(), 24) } });
    expect(result.questions.every((question) => question.isCorrect && question.options.every((option) => option.explanation.length > 0))).toBe(true);
    const again = await call(h, session, 'POST', `/api/v1/training/attempts/${first.id}/submit`, { answers: answersFor(first, true) });
    expect(again.statusCode).toBe(409);
    const state = await dbState(tenant.municipality.id);
    expect(state.completions).toHaveLength(1);
    expect(state.completions[0]).toMatchObject({ userId: tenant.users.frontline.id, organisationId: tenant.organisation.id, score: 100 });
    expect(state.audit.filter((event) => event.action === 'training.attempt.submitted').map((event) => event.details)).toEqual([
      { moduleKey: 'basics', moduleVersion: 1, score: 100, passed: true, completionId: state.completions[0]?.id },
    ]);
    const modules = (await call(h, session, 'GET', '/api/v1/training/modules')).json<{ items: TrainingModuleSummary[] }>();
    expect(modules.items.find((item) => item.key === 'basics')?.status).toBe('completed');
  });

  it('a failed attempt records no completion; another user cannot submit my attempt', async () => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.frontline);
    const attempt = await start(session, 'adult-services', 'en');
    const other = await call(h, await signIn(h, tenant.users.caseworker), 'POST', `/api/v1/training/attempts/${attempt.id}/submit`, { answers: answersFor(attempt, true) });
    expect(other.statusCode).toBe(404);
    const result = (await call(h, session, 'POST', `/api/v1/training/attempts/${attempt.id}/submit`, { answers: answersFor(attempt, false) })).json<AttemptResult>();
    expect(result).toMatchObject({ score: 0, passed: false, completion: null });
    expect(result.questions[0]?.correctOptionId).not.toBe(result.questions[0]?.chosenOptionId);
    expect((await dbState(tenant.municipality.id)).completions).toEqual([]);
  });

  it('uses the pass score and refresh period the coordinator sets', async () => {
    const tenant = await seed();
    const coordinator = await signIn(h, tenant.users.coordinator);
    const bad = await call(h, coordinator, 'PUT', '/api/v1/training/settings/basics', { passScore: 10, refreshMonths: 12 });
    expect(bad.statusCode).toBe(400);
    expect(errorCode(bad)).toBe('VALIDATION_ERROR');
    expect((await call(h, coordinator, 'PUT', '/api/v1/training/settings/nope', { passScore: 90, refreshMonths: 12 })).statusCode).toBe(404);
    const saved = await call(h, coordinator, 'PUT', '/api/v1/training/settings/basics', { passScore: 100, refreshMonths: 12 });
    expect(saved.json()).toEqual({ moduleKey: 'basics', passScore: 100, refreshMonths: 12, isDefault: false });
    const session = await signIn(h, tenant.users.frontline);
    const attempt = await start(session);
    expect(attempt.passScore).toBe(100);
    const result = (await call(h, session, 'POST', `/api/v1/training/attempts/${attempt.id}/submit`, { answers: answersFor(attempt, true) })).json<AttemptResult>();
    expect(result.completion?.validUntil).toBe(validUntil(new Date(), 12));
    expect((await dbState(tenant.municipality.id)).audit.filter((event) => event.action === 'training.settings.updated')).toHaveLength(1);
  });

  it('gives the certificate of my own completion as a PDF, and nobody else', async () => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.frontline);
    const attempt = await start(session, 'basics', 'en');
    const result = (await call(h, session, 'POST', `/api/v1/training/attempts/${attempt.id}/submit`, { answers: answersFor(attempt, true) })).json<AttemptResult>();
    const id = result.completion?.id ?? '';
    const response = await call(h, session, 'GET', `/api/v1/training/completions/${id}/certificate?lang=en`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = await inspectPdf(response.rawPayload);
    expect(pdf.text).toContain(tenant.users.frontline.name);
    expect(pdf.text).toContain('Basics: human trafficking in the municipality');
    expect(pdf.lang).toBe('en');
    expect((await call(h, await signIn(h, tenant.users.coordinator), 'GET', `/api/v1/training/completions/${id}/certificate`)).statusCode).toBe(404);
    const other = await seed();
    expect((await call(h, await signIn(h, other.users.frontline), 'GET', `/api/v1/training/completions/${id}/certificate`)).statusCode).toBe(404);
    const mine = (await call(h, session, 'GET', '/api/v1/training/completions')).json<{ items: Array<{ id: string }> }>();
    expect(mine.items.map((item) => item.id)).toEqual([id]);
  });

  it('shows the coordinator coverage per organisation and kind, over time and who is due; counts only its own municipality', async () => {
    const tenant = await seed();
    const other = await seed();
    const caps = seedCapabilities(h.deps.keyring);
    const school = await buildOrganisation(h.deps.db, tenant.municipality.id, { name: 'Nordby skole', kind: 'school' });
    const teachers = await Promise.all([0, 1, 2].map(() => buildUser(h.deps.db, caps, { municipalityId: tenant.municipality.id, organisationId: school.id, role: 'frontline' })));
    const old = new Date(Date.now() - 23 * 30 * 86_400_000);
    await h.deps.db.insert(schema.trainingCompletion).values([
      { municipalityId: tenant.municipality.id, userId: teachers[0]?.id ?? '', organisationId: school.id, moduleKey: 'children-services', moduleVersion: 1, score: 100, completedAt: new Date(), validUntil: validUntil(new Date(), 24) },
      { municipalityId: tenant.municipality.id, userId: teachers[1]?.id ?? '', organisationId: school.id, moduleKey: 'children-services', moduleVersion: 1, score: 80, completedAt: old, validUntil: validUntil(new Date(), 1) },
    ]);
    const coordinator = await signIn(h, tenant.users.coordinator);
    const coverage = (await call(h, coordinator, 'GET', '/api/v1/training/coverage?moduleKey=children-services&lang=nb')).json<Coverage>();
    // Audience: frontline/caseworker/coordinator in school, child welfare or municipal service: the 3 teachers + 3 in "Kommunen".
    expect(coverage.total).toEqual({ staff: 6, trained: 2, share: 33.3, suppressed: false });
    expect(coverage.byOrganisation.find((row) => row.organisationId === school.id)).toMatchObject({ staff: 3, trained: 2, share: 66.7 });
    expect(coverage.byKind.map((row) => row.kind)).toEqual(['municipal_service', 'school']);
    expect(coverage.overTime).toHaveLength(12);
    expect(coverage.overTime[11]?.trained).toBe(2);
    expect(coverage.due.map((row) => [row.userId, row.status])).toEqual([[teachers[1]?.id, 'due_soon']]);
    const state = await dbState(tenant.municipality.id);
    expect(state.audit.map((event) => [event.action, event.details])).toEqual([['training.coverage.viewed', { due: 1 }]]);
    const otherCoverage = (await call(h, await signIn(h, other.users.coordinator), 'GET', '/api/v1/training/coverage?moduleKey=children-services')).json<Coverage>();
    expect(otherCoverage.total).toMatchObject({ staff: 3, trained: 0 });
    expect(otherCoverage.due).toEqual([]);
    expect((await call(h, coordinator, 'GET', '/api/v1/training/coverage')).statusCode).toBe(400);
    expect((await call(h, coordinator, 'GET', '/api/v1/training/coverage?moduleKey=nope')).statusCode).toBe(404);
  });

  it("links a plan measure to a training target and sets its progress from the coverage", async () => {
    const tenant = await seed();
    const coordinator = await signIn(h, tenant.users.coordinator);
    const plan = (await call(h, coordinator, 'POST', '/api/v1/plans', { title: 'Tiltaksplan', periodStart: '2026-01-01', periodEnd: '2029-12-31', template: null })).json<{ id: string }>();
    const measure = (await call(h, coordinator, 'POST', `/api/v1/plans/${plan.id}/versions/1/measures`, { area: 'G', title: 'Opplæring av skoleansatte' })).json<{ measure: { id: string } }>().measure;
    const body = { measureId: measure.id, moduleKey: 'basics', organisationKinds: ['municipal_service'], targetShare: 80, targetDate: '2027-06-30' };
    for (const bad of [{ ...body, targetShare: 0 }, { ...body, measureId: 'nope' }, { ...body, moduleKey: 'Bad Key' }, { ...body, targetDate: '30.06.2027' }]) {
      const response = await call(h, coordinator, 'POST', '/api/v1/training/plan-links', bad);
      expect(response.statusCode).toBe(400);
    }
    expect((await call(h, coordinator, 'POST', '/api/v1/training/plan-links', { ...body, measureId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(400);
    expect((await dbState(tenant.municipality.id)).links).toEqual([]);
    const created = await call(h, coordinator, 'POST', '/api/v1/training/plan-links', body);
    expect(created.statusCode, created.body).toBe(201);
    const link = created.json<PlanLink>();
    expect(link).toMatchObject({ measureTitle: 'Opplæring av skoleansatte', targetShare: 80, coverage: { staff: 4, trained: 0 }, progress: 0 });
    expect((await call(h, coordinator, 'POST', '/api/v1/training/plan-links', body)).statusCode).toBe(409);
    // Not adopted yet: progress is posted on the version in force.
    expect((await call(h, coordinator, 'POST', `/api/v1/training/plan-links/${link.id}/apply`)).statusCode).toBe(409);
    const adopted = await call(h, coordinator, 'POST', `/api/v1/plans/${plan.id}/versions/1/adopt`, { decisionRef: 'KS-sak 1/26', decisionDate: todayInNorway() });
    expect(adopted.statusCode, adopted.body).toBe(200);
    // Each completion moves the measure automatically: 1 of 4 = 25 % of an 80 % target = 31, then 2 of 4 = 63.
    const progress: number[] = [];
    for (const role of ['frontline', 'caseworker'] as const) {
      const session = await signIn(h, tenant.users[role]);
      const attempt = await start(session);
      await call(h, session, 'POST', `/api/v1/training/attempts/${attempt.id}/submit`, { answers: answersFor(attempt, true) });
      const [row] = await h.deps.db.select().from(schema.planMeasure).where(eq(schema.planMeasure.id, measure.id));
      progress.push(row?.progress ?? -1);
    }
    expect(progress).toEqual([31, 63]);
    const timeline = await h.deps.db.select().from(schema.planMeasureUpdate).where(eq(schema.planMeasureUpdate.measureId, measure.id));
    expect(timeline.map((entry) => [entry.authorUserId, entry.progressBefore, entry.progressAfter])).toEqual([
      [null, 0, 31],
      [null, 31, 63],
    ]);
    expect(timeline[1]?.text).toBe('Opplæring «Grunnkurs: menneskehandel i kommunen»: 50 % av målgruppen har gyldig kurs (2 av 4). Mål: 80 % innen 2027-06-30.');
    // The coordinator can also apply it by hand.
    const applied = await call(h, coordinator, 'POST', `/api/v1/training/plan-links/${link.id}/apply`);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json<PlanLink>()).toMatchObject({ coverage: { staff: 4, trained: 2, share: 50 }, progress: 63 });
    // A certificate past its refresh date lowers coverage with nobody completing anything: the nightly run follows it.
    // (The run covers every municipality in the database; other test files' tenants may be there too, so only this measure is checked.)
    const progressOf = async () => (await h.deps.db.select().from(schema.planMeasure).where(eq(schema.planMeasure.id, measure.id)))[0]?.progress;
    await followCoverageEverywhere(h.deps);
    expect(await progressOf()).toBe(63);
    await h.deps.db.update(schema.trainingCompletion).set({ validUntil: '2020-01-01' }).where(eq(schema.trainingCompletion.userId, tenant.users.caseworker.id));
    expect(await followCoverageEverywhere(h.deps)).toBeGreaterThanOrEqual(1);
    expect(await progressOf()).toBe(31);
    const nightly = await h.deps.db.select().from(schema.planMeasureUpdate).where(eq(schema.planMeasureUpdate.measureId, measure.id));
    expect(nightly.map((entry) => [entry.authorUserId, entry.progressBefore, entry.progressAfter])).toContainEqual([null, 63, 31]);
    const state = await dbState(tenant.municipality.id);
    expect(state.audit.filter((event) => event.action.startsWith('training.plan_link')).map((event) => [event.action, event.details.automatic ?? false])).toEqual([
      ['training.plan_link.created', false],
      ['training.plan_link.applied', true],
      ['training.plan_link.applied', true],
      ['training.plan_link.applied', false],
      ['training.plan_link.applied', true],
    ]);
    const other = await seed();
    const otherCoordinator = await signIn(h, other.users.coordinator);
    expect((await call(h, otherCoordinator, 'POST', `/api/v1/training/plan-links/${link.id}/apply`)).statusCode).toBe(404);
    expect((await call(h, otherCoordinator, 'DELETE', `/api/v1/training/plan-links/${link.id}`)).statusCode).toBe(404);
    expect((await call(h, otherCoordinator, 'GET', '/api/v1/training/plan-links')).json()).toEqual({ items: [] });
    expect((await call(h, otherCoordinator, 'POST', '/api/v1/training/plan-links', body)).statusCode).toBe(400);
    expect((await call(h, coordinator, 'DELETE', `/api/v1/training/plan-links/${link.id}`)).statusCode).toBe(200);
    expect((await dbState(tenant.municipality.id)).links).toEqual([]);
  });
});
