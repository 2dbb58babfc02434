import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organisation } from '@lykt/shared';
import { call, createHarness, errorCode, seedTenant, signIn, type Session, type TestHarness } from '../../../test/harness';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const seed = () => seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });

async function names(session: Session, query: string): Promise<string[]> {
  const response = await call(h, session, 'GET', `/api/v1/organisations${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: Organisation[] }>().items.map((item) => item.name);
}

describe('the partner register: search by name, filter by kind, sort', () => {
  it('narrows and orders the register, in this municipality only, and refuses a bad kind or sort', async () => {
    const tenant = await seed();
    const other = await seed();
    const admin = await signIn(h, tenant.users.admin);
    for (const [name, kind] of [['Politiet Øst', 'police'], ['Barnevernet', 'child_welfare'], ['Krisesenteret 100%', 'shelter'], ['Politiets utlendingsenhet', 'police']] as const) {
      expect((await call(h, admin, 'POST', '/api/v1/organisations', { name, kind, isInternal: false })).statusCode).toBe(201);
    }
    expect((await call(h, await signIn(h, other.users.admin), 'POST', '/api/v1/organisations', { name: 'Politiet Vest', kind: 'police', isInternal: false })).statusCode).toBe(201);

    expect(await names(admin, '?q=politi')).toEqual(['Politiet Øst', 'Politiets utlendingsenhet']);
    expect(await names(admin, '?q=100%25')).toEqual(['Krisesenteret 100%']);
    expect(await names(admin, '?q=_')).toEqual([]);
    expect(await names(admin, '?kind=police&sort=-name')).toEqual(['Politiets utlendingsenhet', 'Politiet Øst']);
    const byKind = await names(admin, '?sort=kind&q=e');
    expect(byKind.indexOf('Barnevernet')).toBeLessThan(byKind.indexOf('Politiet Øst'));
    expect(byKind.indexOf('Politiets utlendingsenhet')).toBeLessThan(byKind.indexOf('Krisesenteret 100%'));
    for (const query of ['?kind=army', '?sort=createdAt']) {
      const response = await call(h, admin, 'GET', `/api/v1/organisations${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_ERROR');
    }
  });
});
