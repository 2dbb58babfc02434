import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContactPerson, buildOrganisation, buildUser, schema } from '@lykt/db';
import { ROLE_PERMISSIONS, ROLES, type Permission } from '@lykt/shared';
import { call, createHarness, errorCode, seedTenant, signIn, type Session, type TestHarness, expectEachForbidden } from '../../../test/harness';
import { seedCapabilities } from '../../platform/seed-capabilities';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const seed = () => seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
const rolesWithout = (permission: Permission) => ROLES.filter((role) => !ROLE_PERMISSIONS[role].includes(permission));

/** Contact persons are personal data: none of these values may reach the audit log. */
const CONTACTS = [
  { name: 'Kari Nordmann', roleTitle: 'Vakthavende', phone: '+47 912 34 567', email: 'Kari.Nordmann@Politiet.invalid' },
  { name: 'Ola Hansen', roleTitle: '', phone: null, email: 'ola.hansen@politiet.invalid' },
];
const PERSONAL_VALUES = ['Kari', 'Nordmann', 'Ola Hansen', '912 34 567', 'politiet.invalid', 'Politiet.invalid', '+47 73 00 00 00', 'post@'];

function orgBody(overrides: Record<string, unknown> = {}) {
  return { name: 'Politiet, Trøndelag', kind: 'police', isInternal: false, phone: '+47 73 00 00 00', email: 'post@politiet.invalid', notes: 'Handles reports', contacts: CONTACTS, ...overrides };
}

async function dbState(municipalityId: string) {
  const [organisations, contacts, audit] = await Promise.all([
    h.deps.db.select().from(schema.organisation).where(eq(schema.organisation.municipalityId, municipalityId)).orderBy(asc(schema.organisation.id)),
    h.deps.db.select().from(schema.contactPerson).where(eq(schema.contactPerson.municipalityId, municipalityId)).orderBy(asc(schema.contactPerson.id)),
    h.deps.db.select({ id: schema.auditEvent.id }).from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq)),
  ]);
  return { organisations, contacts, audit };
}

async function auditEvents(municipalityId: string, action: string) {
  const rows = await h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq));
  return rows.filter((row) => row.action === action);
}

function expectNoPersonalValues(value: unknown) {
  const text = JSON.stringify(value);
  for (const personal of PERSONAL_VALUES) expect(text).not.toContain(personal);
}

async function create(session: Session, body = orgBody()) {
  const response = await call(h, session, 'POST', '/api/v1/organisations', body);
  expect(response.statusCode, response.body).toBe(201);
  const created: { id: string; contacts: { id: string; name: string }[] } = response.json();
  return created;
}

function endpoints(id: string) {
  return [
    { method: 'GET', url: '/api/v1/organisations', permission: 'organisations:read' },
    { method: 'POST', url: '/api/v1/organisations', body: orgBody(), permission: 'organisations:write' },
    { method: 'GET', url: `/api/v1/organisations/${id}`, permission: 'organisations:read' },
    { method: 'PUT', url: `/api/v1/organisations/${id}`, body: orgBody({ name: 'Overtatt' }), permission: 'organisations:write' },
    { method: 'DELETE', url: `/api/v1/organisations/${id}`, permission: 'organisations:write' },
  ] as const;
}

describe('access to the partner registry', () => {
  it('answers 401 UNAUTHENTICATED without a session, on every endpoint', async () => {
    const tenant = await seed();
    const target = await buildOrganisation(h.deps.db, tenant.municipality.id);
    const before = await dbState(tenant.municipality.id);
    for (const endpoint of endpoints(target.id)) {
      const response = await call(h, null, endpoint.method, endpoint.url, 'body' in endpoint ? endpoint.body : undefined);
      expect(response.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(401);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
    }
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });

  it.each(rolesWithout('organisations:write'))('answers 403 FORBIDDEN to a %s on the endpoints its role lacks, and writes nothing', async (role) => {
    const tenant = await seed();
    const target = await buildOrganisation(h.deps.db, tenant.municipality.id);
    const session = await signIn(h, tenant.users[role]);
    const before = await dbState(tenant.municipality.id);
    const refused = endpoints(target.id).filter((endpoint) => !ROLE_PERMISSIONS[role].includes(endpoint.permission));
    expect(refused.length).toBe(role === 'viewer' ? 5 : 3);
    await expectEachForbidden(h, session, refused);
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });

  it.each(['caseworker', 'frontline', 'partner'] as const)('lets a %s read the registry', async (role) => {
    const tenant = await seed();
    const target = await buildOrganisation(h.deps.db, tenant.municipality.id, { name: 'Barnevernet', kind: 'child_welfare' });
    await buildContactPerson(h.deps.db, tenant.municipality.id, target.id);
    const session = await signIn(h, tenant.users[role]);
    const list = await call(h, session, 'GET', '/api/v1/organisations');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((item: { name: string }) => item.name)).toEqual(['Barnevernet', 'Kommunen']);
    const one = await call(h, session, 'GET', `/api/v1/organisations/${target.id}`);
    expect(one.json()).toMatchObject({ id: target.id, kind: 'child_welfare', contacts: [{ name: 'Kari Kontakt' }], userCount: 0 });
  });

  it("answers 404 NOT_FOUND for another municipality's organisation and never lists it", async () => {
    const a = await seed();
    const b = await seed();
    const foreign = await buildOrganisation(h.deps.db, b.municipality.id, { name: 'Fremmed', archivedAt: new Date() });
    const coordinator = await signIn(h, a.users.coordinator);
    const [beforeA, beforeB] = [await dbState(a.municipality.id), await dbState(b.municipality.id)];
    for (const id of [b.organisation.id, foreign.id, randomUUID()]) {
      for (const endpoint of endpoints(id).filter((e) => e.url.endsWith(id))) {
        const response = await call(h, coordinator, endpoint.method, endpoint.url, 'body' in endpoint ? endpoint.body : undefined);
        expect(response.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(404);
        expect(errorCode(response)).toBe('NOT_FOUND');
      }
    }
    expect(await dbState(b.municipality.id)).toEqual(beforeB);
    expect(await dbState(a.municipality.id)).toEqual(beforeA);
    const listed = (await call(h, coordinator, 'GET', '/api/v1/organisations?includeArchived=true')).json().items.map((item: { id: string }) => item.id);
    expect(listed).toEqual([a.organisation.id]);
  });
});

describe('write the registry', () => {
  it('lets a coordinator add an organisation with contacts, audited without personal values', async () => {
    const tenant = await seed();
    const coordinator = await signIn(h, tenant.users.coordinator);
    const response = await call(h, coordinator, 'POST', '/api/v1/organisations', orgBody());
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ name: 'Politiet, Trøndelag', kind: 'police', isInternal: false, phone: '+47 73 00 00 00', email: 'post@politiet.invalid', archived: false, userCount: 0 });
    expect(created.contacts).toMatchObject([
      { name: 'Kari Nordmann', roleTitle: 'Vakthavende', phone: '+47 912 34 567', email: 'kari.nordmann@politiet.invalid' },
      { name: 'Ola Hansen', roleTitle: '', phone: null, email: 'ola.hansen@politiet.invalid' },
    ]);
    const stored = await h.deps.db.select().from(schema.contactPerson).where(eq(schema.contactPerson.organisationId, created.id));
    expect(stored.every((row) => row.municipalityId === tenant.municipality.id)).toBe(true);
    const events = await auditEvents(tenant.municipality.id, 'organisation.created');
    expect(events).toMatchObject([{ entityType: 'organisation', entityId: created.id, actorUserId: tenant.users.coordinator.id, details: { kind: 'police', contacts: 2 } }]);
    expectNoPersonalValues(events);
  });

  it('replaces the fields and contacts with PUT and audits which fields changed', async () => {
    const tenant = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const created = await create(admin);
    const response = await call(h, admin, 'PUT', `/api/v1/organisations/${created.id}`, orgBody({ phone: null, notes: 'Duty desk', contacts: [{ name: 'Kari Nordmann', phone: '73 89 90 00' }] }));
    expect(response.statusCode).toBe(200);
    const updated = response.json();
    expect(updated).toMatchObject({ id: created.id, phone: null, notes: 'Duty desk', contacts: [{ name: 'Kari Nordmann', roleTitle: '', phone: '73 89 90 00', email: null }] });
    const stored = await h.deps.db.select().from(schema.contactPerson).where(eq(schema.contactPerson.organisationId, created.id));
    expect(stored).toHaveLength(1);
    expect(created.contacts.map((contact) => contact.id)).not.toContain(stored[0]?.id);
    const events = await auditEvents(tenant.municipality.id, 'organisation.updated');
    expect(events).toMatchObject([{ entityId: created.id, actorUserId: tenant.users.admin.id, details: { fields: ['phone', 'notes'], contacts: 1 } }]);
    expectNoPersonalValues(events);
    expect(JSON.stringify(events)).not.toContain('73 89 90 00');
  });

  it('archives an organisation without active users; the list hides it unless includeArchived', async () => {
    const tenant = await seed();
    const coordinator = await signIn(h, tenant.users.coordinator);
    const created = await create(coordinator);
    await buildUser(h.deps.db, seedCapabilities(h.deps.keyring), { municipalityId: tenant.municipality.id, organisationId: created.id, role: 'partner', deactivatedAt: new Date() });
    const response = await call(h, coordinator, 'DELETE', `/api/v1/organisations/${created.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: created.id, archived: true, userCount: 0 });
    expect(await auditEvents(tenant.municipality.id, 'organisation.archived')).toMatchObject([{ entityType: 'organisation', entityId: created.id, actorUserId: tenant.users.coordinator.id }]);
    const ids = async (query: string): Promise<string[]> => {
      const body: { items: { id: string }[] } = (await call(h, coordinator, 'GET', `/api/v1/organisations${query}`)).json();
      return body.items.map((item) => item.id);
    };
    expect(await ids('')).toEqual([tenant.organisation.id]);
    expect(await ids('?includeArchived=false')).toEqual([tenant.organisation.id]);
    expect((await ids('?includeArchived=true')).sort()).toEqual([tenant.organisation.id, created.id].sort());
    expect((await call(h, coordinator, 'GET', `/api/v1/organisations/${created.id}`)).json().archived).toBe(true);
    const change = await call(h, coordinator, 'PUT', `/api/v1/organisations/${created.id}`, orgBody());
    expect(change.statusCode).toBe(409);
    expect(errorCode(change)).toBe('CONFLICT');
  });

  it('refuses to archive an organisation that still has active users: 409 CONFLICT and nothing written', async () => {
    const tenant = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const before = await dbState(tenant.municipality.id);
    const response = await call(h, admin, 'DELETE', `/api/v1/organisations/${tenant.organisation.id}`);
    expect(response.statusCode).toBe(409);
    expect(errorCode(response)).toBe('CONFLICT');
    expect(await dbState(tenant.municipality.id)).toEqual(before);
    expect((await call(h, admin, 'GET', '/api/v1/organisations')).json().items).toMatchObject([{ id: tenant.organisation.id, archived: false, userCount: Object.keys(tenant.users).length }]);
  });

  it.each([
    ['phone', { phone: 'call me maybe' }],
    ['email', { email: 'post(at)politiet' }],
    ['contacts.0.phone', { contacts: [{ name: 'Kari', phone: '12abc' }] }],
    ['contacts.1.email', { contacts: [CONTACTS[0], { name: 'Ola', email: 'ola@' }] }],
    ['contacts.0.name', { contacts: [{ name: ' ' }] }],
    ['kind', { kind: 'gang' }],
    ['name', { name: '' }],
    ['isInternal', { isInternal: 'yes' }],
  ])('refuses a bad %s with 400 naming the field, on create and on replace, and writes nothing', async (field, overrides) => {
    const tenant = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const before = await dbState(tenant.municipality.id);
    for (const [method, url] of [['POST', '/api/v1/organisations'], ['PUT', `/api/v1/organisations/${tenant.organisation.id}`]] as const) {
      const response = await call(h, admin, method, url, orgBody(overrides));
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_ERROR');
      expect(response.json().error.details.map((detail: { field: string }) => detail.field)).toEqual([field]);
    }
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });

  it('refuses a bad includeArchived or id with 400 naming the field', async () => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.partner);
    const list = await call(h, session, 'GET', '/api/v1/organisations?includeArchived=yes');
    expect(errorCode(list)).toBe('VALIDATION_ERROR');
    expect(list.json().error.details[0].field).toBe('includeArchived');
    const one = await call(h, session, 'GET', '/api/v1/organisations/kommunen');
    expect(one.statusCode).toBe(400);
    expect(one.json().error.details[0].field).toBe('id');
  });
});
