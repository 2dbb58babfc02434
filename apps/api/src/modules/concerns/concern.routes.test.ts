import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, schema } from '@lykt/db';
import { ROLE_PERMISSIONS, ROLES } from '@lykt/shared';
import { call, createHarness, errorCode, seedTenant, signIn, type Session, type TestHarness } from '../../../test/harness';
import { seedCapabilities } from '../../platform/seed-capabilities';
import { screeningBody } from '../screening/screening.fixtures';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const seed = () => seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });

/** Identifying values: never in the database in plaintext, never in the audit log. */
const PERSON = { name: 'Ioana Fiktiv', dateOfBirth: '2011-03-04', phone: '+47 400 11 222', address: 'Fiktivveien 7', other: 'Grønn jakke' };
const SECRET_VALUES = ['Ioana', 'Fiktiv', '2011-03-04', '400 11 222', 'Fiktivveien', 'Grønn jakke', 'nurse.direct@', 'Worried about'];

const directFacts = { ageBand: '25_39', possibleMinor: false, gender: 'male', nationality: null, sector: 'construction', placeKind: 'workplace', immediateDanger: false, wantsHelp: 'yes' };

function concernBody(overrides: Record<string, unknown> = {}) {
  return {
    screeningId: null,
    context: 'health',
    suspectedForms: ['labour'],
    facts: directFacts,
    note: 'Worried about the man who came with a cut hand.',
    reporterContact: { phone: '+47 99 88 77 66', email: 'nurse.direct@example.invalid' },
    person: PERSON,
    ...overrides,
  };
}

async function dbState(municipalityId: string) {
  const [concerns, messages, audit] = await Promise.all([
    h.deps.db.select().from(schema.concern).where(eq(schema.concern.municipalityId, municipalityId)).orderBy(asc(schema.concern.id)),
    h.deps.db.select().from(schema.concernMessage).where(eq(schema.concernMessage.municipalityId, municipalityId)).orderBy(asc(schema.concernMessage.id)),
    h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq)),
  ]);
  return { concerns, messages, audit };
}

async function create(session: Session, body: Record<string, unknown> = concernBody()) {
  const response = await call(h, session, 'POST', '/api/v1/concerns', body);
  expect(response.statusCode, response.body).toBe(201);
  const created: { id: string; status: string; possibleMinor: boolean; childWelfareDueAt: string | null } = response.json();
  return created;
}

async function otherFrontline(tenant: Awaited<ReturnType<typeof seed>>) {
  return buildUser(h.deps.db, seedCapabilities(h.deps.keyring), {
    municipalityId: tenant.municipality.id,
    organisationId: tenant.organisation.id,
    role: 'frontline',
    email: `frontline2-${tenant.municipality.id}@example.invalid`,
  });
}

function endpoints(id: string, caseworkerId: string) {
  return [
    { method: 'POST', url: '/api/v1/concerns', body: concernBody(), permission: 'concerns:create' },
    { method: 'GET', url: '/api/v1/concerns', permission: 'concerns:read' },
    { method: 'GET', url: '/api/v1/concerns/assignees', permission: 'concerns:triage' },
    { method: 'GET', url: `/api/v1/concerns/${id}`, permission: 'concerns:read' },
    { method: 'GET', url: `/api/v1/concerns/${id}/identifying-details`, permission: 'concerns:read' },
    { method: 'POST', url: `/api/v1/concerns/${id}/assignment`, body: { caseworkerId }, permission: 'concerns:triage' },
    { method: 'POST', url: `/api/v1/concerns/${id}/questions`, body: { text: 'Hvor møtte du personen?' }, permission: 'concerns:triage' },
    { method: 'POST', url: `/api/v1/concerns/${id}/answers`, body: { text: 'På legevakten.' }, permission: 'concerns:create' },
    { method: 'POST', url: `/api/v1/concerns/${id}/closure`, body: { reason: 'no_indication' }, permission: 'concerns:triage' },
  ] as const;
}

describe('access to concerns', () => {
  it('answers 401 without a session on every endpoint, and writes nothing', async () => {
    const tenant = await seed();
    const concern = await create(await signIn(h, tenant.users.frontline));
    const before = await dbState(tenant.municipality.id);
    for (const endpoint of endpoints(concern.id, tenant.users.caseworker.id)) {
      const response = await call(h, null, endpoint.method, endpoint.url, 'body' in endpoint ? endpoint.body : undefined);
      expect(response.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(401);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
    }
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });

  it.each(ROLES)('answers 403 to a %s on the endpoints its role lacks, and writes nothing', async (role) => {
    const tenant = await seed();
    const concern = await create(await signIn(h, tenant.users.frontline));
    const session = await signIn(h, tenant.users[role]);
    const before = await dbState(tenant.municipality.id);
    for (const endpoint of endpoints(concern.id, tenant.users.caseworker.id)) {
      if (ROLE_PERMISSIONS[role].includes(endpoint.permission)) continue;
      const response = await call(h, session, endpoint.method, endpoint.url, 'body' in endpoint ? endpoint.body : undefined);
      expect(response.statusCode, `${role} ${endpoint.method} ${endpoint.url}`).toBe(403);
      expect(errorCode(response)).toBe('FORBIDDEN');
    }
    expect((await dbState(tenant.municipality.id)).concerns).toEqual(before.concerns);
  });

  it("answers 404 on every concern endpoint for another municipality's concern, and writes nothing there", async () => {
    const tenant = await seed();
    const concern = await create(await signIn(h, tenant.users.frontline));
    const stranger = await seed();
    const session = await signIn(h, stranger.users.coordinator);
    const before = await dbState(tenant.municipality.id);
    for (const endpoint of endpoints(concern.id, stranger.users.caseworker.id)) {
      if (!endpoint.url.includes(concern.id) || endpoint.url.endsWith('/answers')) continue;
      const response = await call(h, session, endpoint.method, endpoint.url, 'body' in endpoint ? endpoint.body : undefined);
      expect(response.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(404);
      expect(errorCode(response)).toBe('NOT_FOUND');
    }
    expect(await dbState(tenant.municipality.id)).toEqual(before);
    expect((await call(h, session, 'GET', '/api/v1/concerns')).json().total).toBe(0);
  });

  it("answers 404 to a frontline user reading another's concern, and lists only their own", async () => {
    const tenant = await seed();
    const concern = await create(await signIn(h, tenant.users.frontline));
    const other = await signIn(h, await otherFrontline(tenant));
    for (const url of [`/api/v1/concerns/${concern.id}`, `/api/v1/concerns/${concern.id}/identifying-details`]) {
      const response = await call(h, other, 'GET', url);
      expect(response.statusCode, url).toBe(404);
    }
    const answer = await call(h, other, 'POST', `/api/v1/concerns/${concern.id}/answers`, { text: 'x' });
    expect(answer.statusCode).toBe(404);
    expect((await call(h, other, 'GET', '/api/v1/concerns')).json()).toEqual({ items: [], nextCursor: null, total: 0 });
    // A caseworker who is not assigned does not see it either.
    expect((await call(h, await signIn(h, tenant.users.caseworker), 'GET', `/api/v1/concerns/${concern.id}`)).statusCode).toBe(404);
  });
});

describe('send a concern', () => {
  it('stores identifying details encrypted and audits without them', async () => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.frontline);
    const concern = await create(session);
    expect(concern.status).toBe('new');
    expect(concern.possibleMinor).toBe(false);
    expect(concern.childWelfareDueAt).toBeNull();
    const state = await dbState(tenant.municipality.id);
    const stored = JSON.stringify(state.concerns);
    for (const secret of SECRET_VALUES) expect(stored).not.toContain(secret);
    expect(state.concerns[0]?.personEnc).toMatch(/^v1:/);
    const created = state.audit.find((event) => event.action === 'concern.created');
    expect(created?.details).toMatchObject({ personDetails: true, reporterContact: true, note: true, fromScreening: false });
    for (const secret of SECRET_VALUES) expect(JSON.stringify(state.audit)).not.toContain(secret);
    // The reporter sees the status, not the identifying details.
    const own = await call(h, session, 'GET', `/api/v1/concerns/${concern.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ status: 'new', mine: true, hasPersonDetails: true });
    for (const secret of SECRET_VALUES) expect(own.body).not.toContain(secret);
    const details = await call(h, session, 'GET', `/api/v1/concerns/${concern.id}/identifying-details`);
    expect(details.statusCode).toBe(403);
    expect(JSON.stringify(h.logs)).not.toContain('Ioana');
  });

  it('takes the facts and profile of a screening, flags a possible minor and sets the one-week child-welfare deadline', async () => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.frontline);
    const screening = (await call(h, session, 'POST', '/api/v1/screenings', screeningBody())).json();
    const concern = await create(session, { screeningId: screening.id, person: null, reporterContact: null, note: null });
    expect(concern.possibleMinor).toBe(true);
    const due = new Date(concern.childWelfareDueAt ?? 0).getTime() - Date.now();
    expect(due).toBeGreaterThan(6.9 * 86_400_000);
    expect(due).toBeLessThanOrEqual(7 * 86_400_000);
    const full = (await call(h, session, 'GET', `/api/v1/concerns/${concern.id}`)).json();
    expect(full.screeningId).toBe(screening.id);
    expect(full.profile.catalogueVersion).toBe(screening.catalogueVersion);
    expect(full.hasPersonDetails).toBe(false);
  });

  it.each([
    ['no context and no screening', concernBody({ context: null }), 'context'],
    ['no facts and no screening', concernBody({ facts: null }), 'facts'],
    ['an age band out of range', concernBody({ facts: { ...directFacts, ageBand: '-1' } }), 'facts.ageBand'],
    ['a malformed phone', concernBody({ person: { ...PERSON, phone: 'call me' } }), 'person.phone'],
    ['a date of birth that is no date', concernBody({ person: { ...PERSON, dateOfBirth: '31.02.2011' } }), 'person.dateOfBirth'],
    ['an unknown field', concernBody({ personalNumber: '01010112345' }), 'body'],
    ['a note that is too long', concernBody({ note: 'x'.repeat(2001) }), 'note'],
  ])('answers 400 VALIDATION_ERROR for %s, and writes nothing', async (_name, body, field) => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.frontline);
    const before = await dbState(tenant.municipality.id);
    const response = await call(h, session, 'POST', '/api/v1/concerns', body);
    expect(response.statusCode, response.body).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_ERROR');
    expect(JSON.stringify(response.json().error.details)).toContain(field);
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });

  it("answers 404 for another user's screening, and writes nothing", async () => {
    const tenant = await seed();
    const screening = (await call(h, await signIn(h, tenant.users.frontline), 'POST', '/api/v1/screenings', screeningBody())).json();
    const other = await signIn(h, await otherFrontline(tenant));
    const before = await dbState(tenant.municipality.id);
    const response = await call(h, other, 'POST', '/api/v1/concerns', concernBody({ screeningId: screening.id }));
    expect(response.statusCode).toBe(404);
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });
});

describe('triage', () => {
  it('lets the coordinator read the details (audited), ask the reporter, assign a caseworker and close with a reason', async () => {
    const tenant = await seed();
    const reporter = await signIn(h, tenant.users.frontline);
    const concern = await create(reporter);
    const coordinator = await signIn(h, tenant.users.coordinator);

    const inbox = (await call(h, coordinator, 'GET', '/api/v1/concerns?status=new')).json();
    expect(inbox.items.map((item: { id: string }) => item.id)).toEqual([concern.id]);
    expect(inbox.items[0]).toMatchObject({ reporterName: tenant.users.frontline.name, mine: false });

    const details = await call(h, coordinator, 'GET', `/api/v1/concerns/${concern.id}/identifying-details`);
    expect(details.statusCode).toBe(200);
    expect(details.json()).toMatchObject({ person: PERSON, reporterContact: { email: 'nurse.direct@example.invalid' }, note: expect.stringContaining('Worried') });
    let audit = (await dbState(tenant.municipality.id)).audit;
    expect(audit.filter((event) => event.action === 'concern.details.viewed' && event.entityId === concern.id && event.actorUserId === tenant.users.coordinator.id)).toHaveLength(1);

    const asked = await call(h, coordinator, 'POST', `/api/v1/concerns/${concern.id}/questions`, { text: 'Hvor møtte du personen?' });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().status).toBe('awaiting_reporter');
    const reporterView = (await call(h, reporter, 'GET', `/api/v1/concerns/${concern.id}`)).json();
    expect(reporterView.messages).toEqual([expect.objectContaining({ kind: 'question', text: 'Hvor møtte du personen?' })]);
    const answered = await call(h, reporter, 'POST', `/api/v1/concerns/${concern.id}/answers`, { text: 'På legevakten.' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().status).toBe('in_progress');
    expect((await call(h, reporter, 'POST', `/api/v1/concerns/${concern.id}/answers`, { text: 'Igjen' })).statusCode).toBe(409);
    const storedMessages = JSON.stringify((await dbState(tenant.municipality.id)).messages);
    expect(storedMessages).not.toContain('legevakten');

    const assigned = await call(h, coordinator, 'POST', `/api/v1/concerns/${concern.id}/assignment`, { caseworkerId: tenant.users.caseworker.id });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().assignedTo).toEqual({ id: tenant.users.caseworker.id, name: tenant.users.caseworker.name });
    // The assigned caseworker now sees the concern and its details (audited); the reporter never sees the details.
    const caseworker = await signIn(h, tenant.users.caseworker);
    expect((await call(h, caseworker, 'GET', `/api/v1/concerns/${concern.id}/identifying-details`)).statusCode).toBe(200);
    audit = (await dbState(tenant.municipality.id)).audit;
    expect(audit.some((event) => event.action === 'concern.details.viewed' && event.actorUserId === tenant.users.caseworker.id)).toBe(true);

    const closed = await call(h, coordinator, 'POST', `/api/v1/concerns/${concern.id}/closure`, { reason: 'case_opened' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closeReason: 'case_opened' });
    const mine = (await call(h, reporter, 'GET', '/api/v1/concerns')).json();
    expect(mine.items[0]).toMatchObject({ id: concern.id, status: 'closed', closeReason: 'case_opened' });

    audit = (await dbState(tenant.municipality.id)).audit;
    for (const action of ['concern.created', 'concern.viewed', 'concern.question.asked', 'concern.question.answered', 'concern.assigned', 'concern.closed']) {
      expect(audit.some((event) => event.action === action && event.entityId === concern.id), action).toBe(true);
    }
    for (const secret of SECRET_VALUES) expect(JSON.stringify(audit)).not.toContain(secret);
    expect(JSON.stringify(audit)).not.toContain('legevakten');

    const again = await call(h, coordinator, 'POST', `/api/v1/concerns/${concern.id}/closure`, { reason: 'no_indication' });
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('CONFLICT');
  });

  it.each([
    ['assign to a frontline user', 'assignment', (t: Awaited<ReturnType<typeof seed>>) => ({ caseworkerId: t.users.frontline.id }), 400],
    ['assign to a user of another municipality', 'assignment', () => ({ caseworkerId: '00000000-0000-4000-8000-000000000000' }), 400],
    ['close with an unknown reason', 'closure', () => ({ reason: 'bored' }), 400],
    ['ask an empty question', 'questions', () => ({ text: '   ' }), 400],
  ] as const)('answers 400 when they %s, and writes nothing', async (_name, path, body, status) => {
    const tenant = await seed();
    const concern = await create(await signIn(h, tenant.users.frontline));
    const coordinator = await signIn(h, tenant.users.coordinator);
    const before = await dbState(tenant.municipality.id);
    const response = await call(h, coordinator, 'POST', `/api/v1/concerns/${concern.id}/${path}`, body(tenant));
    expect(response.statusCode, response.body).toBe(status);
    expect(errorCode(response)).toBe('VALIDATION_ERROR');
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });

  it('lists the assignees: active caseworkers and coordinators only', async () => {
    const tenant = await seed();
    const response = await call(h, await signIn(h, tenant.users.coordinator), 'GET', '/api/v1/concerns/assignees');
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((item: { id: string }) => item.id).sort()).toEqual([tenant.users.caseworker.id, tenant.users.coordinator.id].sort());
  });
});
