import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@lykt/db';
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

type KeysetPage = { items: { id: string; status: string; lastActivityOn: string; submittedOn: string; placeKind: string }[]; nextCursor: string | null; total: number | null };
async function page(session: Session, query: string): Promise<KeysetPage> {
  const response = await call(h, session, 'GET', `/api/v1/tips${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<KeysetPage>();
}

describe('the tip inbox: search, filters, sort and keyset paging', () => {
  it('finds a tip by its receipt code (through the keyed hash) or id, never by its encrypted text', async () => {
    const tenant = await seed();
    const receiptCode = await submitTip(h.deps, tenant.municipality.id, { ...submission, what: 'Hemmelig observasjon Sjøgata', placeKind: 'farm_or_fishing' });
    await submitTip(h.deps, tenant.municipality.id, submission);
    const coordinator = await signIn(h, tenant.users.coordinator);
    const byReceipt = await page(coordinator, `?q=${encodeURIComponent(receiptCode)}`);
    expect(byReceipt.items).toHaveLength(1);
    expect(byReceipt.items[0]?.placeKind).toBe('farm_or_fishing');
    const id = byReceipt.items[0]?.id ?? '';
    expect((await page(coordinator, `?q=${id}`)).items.map((item) => item.id)).toEqual([id]);
    expect((await page(coordinator, `?q=${receiptCode.replace(/\s/g, '')}`)).items.map((item) => item.id)).toEqual([id]);
    // The text the tipster wrote is encrypted: it is never searched.
    expect((await page(coordinator, '?q=Sj%C3%B8gata')).items).toHaveLength(0);
    expect((await page(coordinator, '?q=Hemmelig')).items).toHaveLength(0);
    // Coded fields are.
    expect((await page(coordinator, '?q=fishing')).items.map((item) => item.id)).toEqual([id]);
    expect((await page(coordinator, '?placeKind=construction')).items.map((item) => item.id)).not.toContain(id);
    // A caseworker finds only tips assigned to them, even by receipt code.
    const caseworker = await signIn(h, tenant.users.caseworker);
    expect((await page(caseworker, `?q=${encodeURIComponent(receiptCode)}`)).items).toHaveLength(0);
  });

  it('finds a place kind and a status by their label in Norwegian or English, never by the tip\'s own text', async () => {
    const tenant = await seed();
    await submitTip(h.deps, tenant.municipality.id, { ...submission, placeKind: 'construction', what: 'Arbeidere sover i brakka ved Oslo S', area: 'Oslo sentrum' });
    await submitTip(h.deps, tenant.municipality.id, { ...submission, placeKind: 'farm_or_fishing', what: 'Båten i havna', area: 'Bryggen' });
    const coordinator = await signIn(h, tenant.users.coordinator);
    const places = async (q: string) => (await page(coordinator, `?q=${encodeURIComponent(q)}`)).items.map((item) => item.placeKind).sort();
    // The Norwegian label, in any case and in part, finds the code stored on the tip.
    expect(await places('Byggeplass')).toEqual(['construction']);
    expect(await places('byggeplass')).toEqual(['construction']);
    expect(await places('fiskeindustri')).toEqual(['farm_or_fishing']);
    expect(await places('Gård')).toEqual(['farm_or_fishing']);
    // The English label and the English code, typed by anyone, find the same.
    expect(await places('Building site')).toEqual(['construction']);
    expect(await places('construction')).toEqual(['construction']);
    expect(await places('farm_or_fishing')).toEqual(['farm_or_fishing']);
    // A label no tip has finds nothing; so does the tip's own encrypted text ("Oslo" is only in what the tipster wrote).
    expect(await places('Massasje')).toEqual([]);
    expect(await places('Oslo')).toEqual([]);
    expect(await places('brakka')).toEqual([]);
    expect(await places('Bryggen')).toEqual([]);
    // The status is found by its label too.
    expect(await places('Ny')).toEqual(['construction', 'farm_or_fishing']);
    expect(await places('Under arbeid')).toEqual([]);
  });

  it('sorts by activity, submission and status and pages with a cursor; a bad cursor is a 400', async () => {
    const tenant = await seed();
    for (let n = 0; n < 5; n += 1) await submitTip(h.deps, tenant.municipality.id, { ...submission, immediateDanger: n === 0 });
    const days = ['2026-01-05', '2026-03-01', '2026-02-10', '2026-04-20', '2026-01-30'];
    const rows = await h.deps.db.select({ id: schema.tip.id }).from(schema.tip).where(eq(schema.tip.municipalityId, tenant.municipality.id));
    for (const [index, row] of rows.entries()) {
      await h.deps.db.update(schema.tip).set({ lastActivityOn: days[index] ?? '2026-01-01', submittedOn: days[index] ?? '2026-01-01', status: index % 2 === 0 ? 'new' : 'in_progress' }).where(eq(schema.tip.id, row.id));
    }
    const coordinator = await signIn(h, tenant.users.coordinator);
    const first = await page(coordinator, '?limit=2');
    expect(first.total).toBe(5);
    expect(first.items.map((item) => item.lastActivityOn)).toEqual(['2026-04-20', '2026-03-01']);
    const second = await page(coordinator, `?limit=2&cursor=${first.nextCursor ?? ''}`);
    expect(second.items.map((item) => item.lastActivityOn)).toEqual(['2026-02-10', '2026-01-30']);
    expect(second.total).toBeNull();
    const third = await page(coordinator, `?limit=2&cursor=${second.nextCursor ?? ''}`);
    expect(third.items.map((item) => item.lastActivityOn)).toEqual(['2026-01-05']);
    expect(third.nextCursor).toBeNull();
    const ascending = await page(coordinator, '?sort=submittedOn');
    expect(ascending.items.map((item) => item.submittedOn)).toEqual([...days].sort());
    const byStatus = await page(coordinator, '?sort=status&limit=3');
    const restByStatus = await page(coordinator, `?sort=status&limit=3&cursor=${byStatus.nextCursor ?? ''}`);
    expect([...byStatus.items, ...restByStatus.items].map((item) => item.status)).toEqual(['in_progress', 'in_progress', 'new', 'new', 'new']);
    expect((await page(coordinator, '?danger=true')).items).toHaveLength(1);
    // A cursor belongs to its sort; a damaged one is refused with a clear code, never a 500.
    for (const cursor of [first.nextCursor ?? '', 'not-a-cursor', Buffer.from(JSON.stringify({ s: '-lastActivityOn', k: '2026-13-45', i: rows[0]?.id })).toString('base64url')]) {
      const query = cursor === first.nextCursor ? `?sort=submittedOn&cursor=${cursor}` : `?cursor=${cursor}`;
      const response = await call(h, coordinator, 'GET', `/api/v1/tips${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(errorCode(response)).toBe('INVALID_CURSOR');
    }
    expect(errorCode(await call(h, coordinator, 'GET', '/api/v1/tips?sort=contentEnc'))).toBe('VALIDATION_ERROR');
  });
});
