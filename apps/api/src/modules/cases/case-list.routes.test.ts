import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@lykt/db';
import { call, createHarness, errorCode, signIn, type Session, type TestHarness } from '../../../test/harness';
import { directCaseBody, extraUser, openCase, seedCaseTenant, type CaseTenant } from './case.fixtures';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

type Page = { items: { id: string; caseNumber: string; status: string; isMinor: boolean; exploitationForms: string[] }[]; nextCursor: string | null; total: number | null };

async function list(session: Session, query = ''): Promise<Page> {
  const response = await call(h, session, 'GET', `/api/v1/cases${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Page>();
}

/** Every row of a list, followed page by page through the cursors. */
async function allPages(session: Session, query: string, limit: number): Promise<string[]> {
  const numbers: string[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 50; guard += 1) {
    const page: Page = await list(session, `?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`);
    numbers.push(...page.items.map((item) => item.caseNumber));
    if (!page.nextCursor) return numbers;
    cursor = page.nextCursor;
  }
  throw new Error('the cursors never ended');
}

/** Seven cases: five by the caseworker (two of minors, one for sexual exploitation), two by another caseworker. */
async function seedCases(tenant: CaseTenant) {
  const caseworker = await signIn(h, tenant.users.caseworker);
  const other = await signIn(h, await extraUser(h, tenant, 'caseworker'));
  const own = [];
  for (let n = 0; n < 5; n += 1) {
    const facts = { ...directCaseBody().facts, isMinor: n < 2, ageBand: n < 2 ? '16_17' : '25_39', exploitationForms: n === 4 ? ['sexual'] : ['labour'] };
    own.push(await openCase(h, caseworker, directCaseBody({ facts })));
  }
  const theirs = [await openCase(h, other), await openCase(h, other, directCaseBody({ facts: { ...directCaseBody().facts, isMinor: true, ageBand: '16_17' } }))];
  return { caseworker, other, own, theirs };
}

describe('the case list: filters, search, sort and keyset paging', () => {
  it('pages through every case exactly once in each sort, whatever the page size', async () => {
    const tenant = await seedCaseTenant(h);
    const { own, theirs } = await seedCases(tenant);
    const coordinator = await signIn(h, tenant.users.coordinator);
    const numbers = [...own, ...theirs].map((item) => item.caseNumber).sort();
    // Same timestamps must not lose or repeat rows: the id breaks ties.
    await h.deps.db.update(schema.caseFile).set({ updatedAt: new Date('2026-01-01T12:00:00.123456Z') }).where(eq(schema.caseFile.municipalityId, tenant.municipality.id));
    for (const limit of [1, 2, 3, 7, 50]) {
      expect(await allPages(coordinator, '&sort=caseNumber', limit)).toEqual(numbers);
      expect(await allPages(coordinator, '&sort=-caseNumber', limit)).toEqual([...numbers].reverse());
      expect((await allPages(coordinator, '', limit)).sort()).toEqual(numbers);
      expect((await allPages(coordinator, '&sort=createdAt', limit)).sort()).toEqual(numbers);
    }
    const newest = await list(coordinator, '?sort=-createdAt&limit=1');
    const oldest = await list(coordinator, '?sort=createdAt&limit=1');
    expect(newest.items[0]?.caseNumber).toBe(theirs[1]?.caseNumber);
    expect(oldest.items[0]?.caseNumber).toBe(own[0]?.caseNumber);
  });

  it('filters by status, minor, form of exploitation and deadline, and searches the case number', async () => {
    const tenant = await seedCaseTenant(h);
    const { own, theirs } = await seedCases(tenant);
    const coordinator = await signIn(h, tenant.users.coordinator);
    const m = tenant.municipality.id;
    expect((await list(coordinator, '?minor=true')).items.map((item) => item.id).sort()).toEqual([own[0]?.id, own[1]?.id, theirs[1]?.id].sort());
    expect((await list(coordinator, '?minor=false')).items).toHaveLength(4);
    expect((await list(coordinator, '?form=sexual')).items.map((item) => item.id)).toEqual([own[4]?.id]);
    await h.deps.db.update(schema.caseFile).set({ status: 'follow_up' }).where(and(eq(schema.caseFile.municipalityId, m), eq(schema.caseFile.id, own[2]?.id ?? '')));
    expect((await list(coordinator, '?status=follow_up')).items.map((item) => item.id)).toEqual([own[2]?.id]);
    // Deadline soon: a reflection period ending in 10 days, a review overdue; one far off and one on a closed case are left out.
    const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const set = (id: string | undefined, values: Partial<typeof schema.caseFile.$inferInsert>) => h.deps.db.update(schema.caseFile).set(values).where(and(eq(schema.caseFile.municipalityId, m), eq(schema.caseFile.id, id ?? '')));
    // Minors' cases get a child-welfare review date when opened; start from none.
    await h.deps.db.update(schema.caseFile).set({ childWelfareReviewDueAt: null }).where(eq(schema.caseFile.municipalityId, m));
    await set(own[0]?.id, { reflectionPeriodStart: day(-170), reflectionPeriodEnd: day(10) });
    await set(own[1]?.id, { childWelfareReviewDueAt: new Date(Date.now() - 86_400_000) });
    await set(own[3]?.id, { reflectionPeriodStart: day(0), reflectionPeriodEnd: day(180) });
    await set(theirs[0]?.id, { reflectionPeriodStart: day(-170), reflectionPeriodEnd: day(3), status: 'closed', closedAt: new Date() });
    expect((await list(coordinator, '?deadline=soon')).items.map((item) => item.id).sort()).toEqual([own[0]?.id, own[1]?.id].sort());
    // Search: part of a case number, case-insensitive; LIKE characters are taken literally.
    const number = own[3]?.caseNumber ?? '';
    expect((await list(coordinator, `?q=${encodeURIComponent(number.slice(-4))}`)).items.map((item) => item.caseNumber)).toEqual([number]);
    expect((await list(coordinator, '?q=%25')).items).toEqual([]);
    expect((await list(coordinator, '?q=_')).items).toEqual([]);
  });

  it('never searches personal data: a name from the encrypted person finds nothing', async () => {
    const tenant = await seedCaseTenant(h);
    await seedCases(tenant);
    const coordinator = await signIn(h, tenant.users.coordinator);
    expect((await list(coordinator, '?q=Mirela')).items).toEqual([]);
  });

  it('never widens what a caseworker sees: every filter, search, sort and cursor stays within their teams', async () => {
    const tenant = await seedCaseTenant(h);
    const { caseworker, own, theirs } = await seedCases(tenant);
    const ownIds = new Set(own.map((item) => item.id));
    const queries = ['', '&minor=true', '&minor=false', '&form=labour', '&status=open', '&deadline=soon', '&mine=false', '&sort=caseNumber', '&sort=-createdAt', `&q=${encodeURIComponent(theirs[0]?.caseNumber ?? '')}`];
    for (const query of queries) {
      for (const limit of [1, 50]) {
        const seen = await allPages(caseworker, query, limit);
        for (const number of seen) expect(own.map((item) => item.caseNumber), `${query} ${limit}`).toContain(number);
      }
    }
    const page = await list(caseworker, '?limit=50');
    expect(page.items.every((item) => ownIds.has(item.id))).toBe(true);
    expect(page.total).toBe(5);
    // A cursor taken from the coordinator's list (pointing at another team's case) still only pages the caseworker's own.
    const coordinator = await signIn(h, tenant.users.coordinator);
    const foreign = await list(coordinator, '?limit=1&sort=caseNumber');
    const after = await list(caseworker, `?limit=50&sort=caseNumber&cursor=${foreign.nextCursor ?? ''}`);
    expect(after.items.every((item) => ownIds.has(item.id))).toBe(true);
    // Another municipality's coordinator sees none of it, filtered or not.
    const stranger = await signIn(h, (await seedCaseTenant(h)).users.coordinator);
    for (const query of queries) expect((await list(stranger, `?limit=50${query}`)).items).toEqual([]);
  });

  it('answers 400 INVALID_CURSOR for a damaged cursor or one from another sort, and 400 for an unknown sort', async () => {
    const tenant = await seedCaseTenant(h);
    await seedCases(tenant);
    const coordinator = await signIn(h, tenant.users.coordinator);
    const byNumber = await list(coordinator, '?limit=1&sort=caseNumber');
    const bad = [`${byNumber.nextCursor ?? ''}&sort=-updatedAt`, 'x!', Buffer.from('{"s":"-updatedAt","k":"2026-13-01 00:00:00+00","i":"00000000-0000-4000-8000-000000000000"}').toString('base64url'), 'a'.repeat(600)];
    for (const cursor of bad) {
      const response = await call(h, coordinator, 'GET', `/api/v1/cases?cursor=${cursor}`);
      expect(response.statusCode, cursor).toBe(400);
      expect(['INVALID_CURSOR', 'VALIDATION_ERROR']).toContain(errorCode(response));
    }
    expect(errorCode(await call(h, coordinator, 'GET', `/api/v1/cases?cursor=${bad[0]}`))).toBe('INVALID_CURSOR');
    expect(errorCode(await call(h, coordinator, 'GET', '/api/v1/cases?cursor=x!'))).toBe('INVALID_CURSOR');
    expect(errorCode(await call(h, coordinator, 'GET', '/api/v1/cases?sort=personName'))).toBe('VALIDATION_ERROR');
  });

  it('sends only the list columns: no personal data in any row', async () => {
    const tenant = await seedCaseTenant(h);
    await seedCases(tenant);
    const coordinator = await signIn(h, tenant.users.coordinator);
    const response = await call(h, coordinator, 'GET', '/api/v1/cases?limit=50');
    expect(response.body).not.toContain('Mirela');
    expect(Object.keys(response.json<Page>().items[0] ?? {}).sort()).toEqual(
      ['ageBand', 'caseNumber', 'closedAt', 'createdAt', 'exploitationForms', 'id', 'isMember', 'isMinor', 'openReferrals', 'owner', 'personalDataErased', 'sourceKind', 'status', 'updatedAt'].sort(),
    );
  });
});
