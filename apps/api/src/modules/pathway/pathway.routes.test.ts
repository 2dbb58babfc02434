import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PATHWAY_NO } from '@lykt/content/indicators';
import { buildContactPerson, buildOrganisation, schema } from '@lykt/db';
import { ROLE_PERMISSIONS, ROLES } from '@lykt/shared';
import { call, createHarness, errorCode, seedTenant, signIn, type TestHarness } from '../../../test/harness';
import { screeningBody } from '../screening/screening.fixtures';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const seed = () => seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });

async function dbState(municipalityId: string) {
  const [pathways, audit] = await Promise.all([
    h.deps.db.select().from(schema.referralPathway).where(eq(schema.referralPathway.municipalityId, municipalityId)).orderBy(asc(schema.referralPathway.id)),
    h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq)),
  ]);
  return { pathways, audit };
}

const rule = (id: string, organisationId: string | null, when: Record<string, unknown> = { possibleMinor: true, minAny: 1 }) => ({
  id,
  when,
  step: { kind: 'notify_child_welfare', urgency: 'now', organisationId, organisationKind: null, phone: null },
});

describe('the referral pathway', () => {
  it('answers 401 without a session', async () => {
    const tenant = await seed();
    for (const method of ['GET', 'PUT'] as const) {
      const response = await call(h, null, method, '/api/v1/pathway', method === 'PUT' ? { rules: [rule('rule-a', null)] } : undefined);
      expect(response.statusCode).toBe(401);
    }
    expect((await dbState(tenant.municipality.id)).pathways).toEqual([]);
  });

  it.each(ROLES)('gives a %s exactly the access its role grants', async (role) => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users[role]);
    const read = await call(h, session, 'GET', '/api/v1/pathway');
    expect(read.statusCode).toBe(ROLE_PERMISSIONS[role].includes('pathway:read') ? 200 : 403);
    const write = await call(h, session, 'PUT', '/api/v1/pathway', { rules: [rule('rule-a', null)] });
    expect(write.statusCode).toBe(ROLE_PERMISSIONS[role].includes('pathway:write') ? 200 : 403);
    if (write.statusCode === 403) expect((await dbState(tenant.municipality.id)).pathways).toEqual([]);
  });

  it('starts with the national default and resolves its contacts from the partner registry by kind', async () => {
    const tenant = await seed();
    const childWelfare = await buildOrganisation(h.deps.db, tenant.municipality.id, { name: 'Barnevernet', kind: 'child_welfare', phone: '+47 99 00 00 02' });
    await buildContactPerson(h.deps.db, tenant.municipality.id, childWelfare.id, { name: 'Berit Vakt', roleTitle: 'Barnevernvakt', phone: '+47 99 00 00 09' });
    const response = await call(h, await signIn(h, tenant.users.frontline), 'GET', '/api/v1/pathway');
    expect(response.statusCode).toBe(200);
    const pathway = response.json();
    expect(pathway.isDefault).toBe(true);
    expect(pathway.rules).toEqual(DEFAULT_PATHWAY_NO.rules);
    expect(pathway.contacts['minor-notify-child-welfare']).toMatchObject({ name: 'Barnevernet', phone: '+47 99 00 00 02', people: [{ name: 'Berit Vakt', phone: '+47 99 00 00 09' }] });
    expect(pathway.contacts['any-indicator-coordinator']).toMatchObject({ organisationId: tenant.organisation.id });
  });

  it('lets the coordinator replace it; new screenings use it; the change is audited', async () => {
    const tenant = await seed();
    const org = await buildOrganisation(h.deps.db, tenant.municipality.id, { name: 'Barnevernvakta', kind: 'child_welfare' });
    const coordinator = await signIn(h, tenant.users.coordinator);
    const response = await call(h, coordinator, 'PUT', '/api/v1/pathway', { rules: [rule('minor-to-duty', org.id)] });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ isDefault: false, version: 1, contacts: { 'minor-to-duty': { name: 'Barnevernvakta' } } });
    const second = await call(h, coordinator, 'PUT', '/api/v1/pathway', { rules: [rule('minor-to-duty', org.id), rule('always', null, {})] });
    expect(second.json().version).toBe(2);
    const screening = await call(h, await signIn(h, tenant.users.frontline), 'POST', '/api/v1/screenings', screeningBody());
    expect(screening.json().nextStepRuleIds).toEqual(['minor-to-duty', 'always']);
    const audit = (await dbState(tenant.municipality.id)).audit.filter((event) => event.action === 'pathway.updated');
    expect(audit.map((event) => event.details)).toEqual([{ rules: 1, version: 1 }, { rules: 2, version: 2 }]);
  });

  it.each([
    ['an organisation of another municipality', async () => [rule('rule-a', (await buildOrganisation(h.deps.db, (await seed()).municipality.id)).id)], 'rules.0.step.organisationId'],
    ['an unknown step kind', async () => [{ ...rule('rule-a', null), step: { ...rule('rule-a', null).step, kind: 'pray' } }], 'rules.0.step.kind'],
    ['duplicate rule ids', async () => [rule('rule-a', null), rule('rule-a', null)], 'rules'],
    ['a count out of range', async () => [rule('rule-a', null, { minStrong: 99 })], 'rules.0.when.minStrong'],
    ['an unknown condition', async () => [rule('rule-a', null, { moonPhase: 'full' })], 'rules.0.when'],
    ['no rules', async () => [], 'rules'],
  ])('answers 400 VALIDATION_ERROR for %s, and writes nothing', async (_name, rules, field) => {
    const tenant = await seed();
    const body = { rules: await rules() };
    const coordinator = await signIn(h, tenant.users.coordinator);
    const before = await dbState(tenant.municipality.id);
    const response = await call(h, coordinator, 'PUT', '/api/v1/pathway', body);
    expect(response.statusCode, response.body).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_ERROR');
    expect(JSON.stringify(response.json().error.details)).toContain(field);
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });

  it("does not show another municipality's pathway", async () => {
    const tenant = await seed();
    await call(h, await signIn(h, tenant.users.coordinator), 'PUT', '/api/v1/pathway', { rules: [rule('only-here', null)] });
    const stranger = await seed();
    const response = await call(h, await signIn(h, stranger.users.coordinator), 'GET', '/api/v1/pathway');
    expect(response.json().isDefault).toBe(true);
  });
});

describe('the OpenAPI document', () => {
  it('describes every identification endpoint', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const document: { paths: Record<string, Record<string, { summary?: string; tags?: string[] }>> } = response.json();
    const expected: [string, string][] = [
      ['/api/v1/screenings', 'post'],
      ['/api/v1/screenings', 'get'],
      ['/api/v1/screenings/{id}', 'get'],
      ['/api/v1/concerns', 'post'],
      ['/api/v1/concerns', 'get'],
      ['/api/v1/concerns/assignees', 'get'],
      ['/api/v1/concerns/{id}', 'get'],
      ['/api/v1/concerns/{id}/identifying-details', 'get'],
      ['/api/v1/concerns/{id}/assignment', 'post'],
      ['/api/v1/concerns/{id}/questions', 'post'],
      ['/api/v1/concerns/{id}/answers', 'post'],
      ['/api/v1/concerns/{id}/closure', 'post'],
      ['/api/v1/pathway', 'get'],
      ['/api/v1/pathway', 'put'],
    ];
    for (const [path, method] of expected) {
      const operation = document.paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(operation?.summary, `${method} ${path}`).toBeTruthy();
      expect(operation?.tags).toEqual(['identification']);
    }
  });
});
