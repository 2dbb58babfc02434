import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_CATALOGUE_VERSION } from '@lykt/content/indicators';
import { buildUser, schema } from '@lykt/db';
import { ROLE_PERMISSIONS, ROLES, ScreeningProfileSchema, type Permission } from '@lykt/shared';
import { call, createHarness, errorCode, seedTenant, signIn, type TestHarness } from '../../../test/harness';
import { seedCapabilities } from '../../platform/seed-capabilities';
import { screeningBody } from './screening.fixtures';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const seed = () => seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 3 } });
const rolesWithout = (permission: Permission) => ROLES.filter((role) => !ROLE_PERMISSIONS[role].includes(permission));

async function dbState(municipalityId: string) {
  const [screenings, audit] = await Promise.all([
    h.deps.db.select().from(schema.screening).where(eq(schema.screening.municipalityId, municipalityId)).orderBy(asc(schema.screening.id)),
    h.deps.db.select({ id: schema.auditEvent.id }).from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq)),
  ]);
  return { screenings, audit };
}

describe('access to screenings', () => {
  it('answers 401 without a session on every endpoint, and writes nothing', async () => {
    const tenant = await seed();
    const before = await dbState(tenant.municipality.id);
    for (const [method, url, body] of [
      ['POST', '/api/v1/screenings', screeningBody()],
      ['GET', '/api/v1/screenings', undefined],
      ['GET', `/api/v1/screenings/${tenant.organisation.id}`, undefined],
    ] as const) {
      const response = await call(h, null, method, url, body);
      expect(response.statusCode, url).toBe(401);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
    }
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });

  it.each(rolesWithout('screenings:create'))('answers 403 to a %s saving a screening, and writes nothing', async (role) => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users[role]);
    const before = await dbState(tenant.municipality.id);
    const response = await call(h, session, 'POST', '/api/v1/screenings', screeningBody());
    expect(response.statusCode).toBe(403);
    expect(errorCode(response)).toBe('FORBIDDEN');
    expect((await dbState(tenant.municipality.id)).screenings).toEqual(before.screenings);
  });

  it.each(rolesWithout('screenings:read'))('answers 403 to a %s listing screenings', async (role) => {
    const tenant = await seed();
    const response = await call(h, await signIn(h, tenant.users[role]), 'GET', '/api/v1/screenings');
    expect(response.statusCode).toBe(403);
  });

});

describe('save a screening', () => {
  it('scores it with the shared code, records the catalogue version and the next steps, and audits it', async () => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.frontline);
    const response = await call(h, session, 'POST', '/api/v1/screenings', screeningBody());
    expect(response.statusCode, response.body).toBe(201);
    const saved = response.json();
    expect(saved.catalogueVersion).toBe(CURRENT_CATALOGUE_VERSION);
    expect(saved.facts.possibleMinor).toBe(true);
    expect(saved.profile.possibleMinor).toBe(true);
    expect(saved.profile.yes).toBe(1);
    expect(saved.profile.unknown).toBe(1);
    expect(saved.profile.level).toBe('some_indicators');
    expect(saved.nextStepRuleIds).toContain('minor-notify-child-welfare');
    expect(saved.nextStepRuleIds).not.toContain('adult-labour-inspection');
    expect(saved.mine).toBe(true);
    const [row] = (await dbState(tenant.municipality.id)).screenings;
    expect(row?.catalogueVersion).toBe(CURRENT_CATALOGUE_VERSION);
    expect(row?.organisationId).toBe(tenant.organisation.id);
    const events = await h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, tenant.municipality.id));
    const created = events.find((event) => event.action === 'screening.created');
    expect(created?.entityId).toBe(saved.id);
    expect(created?.details).toMatchObject({ context: 'health', possibleMinor: true, level: 'some_indicators' });
  });

  it('gives an adult with labour and general indicators the coordinator, the labour inspection, A-krim and the police only with consent; lists labour alone', async () => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.frontline);
    const response = await call(
      h,
      session,
      'POST',
      '/api/v1/screenings',
      screeningBody({
        context: 'inspection',
        suspectedForms: ['labour'],
        facts: { ageBand: '25_39', possibleMinor: false, gender: 'male', nationality: null, sector: 'construction', placeKind: 'workplace', immediateDanger: false, wantsHelp: 'no' },
        answers: [
          { indicatorId: 'lab.wages-withheld', answer: 'yes' },
          { indicatorId: 'gen.documents-held', answer: 'yes' },
        ],
      }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const saved = response.json();
    const profile = ScreeningProfileSchema.parse(saved.profile);
    expect(profile.forms.find((form) => form.form === 'labour')).toMatchObject({ strong: 1, medium: 1, ownIndicatorIds: ['lab.wages-withheld'], level: 'strong_indicators' });
    expect(profile.general).toMatchObject({ strong: 1, indicatorIds: ['gen.documents-held'], level: 'strong_indicators' });
    expect(profile.forms.filter((form) => form.level !== 'none').map((form) => form.form)).toEqual(['labour']);
    expect(saved.nextStepRuleIds).toEqual([
      'any-indicator-coordinator',
      'adult-strong-talk',
      'adult-strong-reflection',
      'adult-labour-inspection',
      'adult-labour-akrim',
      'adult-strong-police-consent',
      'any-indicator-send-concern',
    ]);
  });

  it.each([
    ['an unknown indicator id', screeningBody({ answers: [{ indicatorId: 'gen.made-up', answer: 'yes' }] }), 'answers.0.indicatorId'],
    ['an indicator answered twice', screeningBody({ answers: [{ indicatorId: 'gen.fear', answer: 'yes' }, { indicatorId: 'gen.fear', answer: 'no' }] }), 'answers.1.indicatorId'],
    ['a wrong catalogue version', screeningBody({ catalogueVersion: '2020.1' }), 'catalogueVersion'],
    ['an answer out of range', screeningBody({ answers: [{ indicatorId: 'gen.fear', answer: 'maybe' }] }), 'answers.0.answer'],
    ['an unknown context', screeningBody({ context: 'airport' }), 'context'],
    ['an unknown age band', screeningBody({ facts: { ...screeningBody().facts, ageBand: '200_plus' } }), 'facts.ageBand'],
    ['a nationality that is not a country code', screeningBody({ facts: { ...screeningBody().facts, nationality: 'Romanian' } }), 'facts.nationality'],
    ['an unknown form', screeningBody({ suspectedForms: ['war'] }), 'suspectedForms.0'],
  ])('answers 400 VALIDATION_ERROR for %s, naming the field, and writes nothing', async (_name, body, field) => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.frontline);
    const before = await dbState(tenant.municipality.id);
    const response = await call(h, session, 'POST', '/api/v1/screenings', body);
    expect(response.statusCode, response.body).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_ERROR');
    expect(response.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });
});

describe('read screenings', () => {
  it('still reads a screening saved with catalogue 2026.1, whose profile has no general level', async () => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.frontline);
    const created = (await call(h, session, 'POST', '/api/v1/screenings', screeningBody())).json();
    const legacyForm = (form: string) => ({ form, strong: 1, medium: 0, weak: 0, indicatorIds: ['gen.documents-held'], level: 'strong_indicators' });
    const legacyProfile = {
      catalogueVersion: '2026.1',
      possibleMinor: false,
      answered: 1,
      yes: 1,
      unknown: 0,
      level: 'strong_indicators',
      forms: ['labour', 'sexual', 'domestic_servitude', 'forced_begging', 'forced_criminality', 'organ_removal'].map(legacyForm),
    };
    await h.deps.db.update(schema.screening).set({ profile: legacyProfile, catalogueVersion: '2026.1' }).where(eq(schema.screening.id, created.id));
    const response = await call(h, session, 'GET', `/api/v1/screenings/${created.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const profile = ScreeningProfileSchema.parse(response.json().profile);
    expect(profile.general).toBeNull();
    expect(profile.catalogueVersion).toBe('2026.1');
    expect(profile.forms).toHaveLength(6);
  });

  it('shows a frontline user only their own; another frontline user gets 404; the coordinator sees all', async () => {
    const tenant = await seed();
    const other = await buildUser(h.deps.db, seedCapabilities(h.deps.keyring), {
      municipalityId: tenant.municipality.id,
      organisationId: tenant.organisation.id,
      role: 'frontline',
      email: `other-${tenant.municipality.id}@example.invalid`,
    });
    const mine = await signIn(h, tenant.users.frontline);
    const created = (await call(h, mine, 'POST', '/api/v1/screenings', screeningBody())).json();
    const otherSession = await signIn(h, other);
    expect((await call(h, otherSession, 'GET', `/api/v1/screenings/${created.id}`)).statusCode).toBe(404);
    expect((await call(h, otherSession, 'GET', '/api/v1/screenings')).json()).toEqual({ items: [], nextCursor: null, total: 0 });
    const own = await call(h, mine, 'GET', `/api/v1/screenings/${created.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().answers).toHaveLength(3);
    const coordinator = await signIn(h, tenant.users.coordinator);
    const list = (await call(h, coordinator, 'GET', '/api/v1/screenings')).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: created.id, mine: false, possibleMinor: true, level: 'some_indicators' });
    expect((await call(h, coordinator, 'GET', `/api/v1/screenings/${created.id}`)).statusCode).toBe(200);
    // Every read of one screening is audited (the owner's and the coordinator's); the refused read and the list are not.
    const viewed = await h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.action, 'screening.viewed'));
    const reads = viewed.filter((event) => event.entityId === created.id);
    expect(reads.map((event) => event.actorUserId).sort()).toEqual([tenant.users.frontline.id, tenant.users.coordinator.id].sort());
    expect(reads.every((event) => JSON.stringify(event.details) === JSON.stringify({ context: 'health' }))).toBe(true);
  });

  it("answers 404 for another municipality's screening", async () => {
    const tenant = await seed();
    const created = (await call(h, await signIn(h, tenant.users.frontline), 'POST', '/api/v1/screenings', screeningBody())).json();
    const stranger = await seed();
    const response = await call(h, await signIn(h, stranger.users.coordinator), 'GET', `/api/v1/screenings/${created.id}`);
    expect(response.statusCode).toBe(404);
    expect(errorCode(response)).toBe('NOT_FOUND');
    expect((await call(h, await signIn(h, stranger.users.coordinator), 'GET', '/api/v1/screenings')).json().total).toBe(0);
  });

  it('answers 400 for a paging value out of range', async () => {
    const tenant = await seed();
    const response = await call(h, await signIn(h, tenant.users.frontline), 'GET', '/api/v1/screenings?limit=0');
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_ERROR');
  });
});
