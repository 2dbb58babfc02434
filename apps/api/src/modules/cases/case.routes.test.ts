import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { schema } from '@lykt/db';
import { CASE_TASK_DUE_DAYS, ROLE_PERMISSIONS, ROLES, type Case } from '@lykt/shared';
import { call, createHarness, errorCode, signIn, type TestHarness } from '../../../test/harness';
import { justAfterNorwegianMidnight } from '../../../test/clock';
import { auditOf, caseEndpoints, caseState, directCaseBody, extraUser, openCase, partnerEndpoints, PERSON, SECRET_VALUES, seedCaseTenant, seedPartnerOrganisation } from './case.fixtures';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const ZERO = '00000000-0000-4000-8000-000000000000';

describe('access to cases', () => {
  it('answers 401 without a session on every endpoint, and writes nothing', async () => {
    const tenant = await seedCaseTenant(h);
    const theCase = await openCase(h, await signIn(h, tenant.users.caseworker));
    const before = await caseState(h, tenant.municipality.id);
    for (const endpoint of [...caseEndpoints(theCase.id, { userId: tenant.users.coordinator.id, orgId: tenant.organisation.id, subId: ZERO }), ...partnerEndpoints(ZERO)]) {
      const response = await call(h, null, endpoint.method, endpoint.url, 'body' in endpoint ? endpoint.body : undefined);
      expect(response.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(401);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
    }
    expect(await caseState(h, tenant.municipality.id)).toEqual(before);
  });

  it.each(ROLES)('answers 403 to a %s on the endpoints its role lacks, and writes nothing', async (role) => {
    const tenant = await seedCaseTenant(h);
    const theCase = await openCase(h, await signIn(h, tenant.users.caseworker));
    const session = await signIn(h, tenant.users[role]);
    const before = await caseState(h, tenant.municipality.id);
    for (const endpoint of [...caseEndpoints(theCase.id, { userId: tenant.users.coordinator.id, orgId: tenant.organisation.id, subId: ZERO }), ...partnerEndpoints(ZERO)]) {
      if (ROLE_PERMISSIONS[role].includes(endpoint.permission)) continue;
      const response = await call(h, session, endpoint.method, endpoint.url, 'body' in endpoint ? endpoint.body : undefined);
      expect(response.statusCode, `${role} ${endpoint.method} ${endpoint.url}`).toBe(403);
      expect(errorCode(response)).toBe('FORBIDDEN');
    }
    const after = await caseState(h, tenant.municipality.id);
    expect({ ...after, audit: [] }).toEqual({ ...before, audit: [] });
  });

  it("answers 404 on every case endpoint for another municipality's case, and writes nothing there", async () => {
    const tenant = await seedCaseTenant(h);
    const theCase = await openCase(h, await signIn(h, tenant.users.caseworker));
    const stranger = await seedCaseTenant(h);
    const session = await signIn(h, stranger.users.coordinator);
    const before = await caseState(h, tenant.municipality.id);
    for (const endpoint of caseEndpoints(theCase.id, { userId: stranger.users.coordinator.id, orgId: stranger.organisation.id, subId: ZERO })) {
      if (!endpoint.url.includes(theCase.id)) continue;
      const response = await call(h, session, endpoint.method, endpoint.url, 'body' in endpoint ? endpoint.body : undefined);
      expect(response.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(404);
      expect(errorCode(response)).toBe('NOT_FOUND');
    }
    expect(await caseState(h, tenant.municipality.id)).toEqual(before);
    expect((await call(h, session, 'GET', '/api/v1/cases')).json()).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('answers 404 to a caseworker who is not on the team, on every case endpoint, and lists nothing', async () => {
    const tenant = await seedCaseTenant(h);
    const theCase = await openCase(h, await signIn(h, tenant.users.caseworker));
    const outsider = await signIn(h, await extraUser(h, tenant, 'caseworker'));
    const before = await caseState(h, tenant.municipality.id);
    for (const endpoint of caseEndpoints(theCase.id, { userId: tenant.users.coordinator.id, orgId: tenant.organisation.id, subId: ZERO })) {
      if (!endpoint.url.includes(theCase.id) || endpoint.permission === 'cases:coordinate') continue;
      const response = await call(h, outsider, endpoint.method, endpoint.url, 'body' in endpoint ? endpoint.body : undefined);
      expect(response.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(404);
      expect(errorCode(response)).toBe('NOT_FOUND');
    }
    expect(await caseState(h, tenant.municipality.id)).toEqual(before);
    expect((await call(h, outsider, 'GET', '/api/v1/cases')).json()).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('answers 400 with the error shape to bad input, and writes nothing', async () => {
    const tenant = await seedCaseTenant(h);
    const session = await signIn(h, tenant.users.caseworker);
    const theCase = await openCase(h, session);
    const before = await caseState(h, tenant.municipality.id);
    const bad = [
      { method: 'POST', url: '/api/v1/cases', body: { source: { kind: 'direct', id: null }, facts: { nationality: 'norway' } } },
      { method: 'POST', url: '/api/v1/cases', body: { source: { kind: 'concern', id: null } } },
      { method: 'POST', url: '/api/v1/cases', body: { source: { kind: 'direct', id: null }, facts: { reflectionPeriodStart: '2026-05-01', reflectionPeriodEnd: '2026-04-01' } } },
      { method: 'POST', url: '/api/v1/cases', body: { ...directCaseBody(), extra: 1 } },
      { method: 'GET', url: '/api/v1/cases?status=lost' },
      { method: 'GET', url: '/api/v1/cases/not-a-uuid' },
      { method: 'PATCH', url: `/api/v1/cases/${theCase.id}/facts`, body: { gender: 'robot' } },
      { method: 'PUT', url: `/api/v1/cases/${theCase.id}/person`, body: { ...PERSON, dateOfBirth: '14.07.1998' } },
      { method: 'PUT', url: `/api/v1/cases/${theCase.id}/needs/flying`, body: { status: 'needed', note: null } },
      { method: 'POST', url: `/api/v1/cases/${theCase.id}/tasks`, body: { title: 'x', ownerUserId: tenant.users.frontline.id, dueOn: '2030-01-01' } },
      { method: 'POST', url: `/api/v1/cases/${theCase.id}/journal`, body: { entryDate: '2026-01-01', text: '' } },
      { method: 'POST', url: `/api/v1/cases/${theCase.id}/closure`, body: { status: 'closed', reason: '' } },
      { method: 'POST', url: `/api/v1/cases/${theCase.id}/members`, body: { userId: tenant.users.frontline.id } },
      { method: 'GET', url: `/api/v1/cases/${theCase.id}/export?purpose=press` },
    ] as const;
    for (const request of bad) {
      const response = await call(h, session, request.method, request.url, 'body' in request ? request.body : undefined);
      expect(response.statusCode, `${request.method} ${request.url}: ${response.body}`).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_ERROR');
    }
    expect(await caseState(h, tenant.municipality.id)).toEqual(before);
  });
});

describe('OpenAPI', () => {
  it('documents every case, consent and referral endpoint with its fields', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ paths: Record<string, Record<string, unknown>> }>();
    for (const path of ['/api/v1/cases', '/api/v1/cases/{id}', '/api/v1/cases/{id}/consents', '/api/v1/cases/{id}/referrals', '/api/v1/cases/{id}/break-glass', '/api/v1/cases/{id}/export', '/api/v1/cases/reminders', '/api/v1/partner/referrals/{id}/response']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(response.body).toContain('Which service identified the person');
  });
});

describe('open a case', () => {
  it('stores personal data encrypted, numbers the case, makes the opener owner and audits without personal values', async () => {
    const tenant = await seedCaseTenant(h);
    const session = await signIn(h, tenant.users.caseworker);
    const theCase = await openCase(h, session);
    expect(theCase.caseNumber).toMatch(/^\d{4}-0001$/);
    expect(theCase.status).toBe('open');
    expect(theCase.person?.name).toBe(PERSON.name);
    expect(theCase.team).toEqual([expect.objectContaining({ userId: tenant.users.caseworker.id, teamRole: 'owner' })]);
    expect(theCase.abilities).toMatchObject({ readPersonalData: true, edit: true, close: true, breakGlass: false, viewReadLog: false });
    const second = await openCase(h, session);
    expect(second.caseNumber).toMatch(/^\d{4}-0002$/);
    const state = await caseState(h, tenant.municipality.id);
    const stored = JSON.stringify(state.cases);
    for (const value of SECRET_VALUES) expect(stored).not.toContain(value);
    expect(state.cases[0]?.personHash).toMatch(/^[0-9a-f]{64}$/);
    const [created] = await auditOf(h, tenant.municipality.id, 'case.created');
    expect(created).toMatchObject({ actorUserId: tenant.users.caseworker.id, entityType: 'case', details: { sourceKind: 'direct', personalData: true } });
    expect(JSON.stringify(state.audit)).not.toContain('Mirela');
    expect(h.logs.join('')).not.toContain('Mirela');
  });

  it('opens a case from a concern: facts and person carried over, the concern closed as "case opened", both audited; only once', async () => {
    const tenant = await seedCaseTenant(h);
    const frontline = await signIn(h, tenant.users.frontline);
    const concernResponse = await call(h, frontline, 'POST', '/api/v1/concerns', {
      screeningId: null,
      context: 'refugee_service',
      suspectedForms: ['sexual'],
      facts: { ageBand: '16_17', possibleMinor: true, gender: 'female', nationality: 'NG', sector: 'none', placeKind: 'housing', immediateDanger: false, wantsHelp: 'yes' },
      note: null,
      reporterContact: null,
      person: { name: 'Grace Fiktivsdottir', dateOfBirth: '2009-01-02', phone: null, address: null, other: null },
    });
    expect(concernResponse.statusCode, concernResponse.body).toBe(201);
    const concernId = concernResponse.json<{ id: string }>().id;
    const coordinator = await signIn(h, tenant.users.coordinator);
    const theCase = await openCase(h, coordinator, { source: { kind: 'concern', id: concernId } });
    expect(theCase.sourceKind).toBe('concern');
    expect(theCase.sourceId).toBe(concernId);
    expect(theCase.facts).toMatchObject({ isMinor: true, ageBand: '16_17', nationality: 'NG', exploitationForms: ['sexual'], identifyingService: 'immigrant_service' });
    expect(theCase.person?.name).toBe('Grace Fiktivsdottir');
    expect(theCase.childWelfareReviewDueAt).not.toBeNull();
    expect(theCase.needs.map((need) => need.kind)).toContain('child_welfare');
    const concern = await call(h, coordinator, 'GET', `/api/v1/concerns/${concernId}`);
    expect(concern.json()).toMatchObject({ status: 'closed', closeReason: 'case_opened' });
    expect(await auditOf(h, tenant.municipality.id, 'concern.closed')).toHaveLength(1);
    const again = await call(h, coordinator, 'POST', '/api/v1/cases', { source: { kind: 'concern', id: concernId } });
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('CONFLICT');
    // A caseworker who cannot see the concern cannot open a case from it.
    const hidden = await call(h, await signIn(h, tenant.users.caseworker), 'POST', '/api/v1/cases', { source: { kind: 'tip', id: ZERO } });
    expect(hidden.statusCode).toBe(404);
  });

  it('opens a case from a tip (a minor flagged by the tipster makes a minor case), linked and audited; the frontline role cannot', async () => {
    const tenant = await seedCaseTenant(h);
    const [tip] = await h.deps.db
      .insert(schema.tip)
      .values({
        municipalityId: tenant.municipality.id,
        receiptHash: 'f'.repeat(64),
        language: 'nb',
        placeKind: 'workplace',
        minor: 'yes',
        immediateDanger: false,
        anonymous: true,
        contentEnc: await h.deps.keyring.encrypt(h.deps.db, tenant.municipality.id, 'tip.content', '{}'),
        submittedOn: '2026-01-01',
        lastActivityOn: '2026-01-01',
      })
      .returning();
    const tipId = tip?.id ?? '';
    const coordinator = await signIn(h, tenant.users.coordinator);
    const theCase = await openCase(h, coordinator, { source: { kind: 'tip', id: tipId } });
    expect(theCase).toMatchObject({ sourceKind: 'tip', sourceId: tipId, facts: { isMinor: true } });
    expect((await auditOf(h, tenant.municipality.id, 'case.created'))[0]?.details).toMatchObject({ sourceKind: 'tip', sourceId: tipId });
    expect((await call(h, coordinator, 'POST', '/api/v1/cases', { source: { kind: 'tip', id: tipId } })).statusCode).toBe(409);
    expect((await call(h, coordinator, 'POST', '/api/v1/cases', { source: { kind: 'direct', id: tipId } })).statusCode).toBe(400);
    const frontline = await call(h, await signIn(h, tenant.users.frontline), 'POST', '/api/v1/cases', { source: { kind: 'tip', id: tipId } });
    expect(frontline.statusCode).toBe(403);
    // A caseworker sees only tips assigned to them: another tip is not found, and whether it already has a case is not told.
    const caseworker = await signIn(h, tenant.users.caseworker);
    const unassigned = await call(h, caseworker, 'POST', '/api/v1/cases', { source: { kind: 'tip', id: tipId } });
    expect(unassigned.statusCode).toBe(404);
    expect(errorCode(unassigned)).toBe('NOT_FOUND');
  });

  it('lists cases scoped by team for caseworkers and all for the coordinator', async () => {
    const tenant = await seedCaseTenant(h);
    const caseworker = await signIn(h, tenant.users.caseworker);
    await openCase(h, caseworker);
    const other = await signIn(h, await extraUser(h, tenant, 'caseworker'));
    await openCase(h, other);
    const mine = (await call(h, caseworker, 'GET', '/api/v1/cases')).json<{ total: number; items: { isMember: boolean; openReferrals: number }[] }>();
    expect(mine.total).toBe(1);
    expect(mine.items[0]).toMatchObject({ isMember: true, openReferrals: 0 });
    const coordinator = await signIn(h, tenant.users.coordinator);
    const all = await call(h, coordinator, 'GET', '/api/v1/cases');
    expect(all.json<{ total: number; items: { isMember: boolean }[] }>().items.map((item) => item.isMember)).toEqual([false, false]);
    expect(all.json<{ total: number }>().total).toBe(2);
    expect((await call(h, coordinator, 'GET', '/api/v1/cases?mine=true')).json<{ total: number }>().total).toBe(0);
    const total = async (session: typeof coordinator, query: string) => (await call(h, session, 'GET', `/api/v1/cases${query}`)).json<{ total: number | null; nextCursor: string | null; items: unknown[] }>();
    expect(await total(coordinator, '?status=open')).toMatchObject({ total: 2 });
    expect(await total(coordinator, '?status=closed')).toEqual({ items: [], nextCursor: null, total: 0 });
    expect(await total(caseworker, '?status=open')).toMatchObject({ total: 1 });
    expect(await total(caseworker, '?status=follow_up')).toEqual({ items: [], nextCursor: null, total: 0 });
    // Totals where cheap: a short first page tells its own; a team member's list is counted; the coordinator's full list is not.
    await openCase(h, caseworker);
    expect(await total(coordinator, '?limit=3')).toMatchObject({ total: 3, nextCursor: null });
    expect(await total(coordinator, '?limit=2')).toMatchObject({ total: null, nextCursor: expect.any(String) });
    expect(await total(caseworker, '?limit=1')).toMatchObject({ total: 2, nextCursor: expect.any(String) });
  });
});

describe('case work', () => {
  it('records needs, a safety plan, tasks and journal entries encrypted, each audited', async () => {
    const tenant = await seedCaseTenant(h);
    const session = await signIn(h, tenant.users.caseworker);
    const theCase = await openCase(h, session);
    const steps = [
      { method: 'PUT', url: `/api/v1/cases/${theCase.id}/needs/housing`, body: { status: 'needed', note: 'Trygg adresse hos venninne' }, action: 'case.need.updated' },
      { method: 'PUT', url: `/api/v1/cases/${theCase.id}/safety-plan`, body: { text: 'Trygg adresse hos krisesenteret' }, action: 'case.safety_plan.updated' },
      { method: 'POST', url: `/api/v1/cases/${theCase.id}/tasks`, body: { title: 'Ring NAV om Mirela', ownerUserId: tenant.users.caseworker.id, dueOn: '2020-01-01' }, action: 'case.task.created' },
      { method: 'POST', url: `/api/v1/cases/${theCase.id}/journal`, body: { entryDate: '2026-01-02', text: 'Hemmelig journaltekst' }, action: 'case.journal.added' },
      { method: 'PATCH', url: `/api/v1/cases/${theCase.id}/facts`, body: { reflectionPeriodStart: '2026-01-01', reflectionPeriodEnd: '2026-07-01', policeReportMade: true }, action: 'case.updated' },
      { method: 'PUT', url: `/api/v1/cases/${theCase.id}/status`, body: { status: 'follow_up' }, action: 'case.status.changed' },
    ] as const;
    let latest: Case = theCase;
    for (const step of steps) {
      const response = await call(h, session, step.method, step.url, step.body);
      expect(response.statusCode, `${step.url}: ${response.body}`).toBe(200);
      latest = response.json<Case>();
      expect(await auditOf(h, tenant.municipality.id, step.action), step.action).toHaveLength(1);
    }
    expect(latest.needs.find((need) => need.kind === 'housing')).toMatchObject({ status: 'needed', note: 'Trygg adresse hos venninne' });
    expect(latest.safetyPlan).toBe('Trygg adresse hos krisesenteret');
    expect(latest.tasks[0]).toMatchObject({ title: 'Ring NAV om Mirela', overdue: true });
    expect(latest.journal[0]).toMatchObject({ text: 'Hemmelig journaltekst' });
    expect(latest.facts.policeReportMade).toBe(true);
    expect(latest.status).toBe('follow_up');
    const taskDone = await call(h, session, 'PATCH', `/api/v1/cases/${theCase.id}/tasks/${latest.tasks[0]?.id ?? ''}`, { done: true });
    expect(taskDone.json<Case>().tasks[0]?.doneAt).not.toBeNull();
    const stored = JSON.stringify(await caseState(h, tenant.municipality.id));
    for (const value of SECRET_VALUES) expect(stored).not.toContain(value);
    expect(stored).not.toContain('Ring NAV');
  });

  it('closes only with a reason, refuses edits when closed, reopens with a reason; both audited', async () => {
    const tenant = await seedCaseTenant(h);
    const session = await signIn(h, tenant.users.caseworker);
    const theCase = await openCase(h, session);
    const closed = await call(h, session, 'POST', `/api/v1/cases/${theCase.id}/closure`, { status: 'closed_referred', reason: 'Flyttet til annen kommune', outcome: 'referred_elsewhere' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<Case>()).toMatchObject({ status: 'closed_referred', closeReason: 'Flyttet til annen kommune', facts: { outcome: 'referred_elsewhere' } });
    const edit = await call(h, session, 'POST', `/api/v1/cases/${theCase.id}/journal`, { entryDate: '2026-01-02', text: 'x' });
    expect(edit.statusCode).toBe(409);
    const reopened = await call(h, session, 'POST', `/api/v1/cases/${theCase.id}/reopening`, { reason: 'Tok kontakt igjen' });
    expect(reopened.json<Case>()).toMatchObject({ status: 'open', closedAt: null, closeReason: null, reopenReason: 'Tok kontakt igjen' });
    expect(JSON.stringify(await caseState(h, tenant.municipality.id))).not.toContain('Tok kontakt');
    expect(await auditOf(h, tenant.municipality.id, 'case.closed')).toHaveLength(1);
    expect(await auditOf(h, tenant.municipality.id, 'case.reopened')).toHaveLength(1);
  });

  it('manages the team: the owner adds a caseworker, who then sees the case; the owner cannot be removed', async () => {
    const tenant = await seedCaseTenant(h);
    const owner = await signIn(h, tenant.users.caseworker);
    const theCase = await openCase(h, owner);
    const colleague = await extraUser(h, tenant, 'caseworker');
    const added = await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/members`, { userId: colleague.id });
    expect(added.json<Case>().team).toHaveLength(2);
    const colleagueSession = await signIn(h, colleague);
    expect((await call(h, colleagueSession, 'GET', `/api/v1/cases/${theCase.id}`)).json<Case>().person?.name).toBe(PERSON.name);
    const removeOwner = await call(h, colleagueSession, 'DELETE', `/api/v1/cases/${theCase.id}/members/${tenant.users.caseworker.id}`);
    expect(removeOwner.statusCode).toBe(403);
    await call(h, owner, 'DELETE', `/api/v1/cases/${theCase.id}/members/${colleague.id}`);
    expect((await call(h, colleagueSession, 'GET', `/api/v1/cases/${theCase.id}`)).statusCode).toBe(404);
    expect(await auditOf(h, tenant.municipality.id, 'case.member.added')).toHaveLength(1);
    expect(await auditOf(h, tenant.municipality.id, 'case.member.removed')).toHaveLength(1);
  });

  it('refuses a coordinator who adds themselves to the team (403 SELF_ADD_TO_TEAM), writes nothing and audits nothing', async () => {
    const tenant = await seedCaseTenant(h);
    const theCase = await openCase(h, await signIn(h, tenant.users.caseworker));
    const coordinator = await signIn(h, tenant.users.coordinator);
    const before = await caseState(h, tenant.municipality.id);
    const response = await call(h, coordinator, 'POST', `/api/v1/cases/${theCase.id}/members`, { userId: tenant.users.coordinator.id });
    expect(response.statusCode).toBe(403);
    expect(errorCode(response)).toBe('SELF_ADD_TO_TEAM');
    expect(response.json<{ error: { message: string } }>().error.message).toMatch(/break-glass/);
    expect(await caseState(h, tenant.municipality.id)).toEqual(before);
    expect(await auditOf(h, tenant.municipality.id, 'case.member.added')).toHaveLength(0);
    // Still no personal data for the coordinator.
    expect((await call(h, coordinator, 'GET', `/api/v1/cases/${theCase.id}`)).json<Case>()).toMatchObject({ isMember: false, person: null });
  });

  it('refuses the owner adding themselves too, while a coordinator added by the owner joins the team', async () => {
    const tenant = await seedCaseTenant(h);
    const owner = await signIn(h, tenant.users.caseworker);
    const theCase = await openCase(h, owner);
    const before = await caseState(h, tenant.municipality.id);
    const self = await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/members`, { userId: tenant.users.caseworker.id });
    expect(errorCode(self)).toBe('SELF_ADD_TO_TEAM');
    expect(await caseState(h, tenant.municipality.id)).toEqual(before);
    const added = await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/members`, { userId: tenant.users.coordinator.id });
    expect(added.statusCode).toBe(200);
    expect(added.json<Case>().team.map((member) => member.userId)).toContain(tenant.users.coordinator.id);
    const coordinator = await signIn(h, tenant.users.coordinator);
    expect((await call(h, coordinator, 'GET', `/api/v1/cases/${theCase.id}`)).json<Case>().person?.name).toBe(PERSON.name);
    expect(await auditOf(h, tenant.municipality.id, 'case.member.added')).toEqual([expect.objectContaining({ details: { userId: tenant.users.coordinator.id } })]);
  });
});

describe('protection of the data', () => {
  it('shows the coordinator coded facts only; break-glass needs a reason, is time-limited, flagged and shown to the owner', async () => {
    const tenant = await seedCaseTenant(h);
    const owner = await signIn(h, tenant.users.caseworker);
    const theCase = await openCase(h, owner);
    const coordinator = await signIn(h, tenant.users.coordinator);
    const overseen = (await call(h, coordinator, 'GET', `/api/v1/cases/${theCase.id}`)).json<Case>();
    expect(overseen.person).toBeNull();
    expect(overseen.journal).toEqual([]);
    expect(overseen.abilities).toMatchObject({ readPersonalData: false, breakGlass: true, viewReadLog: true });
    const noReason = await call(h, coordinator, 'POST', `/api/v1/cases/${theCase.id}/break-glass`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    const opened = await call(h, coordinator, 'POST', `/api/v1/cases/${theCase.id}/break-glass`, { reason: 'Politiet melder akutt fare' });
    expect(opened.statusCode, opened.body).toBe(200);
    const glass = opened.json<Case>();
    expect(glass.person?.name).toBe(PERSON.name);
    const until = Date.parse(glass.breakGlassUntil ?? '');
    expect(until - Date.now()).toBeGreaterThan(3.9 * 3_600_000);
    expect(until - Date.now()).toBeLessThanOrEqual(4 * 3_600_000);
    const [event] = await auditOf(h, tenant.municipality.id, 'case.break_glass');
    expect(event?.details).toMatchObject({ flagged: true, ownerUserId: tenant.users.caseworker.id });
    expect(JSON.stringify(event)).not.toContain('akutt');
    const read = (await call(h, coordinator, 'GET', `/api/v1/cases/${theCase.id}`)).json<Case>();
    expect(read.person?.name).toBe(PERSON.name);
    const reminders = (await call(h, owner, 'GET', '/api/v1/cases/reminders')).json<{ items: { kind: string }[] }>();
    expect(reminders.items.map((item) => item.kind)).toContain('break_glass');
    // The grant expires: move it into the past and the personal data is gone again.
    await h.deps.db.update(schema.caseAccessGrant).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schema.caseAccessGrant.caseId, theCase.id));
    expect((await call(h, coordinator, 'GET', `/api/v1/cases/${theCase.id}`)).json<Case>().person).toBeNull();
  });

  it('audits every read and lets the coordinator see who has read the case', async () => {
    const tenant = await seedCaseTenant(h);
    const owner = await signIn(h, tenant.users.caseworker);
    const theCase = await openCase(h, owner);
    await call(h, owner, 'GET', `/api/v1/cases/${theCase.id}`);
    const coordinator = await signIn(h, tenant.users.coordinator);
    await call(h, coordinator, 'POST', `/api/v1/cases/${theCase.id}/break-glass`, { reason: 'Tilsyn' });
    await call(h, coordinator, 'GET', `/api/v1/cases/${theCase.id}`);
    const reads = await call(h, coordinator, 'GET', `/api/v1/cases/${theCase.id}/reads`);
    expect(reads.statusCode).toBe(200);
    const items = reads.json<{ items: { user: { id: string } | null; action: string; breakGlass: boolean }[] }>().items;
    expect(items.map((item) => item.action)).toEqual(['case.viewed', 'case.break_glass', 'case.viewed']);
    expect(items[0]).toMatchObject({ user: { id: tenant.users.coordinator.id }, breakGlass: true });
    expect(items[1]).toMatchObject({ user: { id: tenant.users.coordinator.id }, breakGlass: true });
    expect(items[2]).toMatchObject({ user: { id: tenant.users.caseworker.id }, breakGlass: false });
    expect(await auditOf(h, tenant.municipality.id, 'case.reads.viewed')).toHaveLength(1);
    // The owner (a caseworker) may not see the read log.
    expect((await call(h, owner, 'GET', `/api/v1/cases/${theCase.id}/reads`)).statusCode).toBe(403);
  });

  it('finds duplicates by keyed hash of normalised name and birth date, for the coordinator only', async () => {
    const tenant = await seedCaseTenant(h);
    const owner = await signIn(h, tenant.users.caseworker);
    const first = await openCase(h, owner);
    await openCase(h, owner, directCaseBody({ person: { ...PERSON, name: 'testfiktiv,  MIRELA' } }));
    await openCase(h, owner, directCaseBody({ person: { ...PERSON, dateOfBirth: '1998-07-15' } }));
    const coordinator = await signIn(h, tenant.users.coordinator);
    const duplicates = await call(h, coordinator, 'GET', `/api/v1/cases/${first.id}/duplicates`);
    expect(duplicates.json<{ items: unknown[] }>().items).toHaveLength(1);
    expect(await auditOf(h, tenant.municipality.id, 'case.duplicates.viewed')).toHaveLength(1);
    const other = await seedCaseTenant(h);
    await openCase(h, await signIn(h, other.users.caseworker));
    // The same person in another municipality is never a match (another key).
    expect((await call(h, coordinator, 'GET', `/api/v1/cases/${first.id}/duplicates`)).json<{ items: unknown[] }>().items).toHaveLength(1);
  });

  it('exports a PDF for the team, audited with the purpose; not for a partner or an outsider', async () => {
    const tenant = await seedCaseTenant(h);
    const owner = await signIn(h, tenant.users.caseworker);
    const theCase = await openCase(h, owner);
    const response = await call(h, owner, 'GET', `/api/v1/cases/${theCase.id}/export?purpose=data_subject`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const [event] = await auditOf(h, tenant.municipality.id, 'case.exported');
    expect(event?.details).toMatchObject({ purpose: 'data_subject', format: 'pdf' });
    const coordinator = await signIn(h, tenant.users.coordinator);
    expect((await call(h, coordinator, 'GET', `/api/v1/cases/${theCase.id}/export?purpose=data_subject`)).statusCode).toBe(403);
    // The old "for the police" copy of everything is gone: a recipient export goes through the consent and legal-basis check.
    expect(errorCode(await call(h, owner, 'GET', `/api/v1/cases/${theCase.id}/export?purpose=police`))).toBe('VALIDATION_ERROR');
  });

  it('erases personal data on request, keeping the coded facts; audited; the case then refuses edits and export', async () => {
    const tenant = await seedCaseTenant(h);
    const owner = await signIn(h, tenant.users.caseworker);
    const theCase = await openCase(h, owner);
    await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/journal`, { entryDate: '2026-01-02', text: 'Hemmelig journaltekst' });
    const coordinator = await signIn(h, tenant.users.coordinator);
    const erased = await call(h, coordinator, 'POST', `/api/v1/cases/${theCase.id}/erasure`, { reason: 'Krav fra den registrerte' });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json<Case>()).toMatchObject({ person: null, personalDataErased: true, erasureReason: 'Krav fra den registrerte', facts: { nationality: 'RO', exploitationForms: ['labour'] } });
    expect((await call(h, owner, 'GET', `/api/v1/cases/${theCase.id}`)).json<Case>().erasureReason).toBeNull();
    const state = await caseState(h, tenant.municipality.id);
    expect(state.cases[0]).toMatchObject({ personEnc: null, personHash: null, nationality: 'RO' });
    expect(JSON.stringify(state.cases)).not.toContain('Krav fra');
    expect(state.journal).toEqual([]);
    expect((await auditOf(h, tenant.municipality.id, 'case.personal.erased'))[0]?.details).toMatchObject({ trigger: 'request' });
    expect((await call(h, owner, 'GET', `/api/v1/cases/${theCase.id}`)).json<Case>().person).toBeNull();
    expect((await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/journal`, { entryDate: '2026-01-02', text: 'x' })).statusCode).toBe(409);
    expect((await call(h, owner, 'GET', `/api/v1/cases/${theCase.id}/export?purpose=data_subject`)).statusCode).toBe(403);
    // It can still be closed, without keeping the reason text.
    const closed = await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/closure`, { status: 'closed', reason: 'Avsluttet etter sletting' });
    expect(closed.json<Case>()).toMatchObject({ status: 'closed', closeReason: null });
    expect(JSON.stringify(await caseState(h, tenant.municipality.id))).not.toContain('Avsluttet etter');
    expect((await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/closure`, { status: 'closed', reason: 'igjen' })).statusCode).toBe(409);
  });

  it('sets the retention period (coordinator, audited)', async () => {
    const tenant = await seedCaseTenant(h);
    const coordinator = await signIn(h, tenant.users.coordinator);
    expect((await call(h, coordinator, 'GET', '/api/v1/cases/settings')).json()).toEqual({ retentionMonths: 24 });
    expect((await call(h, coordinator, 'PUT', '/api/v1/cases/settings', { retentionMonths: 0 })).statusCode).toBe(400);
    expect((await call(h, coordinator, 'PUT', '/api/v1/cases/settings', { retentionMonths: 12 })).json()).toEqual({ retentionMonths: 12 });
    expect(await auditOf(h, tenant.municipality.id, 'case.settings.updated')).toHaveLength(1);
  });
});

describe('reminders', () => {
  it('raises the reflection period end, the child-welfare review, overdue tasks and overdue referral answers', async () => {
    const tenant = await seedCaseTenant(h);
    const owner = await signIn(h, tenant.users.caseworker);
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const theCase = await openCase(h, owner, directCaseBody({ facts: { isMinor: true, ageBand: '16_17', reflectionPeriodStart: '2026-01-01', reflectionPeriodEnd: soon } }));
    await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/tasks`, { title: 'Søk om tolk', ownerUserId: tenant.users.caseworker.id, dueOn: '2020-01-01' });
    const { organisation } = await seedPartnerOrganisation(h, tenant, 'child_welfare', 'Barnevernstjenesten Test');
    const notified = await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/referrals`, { organisationId: organisation.id, needKind: 'child_welfare', dataCategories: ['age_band'], consentId: null, legalBasis: 'child_welfare_notification', legalBasisReason: 'Meldeplikt til barnevernet' });
    expect(notified.statusCode, notified.body).toBe(200);
    await h.deps.db.update(schema.caseReferral).set({ answerDueAt: new Date(Date.now() - 1000) }).where(eq(schema.caseReferral.caseId, theCase.id));
    const reminders = (await call(h, owner, 'GET', '/api/v1/cases/reminders')).json<{ items: { kind: string; caseId: string }[] }>();
    expect(reminders.items.map((item) => item.kind).sort()).toEqual(['child_welfare_review', 'referral_overdue', 'reflection_period_ending', 'task_due']);
    // Child welfare under way clears its reminder.
    await call(h, owner, 'PUT', `/api/v1/cases/${theCase.id}/needs/child_welfare`, { status: 'in_progress', note: null });
    const after = (await call(h, owner, 'GET', '/api/v1/cases/reminders')).json<{ items: { kind: string }[] }>();
    expect(after.items.map((item) => item.kind)).not.toContain('child_welfare_review');
    // Another caseworker gets none of these.
    const other = await signIn(h, await extraUser(h, tenant, 'caseworker'));
    expect((await call(h, other, 'GET', '/api/v1/cases/reminders')).json()).toEqual({ items: [] });
  });
});

describe('the days of tasks and deadlines are days in Norway', () => {
  it('just after midnight there (the UTC date still yesterday): a task due today is not overdue, one due yesterday is, and the due-soon window counts from today', async () => {
    const tenant = await seedCaseTenant(h);
    const owner = await signIn(h, tenant.users.caseworker);
    const { at, norwegianToday, dayPlus } = justAfterNorwegianMidnight();
    const yesterday = dayPlus(-1);
    const lastDueDay = dayPlus(CASE_TASK_DUE_DAYS);
    const theCase = await openCase(h, owner, directCaseBody({ facts: { reflectionPeriodStart: '2026-01-01', reflectionPeriodEnd: yesterday } }));
    for (const [title, dueOn] of [['I dag', norwegianToday], ['I går', yesterday], ['Siste dag i vinduet', lastDueDay]] as const) {
      const created = await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/tasks`, { title, ownerUserId: tenant.users.caseworker.id, dueOn });
      expect(created.statusCode, created.body).toBe(200);
    }
    // Two more cases, each with one task: due on the window's last day, and the day after.
    const edge = await openCase(h, owner);
    const beyond = await openCase(h, owner);
    for (const [which, dueOn] of [[edge, lastDueDay], [beyond, dayPlus(CASE_TASK_DUE_DAYS + 1)]] as const) {
      expect((await call(h, owner, 'POST', `/api/v1/cases/${which.id}/tasks`, { title: 'Frist', ownerUserId: tenant.users.caseworker.id, dueOn })).statusCode).toBe(200);
    }
    vi.useFakeTimers({ toFake: ['Date'], now: at });
    try {
      const shown = (await call(h, owner, 'GET', `/api/v1/cases/${theCase.id}`)).json<Case>();
      expect(Object.fromEntries(shown.tasks.map((task) => [task.title, task.overdue]))).toEqual({ 'I dag': false, 'I går': true, 'Siste dag i vinduet': false });
      const reminders = (await call(h, owner, 'GET', '/api/v1/cases/reminders')).json<{ items: { kind: string; caseId: string; dueAt: string; overdue: boolean }[] }>();
      const ofCase = reminders.items.filter((item) => item.caseId === theCase.id);
      expect(ofCase.filter((item) => item.kind === 'task_due').map((item) => [item.dueAt.slice(0, 10), item.overdue]).sort()).toEqual(
        [[norwegianToday, false], [yesterday, true], [lastDueDay, false]].sort(),
      );
      expect(ofCase.find((item) => item.kind === 'reflection_period_ending')?.overdue).toBe(true);
      const due = (await call(h, owner, 'GET', '/api/v1/cases?tasks=due')).json<{ items: { id: string }[] }>();
      expect(due.items.map((item) => item.id)).toEqual(expect.arrayContaining([theCase.id, edge.id]));
      expect(due.items.map((item) => item.id)).not.toContain(beyond.id);
    } finally {
      vi.useRealTimers();
    }
  });
});
