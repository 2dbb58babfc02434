import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TipSubmission } from '@lykt/shared';
import { call, createHarness, errorCode, seedTenant, signIn, type Session, type TestHarness } from '../../../test/harness';
import { submitTip } from './tips.service';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const seed = () => seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
const submission: TipSubmission = {
  language: 'nb',
  what: 'Observasjon',
  placeKind: 'construction',
  area: 'Havna',
  address: '',
  when: 'i går',
  peopleCount: 'one',
  minor: 'no',
  immediateDanger: false,
  anonymous: true,
  contactName: '',
  contactPhone: '',
  contactEmail: '',
  contactMayBeShared: false,
};

type Page = { items: { id: string; unread: boolean }[]; total: number };
async function list(session: Session, query = ''): Promise<Page> {
  const response = await call(h, session, 'GET', `/api/v1/tips${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Page>();
}

describe('the tip inbox: the unread filter', () => {
  it('lists only tips with something new (tips?unread=true), and a caseworker still only their assigned ones', async () => {
    const tenant = await seed();
    for (let n = 0; n < 3; n += 1) await submitTip(h.deps, tenant.municipality.id, submission);
    const coordinator = await signIn(h, tenant.users.coordinator);
    const [first, second] = (await list(coordinator)).items;
    expect((await call(h, coordinator, 'GET', `/api/v1/tips/${first?.id ?? ''}`)).statusCode).toBe(200);
    const unread = await list(coordinator, '?unread=true');
    expect(unread.items.map((item) => item.id)).not.toContain(first?.id);
    expect(unread.total).toBe(2);
    expect((await list(coordinator, '?unread=false')).items.map((item) => item.id)).toEqual([first?.id]);
    const assigned = await call(h, coordinator, 'PATCH', `/api/v1/tips/${second?.id ?? ''}`, { assignedUserId: tenant.users.caseworker.id });
    expect(assigned.statusCode, assigned.body).toBeLessThan(300);
    const caseworker = await signIn(h, tenant.users.caseworker);
    for (const query of ['', '?unread=true', '?unread=false', '?status=new']) {
      for (const item of (await list(caseworker, query)).items) expect(item.id, query).toBe(second?.id);
    }
    expect(errorCode(await call(h, coordinator, 'GET', '/api/v1/tips?unread=maybe'))).toBe('VALIDATION_ERROR');
  });
});
