import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@lykt/db';
import type { Deadlines, HomeCount, HomeQueue } from '@lykt/shared';
import { call, createHarness, errorCode, signIn, type Session, type TestHarness } from '../../../test/harness';
import { openCase, seedCaseTenant, type CaseTenant } from '../cases/case.fixtures';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function get<T>(session: Session, url: string): Promise<T> {
  const response = await call(h, session, 'GET', url);
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json<T>();
}

/**
 * How many rows the list a home count links to shows, read through the API the list page calls
 * with the link's own filters. Undefined for the case reminders other than tasks (the case side's
 * overdue referrals and deadlines), which the home page lists itself below the counts.
 */
async function rowsBehind(session: Session, link: HomeCount['link']): Promise<number | undefined> {
  const query = new URLSearchParams({ ...link.search, limit: '200' }).toString();
  if (link.to === '/concerns') return (await get<{ items: unknown[] }>(session, `/api/v1/concerns?${query}`)).items.length;
  // "Tasks due" counts tasks: the list shows, per case, how many of the user's tasks are due.
  if (link.to === '/cases' && link.search.tasks === 'due') return (await get<{ items: { dueTasks?: number }[] }>(session, `/api/v1/cases?${query}`)).items.reduce((sum, item) => sum + (item.dueTasks ?? Number.NaN), 0);
  if (link.to === '/tips') return (await get<{ items: unknown[] }>(session, `/api/v1/tips?${query}`)).items.length;
  if (link.to === '/referrals') return (await get<{ items: unknown[] }>(session, `/api/v1/partner/referrals?${query}`)).items.length;
  if (link.to === '/training') return (await get<{ items: unknown[] }>(session, `/api/v1/training/modules?${new URLSearchParams({ ...link.search, lang: 'nb' }).toString()}`)).items.length;
  if (link.to === '/plans') {
    const deadlines = await get<Deadlines>(session, '/api/v1/plans/deadlines');
    if (link.search.due === 'overdue') return deadlines.overdue.length;
    if (link.search.due === 'soon') return deadlines.dueSoon.length;
    throw new Error(`a plans link without a deadline filter: ${JSON.stringify(link.search)}`);
  }
  return undefined;
}

/** An adopted plan with one measure overdue, one due in ten days and one due in a year. */
async function adoptedPlanWithDeadlines(tenant: CaseTenant) {
  const coordinator = await signIn(h, tenant.users.coordinator);
  const created = await call(h, coordinator, 'POST', '/api/v1/plans', { title: 'Tiltaksplan', periodStart: '2026-01-01', periodEnd: '2029-12-31', template: { language: 'nb', measureKeys: ['A1', 'A2', 'A3'] } });
  expect(created.statusCode, created.body).toBe(201);
  const planId = created.json<{ id: string }>().id;
  const adopted = await call(h, coordinator, 'POST', `/api/v1/plans/${planId}/versions/1/adopt`, { decisionRef: 'KS-sak 1/26', decisionDate: day(0) });
  expect(adopted.statusCode, adopted.body).toBe(200);
  const measures = await h.deps.db.select({ id: schema.planMeasure.id }).from(schema.planMeasure).where(eq(schema.planMeasure.municipalityId, tenant.municipality.id));
  expect(measures.length).toBeGreaterThanOrEqual(3);
  const dues = [day(-3), day(10), day(365)];
  for (const [index, measure] of measures.entries()) {
    await h.deps.db.update(schema.planMeasure).set({ dueDate: dues[index % 3] ?? null, status: 'in_progress' }).where(eq(schema.planMeasure.id, measure.id));
  }
}

describe('every home count links to a list that shows exactly that many', () => {
  it.each(['coordinator', 'caseworker', 'frontline', 'partner', 'admin'] as const)('for a %s', async (role) => {
    const tenant = await seedCaseTenant(h);
    await adoptedPlanWithDeadlines(tenant);
    const frontline = await signIn(h, tenant.users.frontline);
    const concern = await call(h, frontline, 'POST', '/api/v1/concerns', {
      screeningId: null,
      context: 'health',
      suspectedForms: ['labour'],
      facts: { ageBand: '25_39', possibleMinor: false, gender: 'male', nationality: null, sector: 'construction', placeKind: 'workplace', immediateDanger: false, wantsHelp: 'yes' },
      note: 'Bekymret.',
      reporterContact: { phone: null, email: null },
      person: null,
    });
    expect(concern.statusCode, concern.body).toBe(201);

    const session = await signIn(h, tenant.users[role]);
    const home = await get<HomeQueue>(session, '/api/v1/me/queue');
    const checked: string[] = [];
    for (const item of home.counts) {
      const rows = await rowsBehind(session, item.link);
      if (rows === undefined) continue;
      expect(rows, `${item.key} → ${item.link.to}?${new URLSearchParams(item.link.search).toString()}`).toBe(item.count);
      checked.push(item.key);
    }
    const expected: Record<typeof role, string[]> = {
      coordinator: ['concerns_new', 'concerns_awaiting_reporter', 'tips_unread', 'tips_new_messages', 'tasks_due', 'measures_overdue', 'measures_due_soon', 'training_due'],
      caseworker: ['concerns_awaiting_reporter', 'concerns_in_progress', 'tips_unread', 'tips_new_messages', 'tasks_due', 'training_due'],
      frontline: ['concerns_question_for_you', 'concerns_open_own', 'training_due'],
      partner: ['referrals_awaiting_answer', 'referrals_overdue', 'measures_overdue', 'measures_due_soon', 'training_due'],
      admin: ['training_due'],
    };
    expect(checked).toEqual(expected[role]);
    if (role === 'coordinator') {
      expect(home.counts.find((item) => item.key === 'measures_overdue')?.count).toBeGreaterThan(0);
      expect(home.counts.find((item) => item.key === 'measures_due_soon')?.count).toBeGreaterThan(0);
      expect(home.counts.find((item) => item.key === 'concerns_new')?.count).toBe(1);
    }
    if (role === 'frontline') expect(home.counts.find((item) => item.key === 'training_due')?.count).toBeGreaterThan(0);
  });

  it('lists only the modules due for the user with due=me, and refuses an unknown due value', async () => {
    const tenant = await seedCaseTenant(h);
    const session = await signIn(h, tenant.users.frontline);
    const all = (await get<{ items: { key: string; isForMe: boolean; status: string }[] }>(session, '/api/v1/training/modules')).items;
    const due = (await get<{ items: { key: string }[] }>(session, '/api/v1/training/modules?due=me')).items;
    expect(due.map((item) => item.key)).toEqual(all.filter((item) => item.isForMe && item.status !== 'completed').map((item) => item.key));
    expect(due.length).toBeGreaterThan(0);
    const bad = await call(h, session, 'GET', '/api/v1/training/modules?due=everyone');
    expect(bad.statusCode).toBe(400);
  });

  it('counts the user’s own due tasks exactly as /cases?tasks=due lists them per case', async () => {
    const tenant = await seedCaseTenant(h);
    const owner = await signIn(h, tenant.users.caseworker);
    const [first, second, third] = [await openCase(h, owner), await openCase(h, owner), await openCase(h, owner)];
    const task = async (caseId: string, dueOn: string) => {
      const response = await call(h, owner, 'POST', `/api/v1/cases/${caseId}/tasks`, { title: 'Ring tolketjenesten', ownerUserId: tenant.users.caseworker.id, dueOn });
      expect(response.statusCode, response.body).toBeLessThan(300);
    };
    // Two due tasks on one case count as two; a task due in a month is not due yet.
    await task(first?.id ?? '', day(1));
    await task(first?.id ?? '', day(-2));
    await task(second?.id ?? '', day(0));
    await task(third?.id ?? '', day(30));
    const home = await get<HomeQueue>(owner, '/api/v1/me/queue');
    const item = home.counts.find((count) => count.key === 'tasks_due');
    expect(item?.link).toEqual({ to: '/cases', search: { tasks: 'due' } });
    expect(item?.count).toBe(3);
    const listed = await get<{ items: { id: string; dueTasks?: number }[] }>(owner, '/api/v1/cases?tasks=due');
    expect(Object.fromEntries(listed.items.map((row) => [row.id, row.dueTasks]))).toEqual({ [first?.id ?? '']: 2, [second?.id ?? '']: 1 });
    // The column is there only with the filter.
    expect((await get<{ items: { dueTasks?: number }[] }>(owner, '/api/v1/cases')).items.every((row) => row.dueTasks === undefined)).toBe(true);
    // Someone else's tasks are not mine: the coordinator sees every case but has no due task of their own.
    const coordinator = await signIn(h, tenant.users.coordinator);
    expect((await get<{ items: unknown[] }>(coordinator, '/api/v1/cases?tasks=due')).items).toHaveLength(0);
    expect(errorCode(await call(h, owner, 'GET', '/api/v1/cases?tasks=soon'))).toBe('VALIDATION_ERROR');
  });
});
