import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '@lykt/db';
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
const facts = { ageBand: '25_39', possibleMinor: false, gender: 'male', nationality: null, sector: 'construction', placeKind: 'workplace', immediateDanger: false, wantsHelp: 'yes' };

type Page = { items: { id: string; context: string; possibleMinor: boolean; assignedTo: { id: string } | null }[]; nextCursor: string | null; total: number | null };

async function create(session: Session, context: string, possibleMinor: boolean): Promise<string> {
  const body = { screeningId: null, context, suspectedForms: ['labour'], facts: { ...facts, possibleMinor, ageBand: possibleMinor ? '16_17' : '25_39' }, note: null, reporterContact: null, person: null };
  const response = await call(h, session, 'POST', '/api/v1/concerns', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

async function list(session: Session, query = ''): Promise<Page> {
  const response = await call(h, session, 'GET', `/api/v1/concerns${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Page>();
}

async function allIds(session: Session, query: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 50; guard += 1) {
    const page: Page = await list(session, `?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`);
    ids.push(...page.items.map((item) => item.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('the cursors never ended');
}

async function seedConcerns() {
  const tenant = await seed();
  const nurse = await signIn(h, tenant.users.frontline);
  const teacherUser = await buildUser(h.deps.db, seedCapabilities(h.deps.keyring), { municipalityId: tenant.municipality.id, organisationId: tenant.organisation.id, role: 'frontline' });
  const teacher = await signIn(h, teacherUser);
  const nurseIds = [await create(nurse, 'health', false), await create(nurse, 'health', true), await create(nurse, 'school', false)];
  const teacherIds = [await create(teacher, 'school', true), await create(teacher, 'school', false)];
  const coordinator = await signIn(h, tenant.users.coordinator);
  const assigned = await call(h, coordinator, 'POST', `/api/v1/concerns/${teacherIds[0]}/assignment`, { caseworkerId: tenant.users.caseworker.id });
  expect(assigned.statusCode, assigned.body).toBe(200);
  return { tenant, nurse, teacher, coordinator, nurseIds, teacherIds, caseworker: await signIn(h, tenant.users.caseworker) };
}

describe('the concern list: filters, sort and keyset paging', () => {
  it('filters by assignment, service and possible minor, in the URL form the home page links to', async () => {
    const { coordinator, caseworker, nurseIds, teacherIds } = await seedConcerns();
    expect((await list(coordinator, '?status=new&assigned=none')).items.map((item) => item.id).sort()).toEqual([...nurseIds, teacherIds[1]].sort());
    expect((await list(caseworker, '?assigned=me')).items.map((item) => item.id)).toEqual([teacherIds[0]]);
    expect((await list(coordinator, '?assigned=me')).items).toEqual([]);
    expect((await list(coordinator, '?context=school')).items.map((item) => item.id).sort()).toEqual([nurseIds[2], ...teacherIds].sort());
    expect((await list(coordinator, '?minor=true')).items.map((item) => item.id).sort()).toEqual([nurseIds[1], teacherIds[0]].sort());
  });

  it('pages through every concern once in each sort', async () => {
    const { coordinator, nurseIds, teacherIds } = await seedConcerns();
    const all = [...nurseIds, ...teacherIds];
    for (const limit of [1, 2, 5]) {
      expect(await allIds(coordinator, '&sort=createdAt', limit)).toEqual(all);
      expect(await allIds(coordinator, '', limit)).toEqual([...all].reverse());
      expect((await allIds(coordinator, '&sort=-updatedAt', limit)).sort()).toEqual([...all].sort());
    }
    expect((await list(coordinator, '?limit=2')).total).toBeNull();
    expect((await list(coordinator, '?limit=50')).total).toBe(5);
  });

  it('never widens what a reporter or caseworker sees, whatever the filter or cursor', async () => {
    const { nurse, caseworker, coordinator, nurseIds, teacherIds } = await seedConcerns();
    const queries = ['', '&assigned=none', '&assigned=me', '&context=school', '&minor=true', '&status=new', '&sort=createdAt'];
    for (const query of queries) {
      for (const id of await allIds(nurse, query, 1)) expect(nurseIds, query).toContain(id);
      for (const id of await allIds(caseworker, query, 1)) expect([teacherIds[0]], query).toContain(id);
    }
    expect((await list(nurse, '?limit=1')).total).toBe(3);
    const foreign = await list(coordinator, '?limit=1&sort=createdAt');
    for (const id of (await list(nurse, `?sort=createdAt&cursor=${foreign.nextCursor ?? ''}`)).items.map((item) => item.id)) expect(nurseIds).toContain(id);
  });

  it('answers 400 INVALID_CURSOR for a bad cursor and VALIDATION_ERROR for an unknown filter value', async () => {
    const { coordinator } = await seedConcerns();
    const byCreated = await list(coordinator, '?limit=1&sort=createdAt');
    expect(errorCode(await call(h, coordinator, 'GET', `/api/v1/concerns?cursor=${byCreated.nextCursor ?? ''}`))).toBe('INVALID_CURSOR');
    expect(errorCode(await call(h, coordinator, 'GET', '/api/v1/concerns?cursor=%7B%7D'))).toBe('INVALID_CURSOR');
    expect(errorCode(await call(h, coordinator, 'GET', '/api/v1/concerns?assigned=someone'))).toBe('VALIDATION_ERROR');
  });
});
