import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, schema, TEST_PASSWORD } from '@lykt/db';
import { call, createHarness, errorCode, seedTenant, signIn, type Session, type TestHarness } from '../../../test/harness';
import { seedCapabilities } from '../../platform/seed-capabilities';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const seed = () => seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });

async function dbState(municipalityId: string) {
  const [users, sessions, audit] = await Promise.all([
    h.deps.db.select().from(schema.appUser).where(eq(schema.appUser.municipalityId, municipalityId)).orderBy(asc(schema.appUser.id)),
    h.deps.db.select({ id: schema.session.id, endedAt: schema.session.endedAt }).from(schema.session).where(eq(schema.session.municipalityId, municipalityId)).orderBy(asc(schema.session.id)),
    h.deps.db.select({ id: schema.auditEvent.id }).from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq)),
  ]);
  return { users, sessions, audit };
}

async function auditEvents(municipalityId: string, action: string) {
  const rows = await h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq));
  return rows.filter((row) => row.action === action);
}

async function userRow(id: string) {
  const [row] = await h.deps.db.select().from(schema.appUser).where(eq(schema.appUser.id, id));
  return row;
}

/** Whether a session cookie still opens the API. */
async function stillSignedIn(session: Session): Promise<boolean> {
  const response = await call(h, session, 'GET', '/api/v1/me');
  if (response.statusCode === 200) return true;
  expect(errorCode(response)).toMatch(/^(UNAUTHENTICATED|SESSION_EXPIRED)$/);
  return false;
}

const patch = (session: Session, id: string, body: unknown) => call(h, session, 'PATCH', `/api/v1/users/${id}`, body);

describe('change a user', () => {
  it("changes the role, ends the user's sessions at once and audits from and to role", async () => {
    const tenant = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const user = tenant.users.viewer;
    const [first, second] = [await signIn(h, user), await signIn(h, user)];
    const response = await patch(admin, user.id, { role: 'caseworker' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: user.id, role: 'caseworker', active: true });
    expect(response.body).not.toContain('passwordHash');
    expect(await stillSignedIn(first)).toBe(false);
    expect(await stillSignedIn(second)).toBe(false);
    expect(await stillSignedIn(admin)).toBe(true);
    const [event] = await auditEvents(tenant.municipality.id, 'user.updated');
    expect(event).toMatchObject({ entityType: 'user', entityId: user.id, actorUserId: tenant.users.admin.id });
    expect(event?.details).toEqual({ fields: ['role'], fromRole: 'viewer', toRole: 'caseworker' });
    const again = await call(h, await signIn(h, user), 'GET', '/api/v1/me');
    expect(again.json().permissions).toContain('organisations:read');
  });

  it('renames and moves a user without ending sessions, and audits field names but not values', async () => {
    const tenant = await seed();
    const shelter = await buildOrganisation(h.deps.db, tenant.municipality.id, { name: 'Krisesenteret' });
    const admin = await signIn(h, tenant.users.admin);
    const user = tenant.users.partner;
    const session = await signIn(h, user);
    const response = await patch(admin, user.id, { name: 'Petra Partnersen', organisationId: shelter.id });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'Petra Partnersen', organisation: { id: shelter.id, name: 'Krisesenteret' } });
    expect(await stillSignedIn(session)).toBe(true);
    const events = await auditEvents(tenant.municipality.id, 'user.updated');
    expect(events.map((event) => event.details)).toEqual([{ fields: ['name', 'organisationId'] }]);
    expect(events[0]?.actorUserId).toBe(tenant.users.admin.id);
    for (const value of ['Petra', 'Partner Testesen', user.email]) expect(JSON.stringify(events)).not.toContain(value);
  });

  it("refuses another municipality's organisation with a field error and changes nothing", async () => {
    const tenant = await seed();
    const other = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const before = await dbState(tenant.municipality.id);
    const response = await patch(admin, tenant.users.viewer.id, { organisationId: other.organisation.id, role: 'coordinator' });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_ERROR');
    expect(response.json().error.details[0].field).toBe('organisationId');
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });

  it.each([
    ['body', {}],
    ['name', { name: '' }],
    ['role', { role: 'owner' }],
    ['organisationId', { organisationId: 'kommunen' }],
    ['active', { active: 'no' }],
  ])('refuses a bad %s with 400 naming the field and changes nothing', async (field, body) => {
    const tenant = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const before = await dbState(tenant.municipality.id);
    const response = await patch(admin, tenant.users.viewer.id, body);
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_ERROR');
    expect(response.json().error.details[0].field).toBe(field);
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });
});

describe('deactivate and reactivate', () => {
  it('deactivates: sessions end, sign-in fails, the event is audited; reactivation lets them back in', async () => {
    const tenant = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const user = tenant.users.frontline;
    const session = await signIn(h, user);
    const response = await patch(admin, user.id, { active: false });
    expect(response.statusCode).toBe(200);
    expect(response.json().active).toBe(false);
    expect(await stillSignedIn(session)).toBe(false);
    const login = await call(h, null, 'POST', '/api/v1/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(errorCode(login)).toBe('LOGIN_FAILED');
    const [deactivated] = await auditEvents(tenant.municipality.id, 'user.deactivated');
    expect(deactivated).toMatchObject({ entityType: 'user', entityId: user.id, actorUserId: tenant.users.admin.id });
    const sessions = await h.deps.db.select().from(schema.session).where(eq(schema.session.userId, user.id));
    expect(sessions.every((row) => row.endedAt !== null)).toBe(true);

    const reactivated = await patch(admin, user.id, { active: true });
    expect(reactivated.json().active).toBe(true);
    expect(await auditEvents(tenant.municipality.id, 'user.reactivated')).toMatchObject([{ entityId: user.id, actorUserId: tenant.users.admin.id }]);
    expect(await stillSignedIn(await signIn(h, user))).toBe(true);
  });
});

describe('the last administrator', () => {
  it.each([
    ['demote', { role: 'coordinator' }],
    ['deactivate', { active: false }],
  ])('cannot %s themselves: 409 LAST_ADMIN and nothing changes', async (_what, body) => {
    const tenant = await seed();
    // A deactivated admin does not count as another administrator.
    await buildUser(h.deps.db, seedCapabilities(h.deps.keyring), { municipalityId: tenant.municipality.id, organisationId: tenant.organisation.id, role: 'admin', deactivatedAt: new Date() });
    const admin = await signIn(h, tenant.users.admin);
    const before = await dbState(tenant.municipality.id);
    const response = await patch(admin, tenant.users.admin.id, body);
    expect(response.statusCode).toBe(409);
    expect(errorCode(response)).toBe('LAST_ADMIN');
    expect(await dbState(tenant.municipality.id)).toEqual(before);
    expect(await stillSignedIn(admin)).toBe(true);
  });

  it('can step down when another active administrator exists', async () => {
    const tenant = await seed();
    const other = await buildUser(h.deps.db, seedCapabilities(h.deps.keyring), { municipalityId: tenant.municipality.id, organisationId: tenant.organisation.id, role: 'admin' });
    const admin = await signIn(h, tenant.users.admin);
    const response = await patch(admin, tenant.users.admin.id, { role: 'coordinator' });
    expect(response.statusCode).toBe(200);
    expect(response.json().role).toBe('coordinator');
    expect(await stillSignedIn(admin)).toBe(false);
    expect((await userRow(other.id))?.role).toBe('admin');
    const second = await signIn(h, other);
    expect(errorCode(await patch(second, other.id, { active: false }))).toBe('LAST_ADMIN');
  });
});
