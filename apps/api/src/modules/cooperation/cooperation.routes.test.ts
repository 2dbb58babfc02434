import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, schema } from '@lykt/db';
import { ROLE_PERMISSIONS, ROLES, type Permission, todayInNorway } from '@lykt/shared';
import { call, createHarness, errorCode, seedTenant, signIn, type TestHarness, expectEachForbidden } from '../../../test/harness';
import { seedCapabilities } from '../../platform/seed-capabilities';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

async function world() {
  const tenant = await seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
  const police = await buildOrganisation(h.deps.db, tenant.municipality.id, { name: 'Politiet', kind: 'police', isInternal: false });
  const business = await buildOrganisation(h.deps.db, tenant.municipality.id, { name: 'Næringsforeningen', kind: 'business', isInternal: false });
  const caps = seedCapabilities(h.deps.keyring);
  const policeUser = await buildUser(h.deps.db, caps, { municipalityId: tenant.municipality.id, organisationId: police.id, role: 'partner' });
  const businessUser = await buildUser(h.deps.db, caps, { municipalityId: tenant.municipality.id, organisationId: business.id, role: 'partner' });
  const coordinator = await signIn(h, tenant.users.coordinator);
  return { tenant, police, business, policeUser, businessUser, coordinator, municipalityId: tenant.municipality.id };
}
type World = Awaited<ReturnType<typeof world>>;

async function dbState(municipalityId: string) {
  const by = <T extends { municipalityId: unknown }>(table: T) => eq(table.municipalityId as never, municipalityId);
  return {
    members: await h.deps.db.select().from(schema.coopMember).where(by(schema.coopMember)).orderBy(asc(schema.coopMember.id)),
    routing: await h.deps.db.select().from(schema.routingEntry).where(by(schema.routingEntry)).orderBy(asc(schema.routingEntry.id)),
    meetings: await h.deps.db.select().from(schema.coopMeeting).where(by(schema.coopMeeting)).orderBy(asc(schema.coopMeeting.id)),
    attendance: await h.deps.db.select().from(schema.coopMeetingAttendance).where(by(schema.coopMeetingAttendance)).orderBy(asc(schema.coopMeetingAttendance.id)),
    items: await h.deps.db.select().from(schema.coopMeetingItem).where(by(schema.coopMeetingItem)).orderBy(asc(schema.coopMeetingItem.id)),
    actions: await h.deps.db.select().from(schema.coopActionItem).where(by(schema.coopActionItem)).orderBy(asc(schema.coopActionItem.id)),
    updates: await h.deps.db.select().from(schema.planMeasureUpdate).where(by(schema.planMeasureUpdate)).orderBy(asc(schema.planMeasureUpdate.id)),
    audit: await h.deps.db.select({ id: schema.auditEvent.id }).from(schema.auditEvent).where(by(schema.auditEvent)),
  };
}

async function auditEvents(municipalityId: string, action: string) {
  const rows = await h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq));
  return rows.filter((row) => row.action === action);
}

const memberBody = (w: World, overrides: Record<string, unknown> = {}) => ({ organisationId: w.police.id, name: 'Ola Politi', groupRole: 'member', title: 'Politikontakt', phone: '+47 99 00 00 11', email: 'ola@politiet.invalid', ...overrides });

async function addMember(w: World, overrides: Record<string, unknown> = {}): Promise<{ id: string }> {
  const response = await call(h, w.coordinator, 'POST', '/api/v1/cooperation/members', memberBody(w, overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** An adopted plan with one measure, for linking action items. */
async function adoptedMeasure(w: World): Promise<{ id: string }> {
  const plan = (await call(h, w.coordinator, 'POST', '/api/v1/plans', { title: 'Plan', periodStart: '2026-01-01', periodEnd: '2027-12-31' })).json();
  const measure: { id: string } = (await call(h, w.coordinator, 'POST', `/api/v1/plans/${plan.id}/versions/1/measures`, { area: 'C', title: 'Samarbeidsavtale', ownerOrganisationId: w.police.id })).json<{ measure: { id: string } }>().measure;
  await call(h, w.coordinator, 'POST', `/api/v1/plans/${plan.id}/versions/1/adopt`, { decisionRef: 'KS 1/26', decisionDate: todayInNorway() });
  return measure;
}

function meetingBody(memberId: string, measureId: string | null, overrides: Record<string, unknown> = {}) {
  return {
    startsAt: '2026-03-10T09:00:00+01:00',
    place: 'Rådhuset, møterom 2',
    minutes: 'Gjennomgang av henvisningsrutinen.',
    attendance: [{ memberId, present: true }],
    items: [{ title: 'Henvisningsrutine for barn', notes: 'Barnevernet presenterte utkast.', decision: 'Utkastet sendes på høring.' }],
    actions: [{ text: 'Send rutinen på høring', ownerOrganisationId: null, dueDate: '2026-04-01', measureId }],
    ...overrides,
  };
}

async function createMeeting(w: World, body: unknown) {
  const response = await call(h, w.coordinator, 'POST', '/api/v1/cooperation/meetings', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; actions: { id: string; completedOn: string | null }[] }>();
}

function endpoints(memberId: string, meetingId: string, actionId: string) {
  return [
    { method: 'GET', url: '/api/v1/cooperation/members', permission: 'cooperation:read' },
    { method: 'POST', url: '/api/v1/cooperation/members', body: { organisationId: randomUUID(), name: 'X', groupRole: 'member' }, permission: 'cooperation:write' },
    { method: 'PUT', url: `/api/v1/cooperation/members/${memberId}`, body: { organisationId: randomUUID(), name: 'X', groupRole: 'member' }, permission: 'cooperation:write' },
    { method: 'DELETE', url: `/api/v1/cooperation/members/${memberId}`, permission: 'cooperation:write' },
    { method: 'GET', url: '/api/v1/cooperation/routing-card', permission: 'routing:read' },
    { method: 'PUT', url: '/api/v1/cooperation/routing-card', body: { entries: [] }, permission: 'cooperation:write' },
    { method: 'GET', url: '/api/v1/cooperation/meetings', permission: 'cooperation:read' },
    { method: 'POST', url: '/api/v1/cooperation/meetings', body: { startsAt: '2026-03-10T09:00:00Z' }, permission: 'cooperation:write' },
    { method: 'GET', url: `/api/v1/cooperation/meetings/${meetingId}`, permission: 'cooperation:read' },
    { method: 'PUT', url: `/api/v1/cooperation/meetings/${meetingId}`, body: { startsAt: '2026-03-10T09:00:00Z' }, permission: 'cooperation:write' },
    { method: 'DELETE', url: `/api/v1/cooperation/meetings/${meetingId}`, permission: 'cooperation:write' },
    { method: 'POST', url: `/api/v1/cooperation/meetings/${meetingId}/actions/${actionId}/complete`, body: {}, permission: 'cooperation:write' },
  ] as const;
}

async function fixture(w: World) {
  const member = await addMember(w);
  const meeting = await createMeeting(w, meetingBody(member.id, null));
  return { member, meeting, actionId: meeting.actions[0]?.id ?? '' };
}

describe('access to the cooperation group', () => {
  it('answers 401 without a session on every endpoint and writes nothing', async () => {
    const w = await world();
    const { member, meeting, actionId } = await fixture(w);
    const before = await dbState(w.municipalityId);
    for (const endpoint of endpoints(member.id, meeting.id, actionId)) {
      const response = await call(h, null, endpoint.method, endpoint.url, 'body' in endpoint ? endpoint.body : undefined);
      expect(response.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(401);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
    }
    expect(await dbState(w.municipalityId)).toEqual(before);
  });

  it.each(ROLES.filter((role) => !ROLE_PERMISSIONS[role].includes('cooperation:write')))('answers 403 to a %s on the endpoints its role lacks and writes nothing', async (role) => {
    const w = await world();
    const { member, meeting, actionId } = await fixture(w);
    const session = await signIn(h, w.tenant.users[role]);
    const before = await dbState(w.municipalityId);
    const refused = endpoints(member.id, meeting.id, actionId).filter((endpoint) => !ROLE_PERMISSIONS[role].includes(endpoint.permission as Permission));
    expect(refused.length).toBeGreaterThanOrEqual(7);
    await expectEachForbidden(h, session, refused);
    expect(await dbState(w.municipalityId)).toEqual(before);
  });

  it("answers 404 for another municipality's member, meeting and action item and lists none of them", async () => {
    const a = await world();
    const b = await world();
    const { member, meeting, actionId } = await fixture(b);
    const [beforeA, beforeB] = [await dbState(a.municipalityId), await dbState(b.municipalityId)];
    for (const endpoint of endpoints(member.id, meeting.id, actionId).filter((e) => e.url.includes(member.id) || e.url.includes(meeting.id))) {
      const body = 'body' in endpoint && endpoint.method === 'PUT' && endpoint.url.includes('members') ? memberBody(a) : 'body' in endpoint ? endpoint.body : undefined;
      const response = await call(h, a.coordinator, endpoint.method, endpoint.url, body);
      expect(response.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(404);
      expect(errorCode(response)).toBe('NOT_FOUND');
    }
    expect((await call(h, a.coordinator, 'GET', '/api/v1/cooperation/members')).json().items).toEqual([]);
    expect((await call(h, a.coordinator, 'GET', '/api/v1/cooperation/meetings')).json().items).toEqual([]);
    expect((await call(h, a.coordinator, 'GET', '/api/v1/cooperation/routing-card')).json().updatedAt).toBeNull();
    expect(await dbState(a.municipalityId)).toEqual(beforeA);
    expect(await dbState(b.municipalityId)).toEqual(beforeB);
  });

  it("shows meetings only to the group's organisations (and coordinators); a partner outside the group gets none", async () => {
    const w = await world();
    const { meeting } = await fixture(w);
    const inGroup = await signIn(h, w.policeUser);
    const outside = await signIn(h, w.businessUser);
    expect((await call(h, inGroup, 'GET', '/api/v1/cooperation/meetings')).json().items).toMatchObject([{ id: meeting.id, present: 1, itemCount: 1, openActions: 1 }]);
    const read = await call(h, inGroup, 'GET', `/api/v1/cooperation/meetings/${meeting.id}`);
    expect(read.json()).toMatchObject({ minutes: 'Gjennomgang av henvisningsrutinen.', editable: false });
    expect(await auditEvents(w.municipalityId, 'cooperation.meeting.viewed')).toMatchObject([{ entityId: meeting.id, actorUserId: w.policeUser.id }]);
    expect((await call(h, outside, 'GET', '/api/v1/cooperation/meetings')).json().items).toEqual([]);
    expect((await call(h, outside, 'GET', `/api/v1/cooperation/meetings/${meeting.id}`)).statusCode).toBe(404);
  });
});

describe('members and the routing card', () => {
  it('adds, changes and removes members, audited without personal values', async () => {
    const w = await world();
    const member = await addMember(w, { groupRole: 'chair' });
    const list = (await call(h, w.coordinator, 'GET', '/api/v1/cooperation/members')).json();
    expect(list.items).toMatchObject([{ id: member.id, name: 'Ola Politi', groupRole: 'chair', organisation: { id: w.police.id, name: 'Politiet' } }]);
    const changed = await call(h, w.coordinator, 'PUT', `/api/v1/cooperation/members/${member.id}`, memberBody(w, { groupRole: 'deputy', phone: null }));
    expect(changed.json()).toMatchObject({ groupRole: 'deputy', phone: null });
    expect((await call(h, w.coordinator, 'DELETE', `/api/v1/cooperation/members/${member.id}`)).statusCode).toBe(200);
    expect((await call(h, w.coordinator, 'GET', '/api/v1/cooperation/members')).json().items).toEqual([]);
    const events = [
      ...(await auditEvents(w.municipalityId, 'cooperation.member.created')),
      ...(await auditEvents(w.municipalityId, 'cooperation.member.updated')),
      ...(await auditEvents(w.municipalityId, 'cooperation.member.removed')),
    ];
    expect(events.map((event) => event.entityId)).toEqual([member.id, member.id, member.id]);
    expect(events[1]?.details).toEqual({ fields: ['groupRole', 'phone'] });
    expect(JSON.stringify(events)).not.toMatch(/Ola|99 00 00 11|politiet\.invalid/);
  });

  it.each([
    ['organisationId', { organisationId: randomUUID() }],
    ['groupRole', { groupRole: 'boss' }],
    ['phone', { phone: 'ring meg' }],
    ['name', { name: '' }],
  ])('refuses a member with a bad %s: 400 naming it, nothing written', async (field, overrides) => {
    const w = await world();
    const before = await dbState(w.municipalityId);
    const response = await call(h, w.coordinator, 'POST', '/api/v1/cooperation/members', memberBody(w, overrides));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((detail: { field: string }) => detail.field)).toEqual([field]);
    expect(await dbState(w.municipalityId)).toEqual(before);
  });

  it('keeps the routing card in one place: every situation in order, replaced as a whole, readable by frontline staff', async () => {
    const w = await world();
    const body = {
      entries: [
        { situation: 'immediate_danger', contact: 'Politiet', phone: '112', whatToTell: 'Hvor du er, hva du ser, om barn er involvert.' },
        { situation: 'minor', contact: 'Barnevernvakta', organisationId: w.police.id, phone: '+47 99 00 00 02', whatToTell: 'Barnets alder og hvor barnet er nå.' },
      ],
    };
    const saved = await call(h, w.coordinator, 'PUT', '/api/v1/cooperation/routing-card', body);
    expect(saved.statusCode, saved.body).toBe(200);
    const frontline = await signIn(h, w.tenant.users.frontline);
    const card = (await call(h, frontline, 'GET', '/api/v1/cooperation/routing-card')).json();
    expect(card.entries.map((entry: { situation: string }) => entry.situation)).toEqual(['immediate_danger', 'minor', 'adult_wants_help', 'adult_declines_help', 'labour_exploitation', 'after_hours']);
    expect(card.entries[1]).toMatchObject({ contact: 'Barnevernvakta', phone: '+47 99 00 00 02', organisation: { id: w.police.id } });
    expect(card.entries[2]).toMatchObject({ contact: null, phone: null });
    expect(card.updatedBy).toBe('Coordinator Testesen');
    expect(await auditEvents(w.municipalityId, 'cooperation.routing.updated')).toMatchObject([{ details: { situations: ['immediate_danger', 'minor'] } }]);

    const before = await dbState(w.municipalityId);
    for (const [field, entries] of [
      ['entries.1.situation', [body.entries[0], body.entries[0]]],
      ['entries.0.phone', [{ ...body.entries[0], phone: 'ring' }]],
      ['entries.0.organisationId', [{ ...body.entries[0], organisationId: randomUUID() }]],
      ['entries.0.whatToTell', [{ ...body.entries[0], whatToTell: '' }]],
    ] as const) {
      const response = await call(h, w.coordinator, 'PUT', '/api/v1/cooperation/routing-card', { entries });
      expect(response.statusCode, field).toBe(400);
      expect(response.json().error.details[0].field).toBe(field);
    }
    expect(await dbState(w.municipalityId)).toEqual(before);
  });
});

describe('meetings', () => {
  it('records a meeting with attendance, items, encrypted minutes and an action item linked to a measure; completing it shows on the timeline', async () => {
    const w = await world();
    const member = await addMember(w);
    const measure = await adoptedMeasure(w);
    const meeting = await createMeeting(w, meetingBody(member.id, measure.id));
    const stored = await h.deps.db.select().from(schema.coopMeeting).where(eq(schema.coopMeeting.id, meeting.id));
    expect(stored[0]?.minutesEnc).not.toContain('henvisningsrutinen');
    const storedItems = await h.deps.db.select().from(schema.coopMeetingItem).where(eq(schema.coopMeetingItem.meetingId, meeting.id));
    expect(JSON.stringify(storedItems)).not.toContain('høring');
    expect(await auditEvents(w.municipalityId, 'cooperation.meeting.created')).toMatchObject([{ entityId: meeting.id, details: { items: 1, attendance: 1, actions: 1 } }]);

    const actionId = meeting.actions[0]?.id ?? '';
    const completed = await call(h, w.coordinator, 'POST', `/api/v1/cooperation/meetings/${meeting.id}/actions/${actionId}/complete`, { completedOn: todayInNorway() });
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json().actions).toMatchObject([{ id: actionId, completedOn: todayInNorway(), measure: { id: measure.id, title: 'Samarbeidsavtale' } }]);
    const timeline = (await call(h, w.coordinator, 'GET', `/api/v1/measures/${measure.id}`)).json().timeline;
    expect(timeline).toMatchObject([{ text: 'Send rutinen på høring', source: 'meeting_action', occurredOn: todayInNorway() }]);
    expect(await auditEvents(w.municipalityId, 'cooperation.action.completed')).toMatchObject([{ entityId: actionId, details: { meetingId: meeting.id, measureId: measure.id } }]);

    const again = await call(h, w.coordinator, 'POST', `/api/v1/cooperation/meetings/${meeting.id}/actions/${actionId}/complete`, {});
    expect(errorCode(again)).toBe('CONFLICT');
    // A completed action item is history: a replace that leaves it out keeps it, and the meeting cannot be deleted.
    const replaced = await call(h, w.coordinator, 'PUT', `/api/v1/cooperation/meetings/${meeting.id}`, meetingBody(member.id, null, { actions: [], items: [] }));
    expect(replaced.json().actions).toHaveLength(1);
    expect(replaced.json().items).toEqual([]);
    expect(errorCode(await call(h, w.coordinator, 'DELETE', `/api/v1/cooperation/meetings/${meeting.id}`))).toBe('CONFLICT');
  });

  it('edits and deletes a meeting without completed actions, audited', async () => {
    const w = await world();
    const { member, meeting, actionId } = await fixture(w);
    const updated = await call(h, w.coordinator, 'PUT', `/api/v1/cooperation/meetings/${meeting.id}`, meetingBody(member.id, null, { place: 'Politihuset', actions: [{ id: actionId, text: 'Send rutinen på høring innen fredag' }, { text: 'Ny oppgave' }] }));
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ place: 'Politihuset', actions: [{ id: actionId, text: 'Send rutinen på høring innen fredag' }, { text: 'Ny oppgave' }] });
    expect((await call(h, w.coordinator, 'DELETE', `/api/v1/cooperation/meetings/${meeting.id}`)).statusCode).toBe(200);
    expect((await call(h, w.coordinator, 'GET', '/api/v1/cooperation/meetings')).json().items).toEqual([]);
    expect(await auditEvents(w.municipalityId, 'cooperation.meeting.updated')).toHaveLength(1);
    expect(await auditEvents(w.municipalityId, 'cooperation.meeting.deleted')).toMatchObject([{ entityId: meeting.id }]);
  });

  it('refuses bad meeting input with 400 naming the field and writes nothing', async () => {
    const w = await world();
    const other = await world();
    const member = await addMember(w);
    const draftPlan = (await call(h, w.coordinator, 'POST', '/api/v1/plans', { title: 'Utkast', periodStart: '2026-01-01', periodEnd: '2026-12-31' })).json();
    const draftMeasure = (await call(h, w.coordinator, 'POST', `/api/v1/plans/${draftPlan.id}/versions/1/measures`, { area: 'A', title: 'Utkast' })).json().measure;
    const foreignMember = await addMember(other, { organisationId: other.police.id });
    const before = await dbState(w.municipalityId);
    for (const [field, overrides] of [
      ['startsAt', { startsAt: '10. mars' }],
      ['attendance.0.memberId', { attendance: [{ memberId: foreignMember.id, present: true }] }],
      ['attendance.1.memberId', { attendance: [{ memberId: member.id, present: true }, { memberId: member.id, present: false }] }],
      ['items.0.title', { items: [{ title: '' }] }],
      ['actions.0.measureId', { actions: [{ text: 'x', measureId: draftMeasure.id }] }],
      ['actions.0.ownerOrganisationId', { actions: [{ text: 'x', ownerOrganisationId: other.police.id }] }],
      ['actions.0.id', { actions: [{ id: randomUUID(), text: 'x' }] }],
    ] as const) {
      const response = await call(h, w.coordinator, 'POST', '/api/v1/cooperation/meetings', meetingBody(member.id, null, overrides));
      expect(response.statusCode, `${field} ${response.body}`).toBe(400);
      expect(response.json().error.details[0].field).toBe(field);
    }
    expect(await dbState(w.municipalityId)).toEqual(before);
  });
});

