import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, schema } from '@lykt/db';
import { ROLE_PERMISSIONS, ROLES, type Permission } from '@lykt/shared';
import { call, createHarness, errorCode, seedTenant, signIn, type TestHarness, expectEachForbidden } from '../../../test/harness';
import { seedCapabilities } from '../../platform/seed-capabilities';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const STRONG_PASSWORD = 'violet-tractor-sings-loudly';
const seed = () => seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
type Tenant = Awaited<ReturnType<typeof seed>>;
const rolesWithout = (permission: Permission) => ROLES.filter((role) => !ROLE_PERMISSIONS[role].includes(permission));

/** Everything the users endpoints can write in a municipality, to prove a refused request wrote nothing. */
async function dbState(municipalityId: string) {
  const [users, sessions, audit] = await Promise.all([
    h.deps.db.select().from(schema.appUser).where(eq(schema.appUser.municipalityId, municipalityId)).orderBy(asc(schema.appUser.id)),
    h.deps.db.select({ id: schema.session.id, endedAt: schema.session.endedAt }).from(schema.session).where(eq(schema.session.municipalityId, municipalityId)).orderBy(asc(schema.session.id)),
    h.deps.db.select({ id: schema.auditEvent.id }).from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq)),
  ]);
  return { users, sessions, audit };
}

async function auditEvents(municipalityId: string) {
  return h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq));
}

function expectNoSecrets(body: string) {
  for (const secret of ['passwordHash', 'password', 'mfaSecret', 'mfaPendingSecret', 'mfaLastStep', '$argon2']) expect(body).not.toContain(secret);
}

function createBody(tenant: Tenant, overrides: Record<string, unknown> = {}) {
  return { email: `new-${randomUUID().slice(0, 8)}@test.lykt.invalid`, name: 'Nora Nyansatt', role: 'caseworker', organisationId: tenant.organisation.id, password: STRONG_PASSWORD, ...overrides };
}

/** Every users endpoint with the permission it needs, aimed at a user of the given tenant. */
function endpoints(tenant: Tenant, targetId: string) {
  return [
    { method: 'GET', url: '/api/v1/users', permission: 'users:read' },
    { method: 'POST', url: '/api/v1/users', body: createBody(tenant), permission: 'users:write' },
    { method: 'GET', url: `/api/v1/users/${targetId}`, permission: 'users:read' },
    { method: 'PATCH', url: `/api/v1/users/${targetId}`, body: { role: 'admin' }, permission: 'users:write' },
    { method: 'POST', url: `/api/v1/users/${targetId}/mfa-reset`, body: {}, permission: 'users:write' },
    { method: 'GET', url: `/api/v1/users/${targetId}/sessions`, permission: 'sessions:manage' },
    { method: 'DELETE', url: `/api/v1/users/${targetId}/sessions`, permission: 'sessions:manage' },
  ] as const;
}

describe('access to the users endpoints', () => {
  it('answers 401 UNAUTHENTICATED without a session, on every endpoint', async () => {
    const tenant = await seed();
    const before = await dbState(tenant.municipality.id);
    for (const endpoint of endpoints(tenant, tenant.users.viewer.id)) {
      const response = await call(h, null, endpoint.method, endpoint.url, 'body' in endpoint ? endpoint.body : undefined);
      expect(response.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(401);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
    }
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });

  it.each(rolesWithout('users:read'))('answers 403 FORBIDDEN to a %s on every endpoint its role lacks, and writes nothing', async (role) => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users[role]);
    const target = tenant.users.viewer.id === tenant.users[role].id ? tenant.users.frontline : tenant.users.viewer;
    const before = await dbState(tenant.municipality.id);
    const refused = endpoints(tenant, target.id).filter((endpoint) => !ROLE_PERMISSIONS[role].includes(endpoint.permission));
    expect(refused).toHaveLength(7);
    await expectEachForbidden(h, session, refused);
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });

  it("answers 404 NOT_FOUND for another municipality's user, and leaves that user untouched", async () => {
    const a = await seed();
    const b = await seed();
    const admin = await signIn(h, a.users.admin);
    const victim = await signIn(h, b.users.viewer);
    const [beforeA, beforeB] = [await dbState(a.municipality.id), await dbState(b.municipality.id)];
    for (const endpoint of endpoints(a, b.users.viewer.id).filter((e) => e.url.includes(b.users.viewer.id))) {
      const response = await call(h, admin, endpoint.method, endpoint.url, 'body' in endpoint ? endpoint.body : undefined);
      expect(response.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(404);
      expect(errorCode(response)).toBe('NOT_FOUND');
    }
    expect(await dbState(b.municipality.id)).toEqual(beforeB);
    expect(await dbState(a.municipality.id)).toEqual(beforeA);
    expect((await call(h, victim, 'GET', '/api/v1/municipality')).statusCode).toBe(200);
  });

  it('answers 404 for an unknown id and 400 naming the field for a malformed one', async () => {
    const tenant = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const before = await dbState(tenant.municipality.id);
    for (const endpoint of endpoints(tenant, randomUUID()).filter((e) => e.url.includes('/users/'))) {
      expect(errorCode(await call(h, admin, endpoint.method, endpoint.url, 'body' in endpoint ? endpoint.body : undefined))).toBe('NOT_FOUND');
    }
    for (const endpoint of endpoints(tenant, 'not-a-uuid').filter((e) => e.url.includes('/users/'))) {
      const response = await call(h, admin, endpoint.method, endpoint.url, 'body' in endpoint ? endpoint.body : undefined);
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_ERROR');
      expect(response.json().error.details[0].field).toBe('id');
    }
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });
});

describe('create a user', () => {
  it('creates the user in the municipality, audits it without personal values, and lets them sign in', async () => {
    const tenant = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const body = createBody(tenant, { email: `Nora.${randomUUID().slice(0, 8)}@Test.Lykt.Invalid` });
    const response = await call(h, admin, 'POST', '/api/v1/users', body);
    expect(response.statusCode).toBe(201);
    expectNoSecrets(response.body);
    const created = response.json();
    expect(created).toMatchObject({
      email: body.email.toLowerCase(),
      name: 'Nora Nyansatt',
      role: 'caseworker',
      organisation: { id: tenant.organisation.id, name: 'Kommunen' },
      active: true,
      mfaEnabled: false,
      lastLoginAt: null,
      lockedUntil: null,
    });
    const [row] = await h.deps.db.select().from(schema.appUser).where(eq(schema.appUser.id, created.id));
    expect(row?.municipalityId).toBe(tenant.municipality.id);
    expect(row?.passwordHash).not.toContain(STRONG_PASSWORD);
    const events = (await auditEvents(tenant.municipality.id)).filter((event) => event.action === 'user.created');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityType: 'user', entityId: created.id, actorUserId: tenant.users.admin.id, outcome: 'success' });
    expect(events[0]?.details).toEqual({ role: 'caseworker', organisationId: tenant.organisation.id });
    for (const value of [STRONG_PASSWORD, body.email, body.email.toLowerCase(), 'Nora']) expect(JSON.stringify(events)).not.toContain(value);
    expect((await signIn(h, { email: body.email, password: STRONG_PASSWORD })).cookie).toBeTruthy();
  });

  it('refuses a weak password with WEAK_PASSWORD and writes nothing', async () => {
    const tenant = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const before = await dbState(tenant.municipality.id);
    for (const password of ['password1234', 'passord12345', 'Ab1!', 'Nora Nyansatt']) {
      const response = await call(h, admin, 'POST', '/api/v1/users', createBody(tenant, { password }));
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe('WEAK_PASSWORD');
      expect(response.json().error.details.field).toBe('password');
    }
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });

  it('refuses an e-mail already in use, in any case and in any municipality, with 409 EMAIL_TAKEN', async () => {
    const tenant = await seed();
    const other = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const before = await dbState(tenant.municipality.id);
    for (const email of [tenant.users.viewer.email.toUpperCase(), other.users.viewer.email]) {
      const response = await call(h, admin, 'POST', '/api/v1/users', createBody(tenant, { email }));
      expect(response.statusCode).toBe(409);
      expect(errorCode(response)).toBe('EMAIL_TAKEN');
    }
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });

  it("refuses another municipality's or an archived organisation with a field error on organisationId", async () => {
    const tenant = await seed();
    const other = await seed();
    const archived = await buildOrganisation(h.deps.db, tenant.municipality.id, { archivedAt: new Date() });
    const admin = await signIn(h, tenant.users.admin);
    const [beforeA, beforeB] = [await dbState(tenant.municipality.id), await dbState(other.municipality.id)];
    for (const organisationId of [other.organisation.id, archived.id, randomUUID()]) {
      const response = await call(h, admin, 'POST', '/api/v1/users', createBody(tenant, { organisationId }));
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_ERROR');
      expect(response.json().error.details[0].field).toBe('organisationId');
    }
    expect(await dbState(tenant.municipality.id)).toEqual(beforeA);
    expect(await dbState(other.municipality.id)).toEqual(beforeB);
  });

  it.each([
    ['email', { email: 'not-an-email' }],
    ['name', { name: '   ' }],
    ['role', { role: 'superuser' }],
    ['organisationId', { organisationId: 'kommunen' }],
    ['password', { password: '' }],
  ])('refuses a bad %s with 400 naming the field, and writes nothing', async (field, overrides) => {
    const tenant = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const before = await dbState(tenant.municipality.id);
    const response = await call(h, admin, 'POST', '/api/v1/users', createBody(tenant, overrides));
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_ERROR');
    expect(response.json().error.details.map((detail: { field: string }) => detail.field)).toEqual([field]);
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });
});

describe('list and read users', () => {
  async function seedDirectory() {
    const tenant = await seed();
    const other = await seed();
    const caps = seedCapabilities(h.deps.keyring);
    const shelter = await buildOrganisation(h.deps.db, tenant.municipality.id, { name: 'Krisesenteret', kind: 'shelter', isInternal: false });
    const base = { municipalityId: tenant.municipality.id, organisationId: shelter.id };
    const aslaug = await buildUser(h.deps.db, caps, { ...base, role: 'partner', name: 'Aslaug Ås', email: `aslaug-${randomUUID().slice(0, 8)}@krise.invalid` });
    const bjorn = await buildUser(h.deps.db, caps, { ...base, role: 'partner', name: 'Bjørn 100% Berg', deactivatedAt: new Date() });
    return { tenant, other, shelter, aslaug, bjorn, admin: await signIn(h, tenant.users.admin) };
  }
  type Listed = { items: { id: string; name: string; role: string; active: boolean; organisation: { id: string } }[]; total: number | null; nextCursor: string | null };
  const list = async (session: { cookie: string }, query: string): Promise<Listed> => {
    const response = await call(h, session, 'GET', `/api/v1/users${query}`);
    expect(response.statusCode, response.body).toBe(200);
    expectNoSecrets(response.body);
    return response.json();
  };

  it("lists the municipality's users only, and filters by q, role, organisation and active", async () => {
    const { tenant, other, shelter, aslaug, bjorn, admin } = await seedDirectory();
    const all = await list(admin, '?limit=200');
    // One user per role (seven) and the two shelter users.
    expect(all.total).toBe(9);
    const ids = all.items.map((user) => user.id);
    expect(ids).toEqual(expect.arrayContaining([...Object.values(tenant.users).map((user) => user.id), aslaug.id, bjorn.id]));
    for (const user of Object.values(other.users)) expect(ids).not.toContain(user.id);
    expect((await list(admin, `?q=${encodeURIComponent(other.users.viewer.email)}`)).total).toBe(0);

    expect((await list(admin, '?q=aslaug')).items.map((user) => user.id)).toEqual([aslaug.id]);
    expect((await list(admin, '?q=KRISE.INVALID')).items.map((user) => user.id)).toEqual([aslaug.id]);
    expect((await list(admin, `?q=${encodeURIComponent('100%')}`)).items.map((user) => user.id)).toEqual([bjorn.id]);
    expect((await list(admin, `?q=${encodeURIComponent('%')}`)).items.map((user) => user.id)).toEqual([bjorn.id]);
    const partners = await list(admin, '?role=partner');
    expect(partners.total).toBe(3);
    expect(partners.items.every((user) => user.role === 'partner')).toBe(true);
    const inShelter = await list(admin, `?organisationId=${shelter.id}`);
    expect(inShelter.items.map((user) => user.id).sort()).toEqual([aslaug.id, bjorn.id].sort());
    expect(inShelter.items.every((user) => user.organisation.id === shelter.id)).toBe(true);
    expect((await list(admin, '?active=false')).items.map((user) => user.id)).toEqual([bjorn.id]);
    const active = await list(admin, '?active=true&role=partner');
    expect(active.items.map((user) => user.id).sort()).toEqual([aslaug.id, tenant.users.partner.id].sort());
    expect(active.items.every((user) => user.active)).toBe(true);
    expect((await list(admin, `?organisationId=${other.organisation.id}`)).total).toBe(0);
  });

  it('pages by keyset cursor in name order (either way) or by creation, with a total; a bad cursor is 400 INVALID_CURSOR', async () => {
    const { admin } = await seedDirectory();
    const all = await list(admin, '?limit=200');
    const names = all.items.map((user) => user.name);
    expect(names).toEqual([...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    for (const sort of ['name', '-name', '-createdAt']) {
      const whole = (await list(admin, `?limit=200&sort=${sort}`)).items.map((user) => user.id);
      const pages: Listed[] = [];
      let cursor: string | null = null;
      do {
        const page: Listed = await list(admin, `?limit=4&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
        pages.push(page);
        cursor = page.nextCursor;
      } while (cursor);
      expect(pages.map((page) => page.items.length), sort).toEqual([4, 4, 1]);
      expect(pages.map((page) => page.total)).toEqual([9, null, null]);
      expect(pages.flatMap((page) => page.items.map((user) => user.id))).toEqual(whole);
    }
    expect((await list(admin, '?sort=-name&limit=200')).items.map((user) => user.name)).toEqual([...names].reverse());
    const cursor = (await list(admin, '?limit=4&sort=name')).nextCursor;
    for (const query of [`?sort=-createdAt&cursor=${cursor}`, '?cursor=broken']) {
      const response = await call(h, admin, 'GET', `/api/v1/users${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(errorCode(response)).toBe('INVALID_CURSOR');
    }
  });

  it.each([
    ['limit', '?limit=0'],
    ['limit', '?limit=201'],
    ['sort', '?sort=email'],
    ['role', '?role=boss'],
    ['organisationId', '?organisationId=kommunen'],
    ['active', '?active=yes'],
  ])('refuses a bad %s in the query with 400 naming the field (%s)', async (field, query) => {
    const tenant = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const response = await call(h, admin, 'GET', `/api/v1/users${query}`);
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_ERROR');
    expect(response.json().error.details[0].field).toBe(field);
  });

  it('reads one user with organisation, state and no secrets', async () => {
    const { admin, aslaug, bjorn, shelter } = await seedDirectory();
    const response = await call(h, admin, 'GET', `/api/v1/users/${aslaug.id}`);
    expect(response.statusCode).toBe(200);
    expectNoSecrets(response.body);
    expect(response.json()).toMatchObject({ id: aslaug.id, name: 'Aslaug Ås', email: aslaug.email, role: 'partner', active: true, organisation: { id: shelter.id, name: 'Krisesenteret' } });
    expect((await call(h, admin, 'GET', `/api/v1/users/${bjorn.id}`)).json().active).toBe(false);
  });
});
