import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, TEST_PASSWORD } from '@lykt/db';
import { ROLE_PERMISSIONS, ROLES } from '@lykt/shared';
import { call, createHarness, errorCode, seedTenant, signIn, type TestHarness } from '../../../test/harness';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const SETTINGS = { mfaPolicy: 'off' as const, languages: ['nb', 'nn', 'en'], defaultLanguage: 'nb', suppressionThreshold: 7 };
const seed = () => seedTenant(h, { settings: SETTINGS });

async function dbState(municipalityId: string) {
  const [[municipality], audit] = await Promise.all([
    h.deps.db.select().from(schema.municipality).where(eq(schema.municipality.id, municipalityId)),
    h.deps.db.select({ id: schema.auditEvent.id }).from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq)),
  ]);
  return { municipality, audit };
}

async function auditEvents(municipalityId: string, action: string) {
  const rows = await h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq));
  return rows.filter((row) => row.action === action);
}

describe('read the settings', () => {
  it('answers 401 UNAUTHENTICATED without a session, for reading and changing', async () => {
    const tenant = await seed();
    const before = await dbState(tenant.municipality.id);
    for (const [method, body] of [['GET', undefined], ['PATCH', { name: 'Kapret' }]] as const) {
      const response = await call(h, null, method, '/api/v1/municipality', body);
      expect(response.statusCode).toBe(401);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
    }
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });

  it.each(ROLES)("shows a %s their own municipality's settings when the role may read them", async (role) => {
    const tenant = await seed();
    await seed();
    const response = await call(h, await signIn(h, tenant.users[role]), 'GET', '/api/v1/municipality');
    if (!ROLE_PERMISSIONS[role].includes('municipality:read')) {
      expect(errorCode(response)).toBe('FORBIDDEN');
      return;
    }
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id: tenant.municipality.id,
      name: tenant.municipality.name,
      country: 'NO',
      defaultLanguage: 'nb',
      languages: ['nb', 'nn', 'en'],
      mfaPolicy: 'off',
      requirePasskey: false,
      suppressionThreshold: 7,
      roundingBase: 1,
      noiseMax: 3,
      noiseVariance: 1,
      isDemo: false,
      logo: null,
    });
  });
});

describe('change the settings', () => {
  it.each(ROLES.filter((role) => !ROLE_PERMISSIONS[role].includes('municipality:write')))('answers 403 FORBIDDEN to a %s and writes nothing', async (role) => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users[role]);
    const before = await dbState(tenant.municipality.id);
    const response = await call(h, session, 'PATCH', '/api/v1/municipality', { name: 'Kapret', mfaPolicy: 'off' });
    expect(response.statusCode).toBe(403);
    expect(errorCode(response)).toBe('FORBIDDEN');
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });

  it('lets the admin change name and languages, keeps other settings, audits field names, leaves other municipalities alone', async () => {
    const tenant = await seed();
    const other = await seed();
    const beforeOther = await dbState(other.municipality.id);
    const admin = await signIn(h, tenant.users.admin);
    const response = await call(h, admin, 'PATCH', '/api/v1/municipality', { name: 'Levanger kommune', languages: ['en', 'ro', 'uk'], defaultLanguage: 'en' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: tenant.municipality.id, name: 'Levanger kommune', languages: ['en', 'ro', 'uk'], defaultLanguage: 'en', mfaPolicy: 'off' });
    const { municipality } = await dbState(tenant.municipality.id);
    expect(municipality?.settings).toEqual({ mfaPolicy: 'off', languages: ['en', 'ro', 'uk'], defaultLanguage: 'en', suppressionThreshold: 7 });
    expect((await call(h, admin, 'GET', '/api/v1/municipality')).json().name).toBe('Levanger kommune');
    expect(await auditEvents(tenant.municipality.id, 'municipality.updated')).toMatchObject([
      { entityType: 'municipality', entityId: tenant.municipality.id, actorUserId: tenant.users.admin.id, details: { fields: ['name', 'defaultLanguage', 'languages'] } },
    ]);
    expect(await dbState(other.municipality.id)).toEqual(beforeOther);
  });

  it.each([
    ['both given', { languages: ['en', 'ro'], defaultLanguage: 'nb' }],
    ['default outside the current languages', { defaultLanguage: 'ro' }],
    ['languages dropping the current default', { languages: ['en'] }],
  ])('refuses a default language not among the languages (%s): 400 on defaultLanguage, nothing written', async (_case, body) => {
    const tenant = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const before = await dbState(tenant.municipality.id);
    const response = await call(h, admin, 'PATCH', '/api/v1/municipality', body);
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_ERROR');
    expect(response.json().error.details[0].field).toBe('defaultLanguage');
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });

  it.each([
    ['body', {}],
    ['name', { name: '  ' }],
    ['languages', { languages: [] }],
    ['languages.1', { languages: ['nb', 'klingon'] }],
    ['mfaPolicy', { mfaPolicy: 'sometimes' }],
    ['defaultLanguage', { defaultLanguage: 'xx' }],
    ['suppressionThreshold', { suppressionThreshold: 2 }],
    ['suppressionThreshold', { suppressionThreshold: 21 }],
    ['suppressionThreshold', { suppressionThreshold: 4.5 }],
    ['roundingBase', { roundingBase: 4 }],
    ['noiseMax', { noiseMax: 0 }],
    ['noiseMax', { noiseMax: 6 }],
    ['noiseMax', { noiseMax: 2.5 }],
    ['noiseVariance', { noiseVariance: 0.4 }],
    ['noiseVariance', { noiseVariance: 11 }],
    ['noiseVariance', { noiseMax: 1, noiseVariance: 1 }],
  ])('refuses bad input on %s with 400 naming the field, nothing written', async (field, body) => {
    const tenant = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const before = await dbState(tenant.municipality.id);
    const response = await call(h, admin, 'PATCH', '/api/v1/municipality', body);
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_ERROR');
    expect(response.json().error.details[0].field).toBe(field);
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });

  it('lets the admin set k and the rounding base, audited, and the statistics page follows them', async () => {
    const tenant = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const response = await call(h, admin, 'PATCH', '/api/v1/municipality', { suppressionThreshold: 3, roundingBase: 5 });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ suppressionThreshold: 3, roundingBase: 5 });
    const [event] = await auditEvents(tenant.municipality.id, 'municipality.updated');
    expect(event?.details).toMatchObject({ fields: ['suppressionThreshold', 'roundingBase'], suppressionThreshold: 3, roundingBase: 5 });
    const page = await call(h, await signIn(h, tenant.users.coordinator), 'GET', `/api/v1/statistics?year=${new Date().getUTCFullYear() - 1}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({ suppressionThreshold: 3, roundingBase: 5 });
  });

  it('lets the admin set the noise D and V within bounds, audited; the next release uses them, an earlier one keeps its own', async () => {
    const tenant = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const viewer = await signIn(h, tenant.users.viewer);
    const year = new Date().getUTCFullYear() - 1;
    const first = await call(h, viewer, 'GET', `/api/v1/statistics?year=${year}`);
    expect(first.json()).toMatchObject({ noiseMax: 3, noiseVariance: 1, release: { number: 1 } });
    const response = await call(h, admin, 'PATCH', '/api/v1/municipality', { noiseMax: 2, noiseVariance: 0.8 });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ noiseMax: 2, noiseVariance: 0.8 });
    const [event] = await auditEvents(tenant.municipality.id, 'municipality.updated');
    expect(event?.details).toMatchObject({ fields: ['noiseMax', 'noiseVariance'], noiseMax: 2, noiseVariance: 0.8 });
    // The stored release is not recomputed; a year not yet published (outside the five-year trend read above) is published with the new parameters.
    expect((await call(h, viewer, 'GET', `/api/v1/statistics?year=${year}`)).json()).toMatchObject({ noiseMax: 3, noiseVariance: 1, release: { number: 1 } });
    expect((await call(h, viewer, 'GET', `/api/v1/statistics?year=${year - 5}`)).json()).toMatchObject({ noiseMax: 2, noiseVariance: 0.8, release: { number: 1 } });
  });

  it("applies mfaPolicy 'all' at a frontline user's next sign-in", async () => {
    const tenant = await seed();
    const other = await seed();
    const login = (email: string) => call(h, null, 'POST', '/api/v1/auth/login', { email, password: TEST_PASSWORD });
    expect((await login(tenant.users.frontline.email)).json()).toEqual({ state: 'active' });
    const admin = await signIn(h, tenant.users.admin);
    const response = await call(h, admin, 'PATCH', '/api/v1/municipality', { mfaPolicy: 'all' });
    expect(response.json().mfaPolicy).toBe('all');
    expect((await login(tenant.users.frontline.email)).json()).toEqual({ state: 'mfa_enrolment' });
    expect((await login(other.users.frontline.email)).json()).toEqual({ state: 'active' });
    expect(await auditEvents(tenant.municipality.id, 'municipality.updated')).toMatchObject([
      { entityId: tenant.municipality.id, actorUserId: tenant.users.admin.id, details: { fields: ['mfaPolicy'], mfaPolicy: 'all' } },
    ]);
  });
});
