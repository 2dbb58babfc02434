import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, schema } from '@lykt/db';
import type { ScreeningList } from '@lykt/shared';
import { call, createHarness, errorCode, seedTenant, signIn, type Session, type TestHarness } from '../../../test/harness';
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
const noIndicators = [
  { indicatorId: 'chi.not-in-school', answer: 'no' },
  { indicatorId: 'gen.others-speak', answer: 'no' },
];

async function list(session: Session, query = ''): Promise<ScreeningList> {
  const response = await call(h, session, 'GET', `/api/v1/screenings${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function save(session: Session, body: Record<string, unknown>, createdAt: string): Promise<string> {
  const response = await call(h, session, 'POST', '/api/v1/screenings', screeningBody(body));
  expect(response.statusCode, response.body).toBe(201);
  const id: string = response.json().id;
  await h.deps.db.update(schema.screening).set({ createdAt: new Date(createdAt) }).where(eq(schema.screening.id, id));
  return id;
}

/** Three screenings by a frontline user and one by a second frontline user, on known days. */
async function scenario() {
  const tenant = await seed();
  const other = await buildUser(h.deps.db, seedCapabilities(h.deps.keyring), {
    municipalityId: tenant.municipality.id,
    organisationId: tenant.organisation.id,
    role: 'frontline',
    email: `other-${tenant.municipality.id}@example.invalid`,
  });
  const frontline = await signIn(h, tenant.users.frontline);
  const otherSession = await signIn(h, other);
  const coordinator = await signIn(h, tenant.users.coordinator);
  const ids = {
    healthSome: await save(frontline, {}, '2026-03-01T10:00:00Z'),
    schoolNone: await save(frontline, { context: 'school', answers: noIndicators }, '2026-03-02T10:00:00Z'),
    schoolSome: await save(frontline, { context: 'school' }, '2026-03-03T23:30:00Z'),
    otherHealth: await save(otherSession, { answers: noIndicators }, '2026-03-04T10:00:00Z'),
    coordinatorOwn: await save(coordinator, { context: 'other' }, '2026-03-05T10:00:00Z'),
  };
  return { tenant, frontline, otherSession, coordinator, ids };
}

const idsOf = (page: ScreeningList) => page.items.map((item) => item.id);

describe('the screening list: need-to-know, filters, sort and keyset paging', () => {
  it('gives a frontline user only their own with every filter; the coordinator all, or their own with mine=true', async () => {
    const { frontline, otherSession, coordinator, ids } = await scenario();
    const own = await list(frontline);
    expect(idsOf(own)).toEqual([ids.schoolSome, ids.schoolNone, ids.healthSome]);
    expect(own.total).toBe(3);
    expect(idsOf(await list(frontline, '?context=health'))).toEqual([ids.healthSome]);
    expect(idsOf(await list(otherSession, '?context=school'))).toEqual([]);
    expect(idsOf(await list(otherSession))).toEqual([ids.otherHealth]);
    const all = await list(coordinator);
    expect(idsOf(all)).toEqual([ids.coordinatorOwn, ids.otherHealth, ids.schoolSome, ids.schoolNone, ids.healthSome]);
    expect(all.items.filter((item) => item.mine).map((item) => item.id)).toEqual([ids.coordinatorOwn]);
    expect(idsOf(await list(coordinator, '?mine=true'))).toEqual([ids.coordinatorOwn]);
    // mine=true cannot widen anyone's view.
    expect(idsOf(await list(otherSession, '?mine=true'))).toEqual([ids.otherHealth]);
  });

  it('filters by service, result band, possible minor and Norwegian local day (both ends inclusive)', async () => {
    const { coordinator, ids } = await scenario();
    expect(idsOf(await list(coordinator, '?context=school'))).toEqual([ids.schoolSome, ids.schoolNone]);
    expect(idsOf(await list(coordinator, '?level=none'))).toEqual([ids.otherHealth, ids.schoolNone]);
    expect(idsOf(await list(coordinator, '?level=some_indicators&context=health'))).toEqual([ids.healthSome]);
    expect(idsOf(await list(coordinator, '?minor=false'))).toEqual([]);
    expect((await list(coordinator, '?minor=true')).items).toHaveLength(5);
    // schoolSome was saved at 23:30 UTC on 3 March: 00:30 on 4 March in Norway, so it is a 4 March screening.
    expect(idsOf(await list(coordinator, '?from=2026-03-02&to=2026-03-03'))).toEqual([ids.schoolNone]);
    expect(idsOf(await list(coordinator, '?from=2026-03-04&to=2026-03-04'))).toEqual([ids.otherHealth, ids.schoolSome]);
    expect(idsOf(await list(coordinator, '?to=2026-03-01'))).toEqual([ids.healthSome]);
    expect(idsOf(await list(coordinator, '?from=2026-03-06'))).toEqual([]);
  });

  it('sorts by time, service and result band, and pages without gaps or repeats', async () => {
    const { coordinator, ids } = await scenario();
    expect(idsOf(await list(coordinator, '?sort=createdAt'))).toEqual([ids.healthSome, ids.schoolNone, ids.schoolSome, ids.otherHealth, ids.coordinatorOwn]);
    const byContext = (await list(coordinator, '?sort=context')).items.map((item) => item.context);
    expect(byContext).toEqual(['health', 'health', 'other', 'school', 'school']);
    const byLevel = (await list(coordinator, '?sort=-level')).items.map((item) => item.level);
    expect(byLevel).toEqual(['some_indicators', 'some_indicators', 'some_indicators', 'none', 'none']);
    for (const sort of ['-createdAt', 'context', '-level']) {
      const whole = idsOf(await list(coordinator, `?sort=${sort}`));
      const paged: string[] = [];
      const totals: (number | null)[] = [];
      let cursor: string | null = null;
      do {
        const page: ScreeningList = await list(coordinator, `?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        paged.push(...idsOf(page));
        totals.push(page.total);
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged, sort).toEqual(whole);
      // The coordinator's whole list is not counted (no cheap count); a scoped one is.
      expect(totals).toEqual([null, null, null]);
    }
    const { frontline } = await scenario();
    expect((await list(frontline, '?limit=1')).total).toBe(3);
  });

  it('answers 400 INVALID_CURSOR for a damaged cursor or one from another sort, and 400 VALIDATION_ERROR for a bad filter', async () => {
    const { coordinator } = await scenario();
    const cursor = (await list(coordinator, '?sort=context&limit=1')).nextCursor;
    expect(cursor).not.toBeNull();
    for (const query of [`?sort=-createdAt&cursor=${cursor}`, '?cursor=abc', `?sort=context&cursor=${cursor}x`]) {
      const response = await call(h, coordinator, 'GET', `/api/v1/screenings${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(errorCode(response)).toBe('INVALID_CURSOR');
    }
    for (const query of ['?level=high', '?context=mall', '?from=03-01-2026', '?sort=-answers', '?mine=false']) {
      const response = await call(h, coordinator, 'GET', `/api/v1/screenings${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_ERROR');
    }
  });
});
