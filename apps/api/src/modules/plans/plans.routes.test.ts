import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildOrganisation, buildUser, schema } from '@lykt/db';
import { ROLE_PERMISSIONS, ROLES, type Permission, todayInNorway } from '@lykt/shared';
import { call, createHarness, errorCode, seedTenant, signIn, type Session, type TestHarness, expectEachForbidden } from '../../../test/harness';
import { justAfterNorwegianMidnight } from '../../../test/clock';
import { seedCapabilities } from '../../platform/seed-capabilities';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const daysFromNow = (days: number) => {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** A municipality with two partner organisations, each with a partner user. */
async function world() {
  const tenant = await seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
  const police = await buildOrganisation(h.deps.db, tenant.municipality.id, { name: 'Politiet', kind: 'police', isInternal: false });
  const ngo = await buildOrganisation(h.deps.db, tenant.municipality.id, { name: 'Krisesenteret', kind: 'shelter', isInternal: false });
  const caps = seedCapabilities(h.deps.keyring);
  const policeUser = await buildUser(h.deps.db, caps, { municipalityId: tenant.municipality.id, organisationId: police.id, role: 'partner' });
  const ngoUser = await buildUser(h.deps.db, caps, { municipalityId: tenant.municipality.id, organisationId: ngo.id, role: 'partner' });
  const coordinator = await signIn(h, tenant.users.coordinator);
  return { tenant, police, ngo, policeUser, ngoUser, coordinator, municipalityId: tenant.municipality.id };
}

async function dbState(municipalityId: string) {
  const where = <T extends { municipalityId: never }>(table: T) => eq((table as unknown as typeof schema.plan).municipalityId, municipalityId);
  const [plans, versions, measures, milestones, updates, audit] = await Promise.all([
    h.deps.db.select().from(schema.plan).where(where(schema.plan as never)).orderBy(asc(schema.plan.id)),
    h.deps.db.select().from(schema.planVersion).where(eq(schema.planVersion.municipalityId, municipalityId)).orderBy(asc(schema.planVersion.id)),
    h.deps.db.select().from(schema.planMeasure).where(eq(schema.planMeasure.municipalityId, municipalityId)).orderBy(asc(schema.planMeasure.id)),
    h.deps.db.select().from(schema.planMilestone).where(eq(schema.planMilestone.municipalityId, municipalityId)).orderBy(asc(schema.planMilestone.id)),
    h.deps.db.select().from(schema.planMeasureUpdate).where(eq(schema.planMeasureUpdate.municipalityId, municipalityId)).orderBy(asc(schema.planMeasureUpdate.id)),
    h.deps.db.select({ id: schema.auditEvent.id }).from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq)),
  ]);
  return { plans, versions, measures, milestones, updates, audit };
}

async function auditEvents(municipalityId: string, action: string) {
  const rows = await h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq));
  return rows.filter((row) => row.action === action);
}

type PlanSummary = { id: string; versions: { number: number; status: string }[]; currentVersion: number | null; draftVersion: number | null };
type MeasureJson = { id: string; lineageId: string; title: string; area: string; progress: number; rolledProgress: number; status: string; canUpdate: boolean; milestones: { id: string }[] };
type VersionJson = { measures: MeasureJson[]; areas: { code: string; progress: number | null }[]; totalProgress: number | null; editable: boolean; version: { status: string } };

async function createPlan(session: Session, template: unknown = null): Promise<PlanSummary> {
  const response = await call(h, session, 'POST', '/api/v1/plans', { title: 'Tiltaksplan mot menneskehandel', periodStart: '2026-01-01', periodEnd: '2029-12-31', template });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function addMeasure(session: Session, planId: string, version: number, body: Record<string, unknown>): Promise<MeasureJson> {
  const response = await call(h, session, 'POST', `/api/v1/plans/${planId}/versions/${version}/measures`, { area: 'D', title: 'Tiltak', ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ measure: MeasureJson }>().measure;
}

async function adopt(session: Session, planId: string, version: number) {
  const response = await call(h, session, 'POST', `/api/v1/plans/${planId}/versions/${version}/adopt`, { decisionRef: `KS-sak ${version}/26`, decisionDate: todayInNorway() });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<VersionJson>();
}

/** An adopted plan: one measure owned by the police (ngo takes part), one owned by the ngo. */
async function adoptedPlan(w: Awaited<ReturnType<typeof world>>) {
  const plan = await createPlan(w.coordinator);
  const policeMeasure = await addMeasure(w.coordinator, plan.id, 1, {
    title: 'Indikatorliste hos politiet',
    ownerOrganisationId: w.police.id,
    partnerOrganisationIds: [w.ngo.id],
    dueDate: daysFromNow(-3),
    milestones: [{ title: 'Utkast', dueDate: daysFromNow(10) }],
  });
  const ngoMeasure = await addMeasure(w.coordinator, plan.id, 1, { area: 'E', title: 'Trygt botilbud', ownerOrganisationId: w.ngo.id, dueDate: daysFromNow(10) });
  const otherMeasure = await addMeasure(w.coordinator, plan.id, 1, { area: 'F', title: 'Informasjon på språk', dueDate: daysFromNow(100) });
  await adopt(w.coordinator, plan.id, 1);
  return { plan, policeMeasure, ngoMeasure, otherMeasure };
}

const measureBody = (overrides: Record<string, unknown> = {}) => ({ area: 'D', title: 'Nytt tiltak', ...overrides });

function endpoints(planId: string, measureId: string) {
  return [
    { method: 'GET', url: '/api/v1/plan-template', permission: 'plans:write' },
    { method: 'GET', url: '/api/v1/plans', permission: 'plans:read' },
    { method: 'POST', url: '/api/v1/plans', body: { title: 'X', periodStart: '2026-01-01', periodEnd: '2026-12-31' }, permission: 'plans:write' },
    { method: 'GET', url: '/api/v1/plans/deadlines', permission: 'plans:read' },
    { method: 'GET', url: `/api/v1/plans/${planId}`, permission: 'plans:read' },
    { method: 'GET', url: `/api/v1/plans/${planId}/compare?from=1&to=1`, permission: 'plans:read' },
    { method: 'POST', url: `/api/v1/plans/${planId}/revisions`, permission: 'plans:write' },
    { method: 'GET', url: `/api/v1/plans/${planId}/versions/1`, permission: 'plans:read' },
    { method: 'POST', url: `/api/v1/plans/${planId}/versions/1/adopt`, body: { decisionRef: 'KS 1/26', decisionDate: '2026-01-01' }, permission: 'plans:write' },
    { method: 'POST', url: `/api/v1/plans/${planId}/versions/1/measures`, body: measureBody(), permission: 'plans:write' },
    { method: 'GET', url: `/api/v1/measures/${measureId}`, permission: 'plans:read' },
    { method: 'PUT', url: `/api/v1/measures/${measureId}`, body: measureBody(), permission: 'plans:write' },
    { method: 'DELETE', url: `/api/v1/measures/${measureId}`, permission: 'plans:write' },
    { method: 'POST', url: `/api/v1/measures/${measureId}/updates`, body: { text: 'Gjort' }, permission: 'plans:progress' },
  ] as const;
}

describe('access to plans', () => {
  it('answers 401 UNAUTHENTICATED without a session on every endpoint, and writes nothing', async () => {
    const w = await world();
    const { plan, policeMeasure } = await adoptedPlan(w);
    const before = await dbState(w.municipalityId);
    for (const endpoint of endpoints(plan.id, policeMeasure.id)) {
      const response = await call(h, null, endpoint.method, endpoint.url, 'body' in endpoint ? endpoint.body : undefined);
      expect(response.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(401);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
    }
    expect(await dbState(w.municipalityId)).toEqual(before);
  });

  it.each(ROLES.filter((role) => !ROLE_PERMISSIONS[role].includes('plans:write')))('answers 403 FORBIDDEN to a %s on the endpoints its role lacks, and writes nothing', async (role) => {
    const w = await world();
    const { plan, policeMeasure } = await adoptedPlan(w);
    const session = await signIn(h, w.tenant.users[role]);
    const before = await dbState(w.municipalityId);
    const refused = endpoints(plan.id, policeMeasure.id).filter((endpoint) => !ROLE_PERMISSIONS[role].includes(endpoint.permission as Permission));
    expect(refused.length).toBeGreaterThanOrEqual(7);
    await expectEachForbidden(h, session, refused);
    expect(await dbState(w.municipalityId)).toEqual(before);
  });

  it("answers 404 NOT_FOUND for another municipality's plan and measure, never lists them, and writes nothing", async () => {
    const a = await world();
    const b = await world();
    const { plan, policeMeasure } = await adoptedPlan(b);
    const [beforeA, beforeB] = [await dbState(a.municipalityId), await dbState(b.municipalityId)];
    for (const [planId, measureId] of [[plan.id, policeMeasure.id], [randomUUID(), randomUUID()]] as const) {
      for (const endpoint of endpoints(planId, measureId).filter((e) => e.url.includes(planId) || e.url.includes(measureId))) {
        const response = await call(h, a.coordinator, endpoint.method, endpoint.url, 'body' in endpoint ? endpoint.body : undefined);
        expect(response.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(404);
        expect(errorCode(response)).toBe('NOT_FOUND');
      }
    }
    expect((await call(h, a.coordinator, 'GET', '/api/v1/plans')).json().items).toEqual([]);
    const deadlines = (await call(h, a.coordinator, 'GET', '/api/v1/plans/deadlines')).json();
    expect(deadlines).toEqual({ overdue: [], dueSoon: [] });
    expect(await dbState(a.municipalityId)).toEqual(beforeA);
    expect(await dbState(b.municipalityId)).toEqual(beforeB);
  });
});

describe('building a plan', () => {
  it('offers the template in bokmål and English', async () => {
    const w = await world();
    const nb = (await call(h, w.coordinator, 'GET', '/api/v1/plan-template')).json();
    const en = (await call(h, w.coordinator, 'GET', '/api/v1/plan-template?language=en')).json();
    expect(nb.areas.map((area: { code: string }) => area.code)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']);
    expect(nb.areas[0].title).toBe('Styring og forankring');
    expect(en.areas[0].title).toBe('Governance');
  });

  it('creates a plan from the template, chosen measures only, as a draft of version 1, audited', async () => {
    const w = await world();
    const plan = await createPlan(w.coordinator, { language: 'en', measureKeys: ['A1', 'D1', 'D2'] });
    expect(plan).toMatchObject({ versions: [{ number: 1, status: 'draft' }], currentVersion: null, draftVersion: 1 });
    const version: VersionJson = (await call(h, w.coordinator, 'GET', `/api/v1/plans/${plan.id}/versions/1`)).json();
    expect(version.measures.map((measure) => [measure.area, measure.title])).toEqual([
      ['A', 'The council adopts the action plan with an owner and a budget'],
      ['D', 'Indicator checklists in every frontline service'],
      ['D', 'Written referral routes for adults and for children'],
    ]);
    expect(version.editable).toBe(true);
    expect(await auditEvents(w.municipalityId, 'plan.created')).toMatchObject([{ entityType: 'plan', entityId: plan.id, actorUserId: w.tenant.users.coordinator.id, details: { fromTemplate: 'strom-local-action-plan@1', measures: 3 } }]);
    const all = await createPlan(w.coordinator, { language: 'nb' });
    const full: VersionJson = (await call(h, w.coordinator, 'GET', `/api/v1/plans/${all.id}/versions/1`)).json();
    expect(full.measures).toHaveLength(26);
    expect(full.areas.every((area) => area.progress === 0)).toBe(true);
  });

  it('adds, edits and removes measures and sub-measures; progress rolls up (weighted) to area and plan; audited', async () => {
    const w = await world();
    const plan = await createPlan(w.coordinator);
    const parent = await addMeasure(w.coordinator, plan.id, 1, { title: 'Henvisningsrutiner', ownerOrganisationId: w.police.id, responsiblePerson: 'Politikontakten', startDate: '2026-02-01', dueDate: '2026-06-30' });
    const child1 = await addMeasure(w.coordinator, plan.id, 1, { title: 'Rutine for voksne', parentId: parent.id, status: 'done', weight: 3 });
    expect(child1.progress).toBe(100);
    const child2 = await addMeasure(w.coordinator, plan.id, 1, { title: 'Rutine for barn', parentId: parent.id, status: 'in_progress', progress: 20, weight: 1, milestones: [{ title: 'Høring', dueDate: '2026-04-01' }] });
    await addMeasure(w.coordinator, plan.id, 1, { area: 'F', title: 'Informasjon', progress: 10 });
    let version: VersionJson = (await call(h, w.coordinator, 'GET', `/api/v1/plans/${plan.id}/versions/1`)).json();
    expect(version.measures.find((measure) => measure.id === parent.id)?.rolledProgress).toBe(80);
    expect(version.areas.find((area) => area.code === 'D')?.progress).toBe(80);
    expect(version.areas.find((area) => area.code === 'F')?.progress).toBe(10);
    expect(version.totalProgress).toBe(45);

    const edited = await call(h, w.coordinator, 'PUT', `/api/v1/measures/${child2.id}`, {
      area: 'D',
      parentId: parent.id,
      title: 'Rutine for barn (barnevernet)',
      status: 'done',
      weight: 1,
      milestones: [{ id: child2.milestones[0]?.id, title: 'Høring', dueDate: '2026-04-01', doneOn: '2026-03-30' }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().measure).toMatchObject({ title: 'Rutine for barn (barnevernet)', progress: 100, milestones: [{ id: child2.milestones[0]?.id, doneOn: '2026-03-30' }] });
    expect((await auditEvents(w.municipalityId, 'plan.measure.updated'))[0]?.details).toMatchObject({ fields: ['title', 'status', 'progress', 'milestones'] });

    const removed = await call(h, w.coordinator, 'DELETE', `/api/v1/measures/${parent.id}`);
    expect(removed.statusCode).toBe(200);
    version = (await call(h, w.coordinator, 'GET', `/api/v1/plans/${plan.id}/versions/1`)).json();
    expect(version.measures.map((measure) => measure.title)).toEqual(['Informasjon']);
    expect(await auditEvents(w.municipalityId, 'plan.measure.deleted')).toMatchObject([{ entityId: parent.id, details: { removed: 3 } }]);
    expect(await auditEvents(w.municipalityId, 'plan.measure.created')).toHaveLength(4);
  });

  it.each([
    ['periodEnd', { periodStart: '2027-01-01', periodEnd: '2026-01-01' }],
    ['title', { title: ' ' }],
    ['template.language', { template: { language: 'sv' } }],
    ['template.measureKeys.1', { template: { language: 'nb', measureKeys: ['A1', 'Z9'] } }],
    ['template.measureKeys.0', { template: { language: 'nb', measureKeys: ['A9'] } }],
  ])('refuses a plan with a bad %s: 400 naming the field, nothing written', async (field, overrides) => {
    const w = await world();
    const before = await dbState(w.municipalityId);
    const response = await call(h, w.coordinator, 'POST', '/api/v1/plans', { title: 'Plan', periodStart: '2026-01-01', periodEnd: '2026-12-31', ...overrides });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_ERROR');
    expect(response.json().error.details.map((detail: { field: string }) => detail.field)).toEqual([field]);
    expect(await dbState(w.municipalityId)).toEqual(before);
  });

  it('refuses bad measure input with 400 naming the field, on create and replace, and writes nothing', async () => {
    const w = await world();
    const other = await world();
    const plan = await createPlan(w.coordinator);
    const target = await addMeasure(w.coordinator, plan.id, 1, { title: 'Mål' });
    const child = await addMeasure(w.coordinator, plan.id, 1, { title: 'Barn', parentId: target.id });
    const archived = await buildOrganisation(h.deps.db, w.municipalityId, { archivedAt: new Date() });
    const cases: [string, Record<string, unknown>][] = [
      ['area', { area: 'J' }],
      ['status', { status: 'finished' }],
      ['progress', { progress: 101 }],
      ['weight', { weight: 0 }],
      ['dueDate', { startDate: '2026-05-01', dueDate: '2026-04-01' }],
      ['ownerOrganisationId', { ownerOrganisationId: other.police.id }],
      ['ownerOrganisationId', { ownerOrganisationId: archived.id }],
      ['partnerOrganisationIds.1', { partnerOrganisationIds: [w.ngo.id, randomUUID()] }],
      ['parentId', { parentId: randomUUID() }],
      ['parentId', { area: 'E', parentId: target.id }],
      ['milestones.0.dueDate', { milestones: [{ title: 'M', dueDate: '1. mai' }] }],
      ['milestones.0.id', { milestones: [{ id: randomUUID(), title: 'M', dueDate: '2026-05-01' }] }],
    ];
    const before = await dbState(w.municipalityId);
    for (const [field, overrides] of cases) {
      for (const [method, url] of [['POST', `/api/v1/plans/${plan.id}/versions/1/measures`], ['PUT', `/api/v1/measures/${target.id}`]] as const) {
        const response = await call(h, w.coordinator, method, url, measureBody(overrides));
        expect(response.statusCode, `${method} ${field} ${response.body}`).toBe(400);
        expect(errorCode(response)).toBe('VALIDATION_ERROR');
        expect(response.json().error.details.map((detail: { field: string }) => detail.field)).toEqual([field]);
      }
    }
    const cycle = await call(h, w.coordinator, 'PUT', `/api/v1/measures/${target.id}`, measureBody({ parentId: child.id }));
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.details[0].field).toBe('parentId');
    const badVersion = await call(h, w.coordinator, 'GET', `/api/v1/plans/${plan.id}/versions/first`);
    expect(badVersion.json().error.details[0].field).toBe('version');
    expect(await dbState(w.municipalityId)).toEqual(before);
  });
});

describe('plan lifecycle', () => {
  it('adopts a draft (frozen, numbered), revises it into the next draft, compares versions and supersedes the old one', async () => {
    const w = await world();
    const { plan, policeMeasure, ngoMeasure, otherMeasure } = await adoptedPlan(w);
    const summary: PlanSummary = (await call(h, w.coordinator, 'GET', `/api/v1/plans/${plan.id}`)).json();
    expect(summary).toMatchObject({ currentVersion: 1, draftVersion: null, versions: [{ number: 1, status: 'adopted', decisionRef: 'KS-sak 1/26', adoptedBy: 'Coordinator Testesen' }] });
    expect(await auditEvents(w.municipalityId, 'plan.version.adopted')).toMatchObject([{ entityId: plan.id, details: { version: 1, measures: 3, supersedes: null } }]);

    // Frozen: no edits, no new measures, no second adoption.
    const before = await dbState(w.municipalityId);
    for (const [method, url, body] of [
      ['PUT', `/api/v1/measures/${otherMeasure.id}`, measureBody()],
      ['DELETE', `/api/v1/measures/${otherMeasure.id}`, undefined],
      ['POST', `/api/v1/plans/${plan.id}/versions/1/measures`, measureBody()],
      ['POST', `/api/v1/plans/${plan.id}/versions/1/adopt`, { decisionRef: 'KS 2', decisionDate: todayInNorway() }],
    ] as const) {
      const response = await call(h, w.coordinator, method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(409);
      expect(errorCode(response)).toBe('CONFLICT');
    }
    expect(await dbState(w.municipalityId)).toEqual(before);

    const revision = await call(h, w.coordinator, 'POST', `/api/v1/plans/${plan.id}/revisions`);
    expect(revision.statusCode, revision.body).toBe(201);
    const draft: VersionJson = revision.json();
    expect(draft.version.status).toBe('draft');
    expect(draft.measures.map((measure) => measure.lineageId).sort()).toEqual([policeMeasure, ngoMeasure, otherMeasure].map((measure) => measure.lineageId).sort());
    expect((await call(h, w.coordinator, 'POST', `/api/v1/plans/${plan.id}/revisions`)).statusCode).toBe(409);

    // Meanwhile the partner reports progress on the version in force; adoption carries it over.
    const policeSession = await signIn(h, w.policeUser);
    expect((await call(h, policeSession, 'POST', `/api/v1/measures/${policeMeasure.id}/updates`, { text: 'Liste tatt i bruk', progress: 60, status: 'in_progress' })).statusCode).toBe(201);

    const draftOther = draft.measures.find((measure) => measure.lineageId === otherMeasure.lineageId);
    const draftNgo = draft.measures.find((measure) => measure.lineageId === ngoMeasure.lineageId);
    await call(h, w.coordinator, 'PUT', `/api/v1/measures/${draftOther?.id}`, measureBody({ area: 'F', title: 'Informasjon på fem språk', dueDate: daysFromNow(200) }));
    await call(h, w.coordinator, 'DELETE', `/api/v1/measures/${draftNgo?.id}`);
    await addMeasure(w.coordinator, plan.id, 2, { area: 'G', title: 'Opplæring for bibliotek' });

    const compare = await call(h, w.coordinator, 'GET', `/api/v1/plans/${plan.id}/compare?from=1&to=2`);
    expect(compare.statusCode).toBe(200);
    expect(compare.json()).toMatchObject({
      from: 1,
      to: 2,
      added: [{ area: 'G', title: 'Opplæring for bibliotek' }],
      removed: [{ lineageId: ngoMeasure.lineageId, title: 'Trygt botilbud' }],
      changed: [{ lineageId: otherMeasure.lineageId, fields: [{ field: 'title', from: 'Informasjon på språk', to: 'Informasjon på fem språk' }, { field: 'dueDate' }] }],
    });

    const adopted = await adopt(w.coordinator, plan.id, 2);
    expect(adopted.measures.find((measure) => measure.lineageId === policeMeasure.lineageId)).toMatchObject({ progress: 60, status: 'in_progress' });
    const after: PlanSummary = (await call(h, w.coordinator, 'GET', `/api/v1/plans/${plan.id}`)).json();
    expect(after.versions.map((version) => version.status)).toEqual(['superseded', 'adopted']);
    expect(after.currentVersion).toBe(2);
    expect(await auditEvents(w.municipalityId, 'plan.revision.started')).toMatchObject([{ entityId: plan.id, details: { version: 2, from: 1, measures: 3 } }]);
  });

  it('refuses to adopt an empty draft (409) or with a future decision date (400), writing nothing', async () => {
    const w = await world();
    const plan = await createPlan(w.coordinator);
    const before = await dbState(w.municipalityId);
    const empty = await call(h, w.coordinator, 'POST', `/api/v1/plans/${plan.id}/versions/1/adopt`, { decisionRef: 'KS 1/26', decisionDate: todayInNorway() });
    expect(errorCode(empty)).toBe('CONFLICT');
    const future = await call(h, w.coordinator, 'POST', `/api/v1/plans/${plan.id}/versions/1/adopt`, { decisionRef: 'KS 1/26', decisionDate: daysFromNow(5) });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].field).toBe('decisionDate');
    const noRef = await call(h, w.coordinator, 'POST', `/api/v1/plans/${plan.id}/versions/1/adopt`, { decisionDate: todayInNorway() });
    expect(noRef.json().error.details[0].field).toBe('decisionRef');
    expect((await call(h, w.coordinator, 'POST', `/api/v1/plans/${plan.id}/revisions`)).statusCode).toBe(409);
    expect(await dbState(w.municipalityId)).toEqual(before);
  });
});

describe('partners and viewers', () => {
  it('shows a partner only the plans and measures its organisation owns or takes part in', async () => {
    const w = await world();
    const { plan, policeMeasure, ngoMeasure, otherMeasure } = await adoptedPlan(w);
    const unrelated = await createPlan(w.coordinator);
    await addMeasure(w.coordinator, unrelated.id, 1, { title: 'Ikke politiets' });
    const ngoSession = await signIn(h, w.ngoUser);
    const list: { items: PlanSummary[] } = (await call(h, ngoSession, 'GET', '/api/v1/plans')).json();
    expect(list.items.map((item) => item.id)).toEqual([plan.id]);
    const version: VersionJson = (await call(h, ngoSession, 'GET', `/api/v1/plans/${plan.id}/versions/1`)).json();
    expect(version.measures.map((measure) => [measure.title, measure.canUpdate])).toEqual([
      ['Indikatorliste hos politiet', false],
      ['Trygt botilbud', true],
    ]);
    expect(version.editable).toBe(false);
    expect((await call(h, ngoSession, 'GET', `/api/v1/measures/${policeMeasure.id}`)).statusCode).toBe(200);
    expect((await call(h, ngoSession, 'GET', `/api/v1/measures/${otherMeasure.id}`)).statusCode).toBe(404);
    expect((await call(h, ngoSession, 'GET', `/api/v1/plans/${unrelated.id}`)).statusCode).toBe(404);
    expect((await call(h, ngoSession, 'GET', `/api/v1/measures/${ngoMeasure.id}`)).json().measure.canUpdate).toBe(true);
  });

  it("lets a partner post an update on its own measure, and answers 404 on another organisation's measure, writing nothing", async () => {
    const w = await world();
    const { policeMeasure, ngoMeasure, otherMeasure } = await adoptedPlan(w);
    const ngoSession = await signIn(h, w.ngoUser);
    const before = await dbState(w.municipalityId);
    for (const measure of [policeMeasure, otherMeasure]) {
      const response = await call(h, ngoSession, 'POST', `/api/v1/measures/${measure.id}/updates`, { text: 'Vi tok over', progress: 100 });
      expect(response.statusCode).toBe(404);
      expect(errorCode(response)).toBe('NOT_FOUND');
    }
    expect(await dbState(w.municipalityId)).toEqual(before);

    const posted = await call(h, ngoSession, 'POST', `/api/v1/measures/${ngoMeasure.id}/updates`, { text: 'Avtale om to plasser signert', status: 'in_progress', progress: 40 });
    expect(posted.statusCode, posted.body).toBe(201);
    const detail = posted.json();
    expect(detail.measure).toMatchObject({ status: 'in_progress', progress: 40 });
    expect(detail.timeline).toMatchObject([
      { text: 'Avtale om to plasser signert', progressBefore: 0, progressAfter: 40, statusBefore: 'not_started', statusAfter: 'in_progress', author: 'Partner Testesen', organisation: 'Krisesenteret', source: 'update', versionNumber: 1, occurredOn: todayInNorway() },
    ]);
    const events = await auditEvents(w.municipalityId, 'plan.measure.progress.posted');
    expect(events).toMatchObject([{ entityId: ngoMeasure.id, actorUserId: w.ngoUser.id, details: { status: 'in_progress', progress: 40 } }]);
    expect(JSON.stringify(events)).not.toContain('Avtale');

    const done = await call(h, ngoSession, 'POST', `/api/v1/measures/${ngoMeasure.id}/updates`, { text: 'Ferdig', status: 'done' });
    expect(done.json().measure.progress).toBe(100);
  });

  it('marks milestones reached with an update and refuses bad update input without writing', async () => {
    const w = await world();
    const { policeMeasure } = await adoptedPlan(w);
    const session = await signIn(h, w.policeUser);
    const before = await dbState(w.municipalityId);
    for (const [field, body] of [
      ['text', { text: '' }],
      ['progress', { text: 'x', progress: -1 }],
      ['status', { text: 'x', status: 'paused' }],
      ['occurredOn', { text: 'x', occurredOn: daysFromNow(2) }],
      ['completedMilestoneIds.0', { text: 'x', completedMilestoneIds: [randomUUID()] }],
    ] as const) {
      const response = await call(h, session, 'POST', `/api/v1/measures/${policeMeasure.id}/updates`, body);
      expect(response.statusCode, field).toBe(400);
      expect(response.json().error.details[0].field).toBe(field);
    }
    expect(await dbState(w.municipalityId)).toEqual(before);
    const milestoneId = policeMeasure.milestones[0]?.id;
    const response = await call(h, session, 'POST', `/api/v1/measures/${policeMeasure.id}/updates`, { text: 'Utkast levert', completedMilestoneIds: [milestoneId], occurredOn: daysFromNow(-1) });
    expect(response.json().measure.milestones).toMatchObject([{ id: milestoneId, doneOn: daysFromNow(-1) }]);
  });

  it('refuses updates on a draft measure with 409', async () => {
    const w = await world();
    const plan = await createPlan(w.coordinator);
    const measure = await addMeasure(w.coordinator, plan.id, 1, { ownerOrganisationId: w.police.id });
    const response = await call(h, w.coordinator, 'POST', `/api/v1/measures/${measure.id}/updates`, { text: 'For tidlig' });
    expect(errorCode(response)).toBe('CONFLICT');
  });

  it.each(['viewer', 'frontline', 'caseworker'] as const)('shows a %s only adopted versions', async (role) => {
    const w = await world();
    const { plan, otherMeasure } = await adoptedPlan(w);
    const draftOnly = await createPlan(w.coordinator);
    const draftMeasure = await addMeasure(w.coordinator, draftOnly.id, 1, {});
    await call(h, w.coordinator, 'POST', `/api/v1/plans/${plan.id}/revisions`);
    const session = await signIn(h, w.tenant.users[role]);
    const list: { items: PlanSummary[] } = (await call(h, session, 'GET', '/api/v1/plans')).json();
    expect(list.items).toMatchObject([{ id: plan.id, versions: [{ number: 1, status: 'adopted' }], draftVersion: null }]);
    expect((await call(h, session, 'GET', `/api/v1/plans/${plan.id}/versions/1`)).json().measures).toHaveLength(3);
    expect((await call(h, session, 'GET', `/api/v1/measures/${otherMeasure.id}`)).statusCode).toBe(200);
    for (const url of [`/api/v1/plans/${plan.id}/versions/2`, `/api/v1/plans/${draftOnly.id}`, `/api/v1/plans/${draftOnly.id}/versions/1`, `/api/v1/measures/${draftMeasure.id}`, `/api/v1/plans/${plan.id}/compare?from=1&to=2`]) {
      const response = await call(h, session, 'GET', url);
      expect(response.statusCode, url).toBe(404);
    }
  });
});

describe('deadlines', () => {
  it('lists overdue and soon-due open measures; a partner sees only what it owns', async () => {
    const w = await world();
    await adoptedPlan(w);
    const all = (await call(h, w.coordinator, 'GET', '/api/v1/plans/deadlines?days=30')).json();
    expect(all.overdue.map((item: { title: string }) => item.title)).toEqual(['Indikatorliste hos politiet']);
    expect(all.dueSoon.map((item: { title: string }) => item.title)).toEqual(['Trygt botilbud']);
    expect(all.overdue[0].ownerOrganisation).toEqual({ id: w.police.id, name: 'Politiet' });
    const longer = (await call(h, w.coordinator, 'GET', '/api/v1/plans/deadlines?days=365')).json();
    expect(longer.dueSoon).toHaveLength(2);
    const police = (await call(h, await signIn(h, w.policeUser), 'GET', '/api/v1/plans/deadlines')).json();
    expect(police).toMatchObject({ overdue: [{ title: 'Indikatorliste hos politiet' }], dueSoon: [] });
    const bad = await call(h, w.coordinator, 'GET', '/api/v1/plans/deadlines?days=0');
    expect(bad.json().error.details[0].field).toBe('days');
  });
});

describe('a plan update is dated on the day in Norway', () => {
  it('dates an update posted just after midnight in Norway (the UTC date still yesterday) today, and takes today as its date', async () => {
    const w = await world();
    const { ngoMeasure } = await adoptedPlan(w);
    const session = await signIn(h, w.ngoUser);
    const { at, norwegianToday } = justAfterNorwegianMidnight();
    vi.useFakeTimers({ toFake: ['Date'], now: at });
    try {
      const undated = await call(h, session, 'POST', `/api/v1/measures/${ngoMeasure.id}/updates`, { text: 'Avtale signert', progress: 20 });
      expect(undated.statusCode, undated.body).toBe(201);
      const dated = await call(h, session, 'POST', `/api/v1/measures/${ngoMeasure.id}/updates`, { text: 'Første plass tatt i bruk', progress: 30, occurredOn: norwegianToday });
      expect(dated.statusCode, dated.body).toBe(201);
      expect(dated.json().timeline.map((entry: { occurredOn: string }) => entry.occurredOn)).toEqual([norwegianToday, norwegianToday]);
    } finally {
      vi.useRealTimers();
    }
  });
});
