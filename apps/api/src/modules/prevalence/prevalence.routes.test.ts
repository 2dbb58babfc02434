import fs from 'node:fs';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@lykt/db';
import { parseOverlapCsv } from '@lykt/mse';
import { ROLE_PERMISSIONS, ROLES, type PrevalenceEstimateRecord, type PrevalenceStudy, type PrevalenceStudySummary } from '@lykt/shared';
import { freshDatabases } from '../../../test/fresh-databases';
import { call, createHarness, errorCode, seedTenant, signIn, type Session, type TestHarness } from '../../../test/harness';
import { directCaseBody, openCase } from '../cases/case.fixtures';
import { runPrevalenceRetention } from './prevalence.service';

// runPrevalenceRetention (here dated 2099) erases kept pseudonyms in every municipality in the database:
// on PostgreSQL the file gets a database of its own (dropped after the file), so it never erases other test
// files' studies.
const ownDatabase = freshDatabases(process.env.TEST_DATABASE_URL, 'lykt_prevalence');
let h: TestHarness;
beforeAll(async () => {
  h = await createHarness({}, { ownDatabase });
});
afterAll(async () => {
  await h.close();
});

const seed = () => seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
const STUDY = { title: 'Mulige ofre 2026', periodFrom: '2026-01-01', periodTo: '2026-12-31' };

/** A fictional person i: name and birth date (never a real person). */
const person = (i: number) => ({ name: `Fiktiv Testperson${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`, birth: `19${70 + (i % 30)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(13 + (i % 15)).padStart(2, '0')}` });
const csvOf = (ids: number[], edit: (i: number, p: { name: string; birth: string }) => { name: string; birth: string } = (_, p) => p) =>
  ['name,date_of_birth,sex', ...ids.map((i) => edit(i, person(i))).map((p) => `${p.name},${p.birth},K`)].join('\n');
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
const SECRETS = ['Testperson', 'Fiktiv', '1970-01-13', 'Mirela'];

// Three lists over 120 fictional people: A 0–59, B 40–89, C 30–44 and 80–109. Person 45 is on
// B with a typo in the name; person 50's birth date is written with day and month swapped on B
// (only possible when the day is ≤ 12, so it gets its own date here).
const LIST_A = csvOf(range(0, 60), (i, p) => (i === 50 ? { ...p, birth: '1985-03-07' } : p));
const LIST_B = csvOf(range(40, 90), (i, p) => (i === 45 ? { ...p, name: p.name.replace('Testperson', 'Testpersn') } : i === 50 ? { ...p, birth: '1985-07-03' } : p));
const LIST_C = csvOf([...range(30, 45), ...range(80, 110)]);

async function studyWithLists(session: Session): Promise<string> {
  const study = (await call(h, session, 'POST', '/api/v1/prevalence/studies', STUDY)).json<PrevalenceStudySummary>();
  for (const [name, csv] of [
    ['Politiet', LIST_A],
    ['Krisesenteret', LIST_B],
    ['NAV', LIST_C],
  ] as const) {
    const added = await call(h, session, 'POST', `/api/v1/prevalence/studies/${study.id}/lists`, { name, csv });
    expect(added.statusCode, added.body).toBe(201);
  }
  return study.id;
}

async function everythingStored(municipalityId: string): Promise<string> {
  const [studies, lists, members, estimates, audit] = await Promise.all([
    h.deps.db.select().from(schema.prevalenceStudy).where(eq(schema.prevalenceStudy.municipalityId, municipalityId)),
    h.deps.db.select().from(schema.prevalenceList).where(eq(schema.prevalenceList.municipalityId, municipalityId)),
    h.deps.db.select().from(schema.prevalenceMember).where(eq(schema.prevalenceMember.municipalityId, municipalityId)),
    h.deps.db.select().from(schema.prevalenceEstimate).where(eq(schema.prevalenceEstimate.municipalityId, municipalityId)),
    h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq)),
  ]);
  return JSON.stringify({ studies, lists, members, estimates, audit });
}

async function auditActions(municipalityId: string): Promise<string[]> {
  const rows = await h.deps.db.select({ action: schema.auditEvent.action }).from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq));
  return rows.map((row) => row.action).filter((action) => action.startsWith('prevalence.'));
}

describe('prevalence studies', { timeout: 120_000 }, () => {
  it('answers 401 without a session', async () => {
    expect((await call(h, null, 'GET', '/api/v1/prevalence/studies')).statusCode).toBe(401);
    expect((await call(h, null, 'POST', '/api/v1/prevalence/studies', STUDY)).statusCode).toBe(401);
  });

  it.each(ROLES)('lets a %s in only if its role grants prevalence:manage (the coordinator)', async (role) => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users[role]);
    const allowed = ROLE_PERMISSIONS[role].includes('prevalence:manage');
    expect(allowed).toBe(role === 'coordinator');
    expect((await call(h, session, 'GET', '/api/v1/prevalence/studies')).statusCode).toBe(allowed ? 200 : 403);
    const created = await call(h, session, 'POST', '/api/v1/prevalence/studies', STUDY);
    expect(created.statusCode).toBe(allowed ? 201 : 403);
    if (!allowed) expect(await h.deps.db.select().from(schema.prevalenceStudy).where(eq(schema.prevalenceStudy.municipalityId, tenant.municipality.id))).toEqual([]);
  });

  it('links three uploaded lists by keyed pseudonyms (typo and day/month swap tolerated), estimates, and stores no identifier', async () => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.coordinator);
    const id = await studyWithLists(session);
    const read = await call(h, session, 'GET', `/api/v1/prevalence/studies/${id}`);
    expect(read.statusCode).toBe(200);
    const study = read.json<PrevalenceStudy>();
    expect(study.lists.map((list) => [list.name, list.personCount])).toEqual([
      ['Politiet', 60],
      ['Krisesenteret', 50],
      ['NAV', 45],
    ]);
    const count = (pattern: number[]) => study.table?.rows.find((row) => row.pattern.join('') === pattern.join(''))?.count ?? 0;
    // A∩B = 40–59 (20, person 45 despite the typo), A∩C = 30–44, B∩C = 40–44 and 80–89.
    expect(count([1, 1, 1])).toBe(5);
    expect(count([1, 1, 0])).toBe(15);
    expect(count([1, 0, 1])).toBe(10);
    expect(count([0, 1, 1])).toBe(10);
    expect(study.table?.rows.reduce((sum, row) => sum + row.count, 0)).toBe(110);

    const made = await call(h, session, 'POST', `/api/v1/prevalence/studies/${id}/estimates`, {});
    expect(made.statusCode, made.body).toBe(201);
    const estimate = made.json<PrevalenceEstimateRecord>();
    expect(estimate.result.kind).toBe('estimate');
    expect(estimate.result.observed).toBe(110);
    expect(estimate.result.estimate).toBeGreaterThanOrEqual(110);
    expect(estimate.result.lower).toBeLessThanOrEqual(estimate.result.estimate as number);
    expect(estimate.result.upper).toBeGreaterThanOrEqual(estimate.result.estimate as number);
    // The result carries no cell of the table.
    expect(JSON.stringify(estimate.result)).not.toMatch(/pattern|rows/);
    const history = (await call(h, session, 'GET', `/api/v1/prevalence/studies/${id}`)).json<PrevalenceStudy>().estimates;
    expect(history.map((e) => e.id)).toEqual([estimate.id]);

    const stored = await everythingStored(tenant.municipality.id);
    for (const secret of SECRETS) expect(stored).not.toContain(secret);
    // The pseudonyms themselves are kept encrypted: every stored one is a ciphertext, and no two are equal.
    const members = await h.deps.db.select({ pseudonym: schema.prevalenceMember.pseudonym }).from(schema.prevalenceMember).where(eq(schema.prevalenceMember.municipalityId, tenant.municipality.id));
    expect(members.length).toBeGreaterThan(155);
    for (const member of members) expect(member.pseudonym).toMatch(/^v1:[0-9a-f-]{36}:/);
    expect(new Set(members.map((member) => member.pseudonym)).size).toBe(members.length);
    expect(await auditActions(tenant.municipality.id)).toEqual([
      'prevalence.study.created',
      'prevalence.list.added',
      'prevalence.list.added',
      'prevalence.list.added',
      'prevalence.study.viewed',
      'prevalence.estimated',
      'prevalence.study.viewed',
    ]);
  });

  it("brings Lykt's own cases in the period as a list, without storing their names", async () => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.coordinator);
    await openCase(h, session, directCaseBody());
    const study = (await call(h, session, 'POST', '/api/v1/prevalence/studies', { title: 'Året', periodFrom: '2000-01-01', periodTo: '2099-12-31' })).json<PrevalenceStudySummary>();
    const added = await call(h, session, 'POST', `/api/v1/prevalence/studies/${study.id}/lists/cases`, { name: 'Lykt' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ list: { name: 'Lykt', origin: 'lykt_cases', personCount: 1 }, skipped: 0 });
    const stored = await everythingStored(tenant.municipality.id);
    expect(stored).not.toContain('Mirela');
    expect(stored).not.toContain('1998-07-14');
  });

  it('estimates from an overlap table entered as counts: the UK 2013 table gives 11,313', async () => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.coordinator);
    const study = (await call(h, session, 'POST', '/api/v1/prevalence/studies', STUDY)).json<PrevalenceStudySummary>();
    const table = parseOverlapCsv(fs.readFileSync(path.resolve(import.meta.dirname, '../../../../../packages/mse/data/UKdat_5.csv'), 'utf8'));
    expect((await call(h, session, 'PUT', `/api/v1/prevalence/studies/${study.id}/table`, table)).statusCode).toBe(200);
    const made = await call(h, session, 'POST', `/api/v1/prevalence/studies/${study.id}/estimates`, { method: 'stepwise' });
    expect(made.json<PrevalenceEstimateRecord>().result).toMatchObject({ kind: 'estimate', observed: 2744, estimate: 11313, lower: 9908, upper: 13064 });
    // A study holds a table or lists, never both.
    const mixed = await call(h, session, 'POST', `/api/v1/prevalence/studies/${study.id}/lists`, { name: 'X', csv: LIST_A });
    expect(mixed.statusCode).toBe(409);
    expect(await h.deps.db.select().from(schema.prevalenceList).where(eq(schema.prevalenceList.municipalityId, tenant.municipality.id))).toEqual([]);
  });

  it('keeps a refusal in the history when the data cannot support an estimate', async () => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.coordinator);
    const study = (await call(h, session, 'POST', '/api/v1/prevalence/studies', STUDY)).json<PrevalenceStudySummary>();
    await call(h, session, 'PUT', `/api/v1/prevalence/studies/${study.id}/table`, { lists: ['A', 'B'], rows: [{ pattern: [1, 0], count: 4 }, { pattern: [1, 1], count: 2 }, { pattern: [0, 1], count: 3 }] });
    const made = await call(h, session, 'POST', `/api/v1/prevalence/studies/${study.id}/estimates`, {});
    expect(made.json<PrevalenceEstimateRecord>().result).toMatchObject({ kind: 'refusal', reason: 'too_few_lists', estimate: null });
  });

  it('rejects bad input with a clear 4xx and writes nothing', async () => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.coordinator);
    const study = (await call(h, session, 'POST', '/api/v1/prevalence/studies', STUDY)).json<PrevalenceStudySummary>();
    const noName = await call(h, session, 'POST', `/api/v1/prevalence/studies/${study.id}/lists`, { name: 'Politiet', csv: 'who,date_of_birth\nA,1990-01-01' });
    expect(noName.statusCode).toBe(400);
    expect(errorCode(noName)).toBe('VALIDATION_ERROR');
    const badDate = await call(h, session, 'POST', `/api/v1/prevalence/studies/${study.id}/lists`, { name: 'Politiet', csv: 'name,date_of_birth\nKari Testperson,14/07/1998' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).not.toContain('Kari');
    const badTable = await call(h, session, 'PUT', `/api/v1/prevalence/studies/${study.id}/table`, { lists: ['A', 'B', 'C'], rows: [{ pattern: [0, 0, 0], count: 3 }] });
    expect(badTable.statusCode).toBe(400);
    expect((await call(h, session, 'POST', '/api/v1/prevalence/studies', { ...STUDY, periodTo: '2025-01-01' })).statusCode).toBe(400);
    expect((await call(h, session, 'POST', `/api/v1/prevalence/studies/${study.id}/estimates`, {})).statusCode).toBe(409);
    expect(await h.deps.db.select().from(schema.prevalenceList).where(eq(schema.prevalenceList.municipalityId, tenant.municipality.id))).toEqual([]);
    expect(await h.deps.db.select().from(schema.prevalenceMember).where(eq(schema.prevalenceMember.municipalityId, tenant.municipality.id))).toEqual([]);
    const [row] = await h.deps.db.select().from(schema.prevalenceStudy).where(eq(schema.prevalenceStudy.id, study.id));
    expect(row?.source).toBeNull();
  });

  it("answers 404 for another municipality's study, and lists none of it", async () => {
    const mine = await seed();
    const other = await seed();
    const id = await studyWithLists(await signIn(h, mine.users.coordinator));
    const stranger = await signIn(h, other.users.coordinator);
    for (const [method, url, body] of [
      ['GET', `/api/v1/prevalence/studies/${id}`, undefined],
      ['POST', `/api/v1/prevalence/studies/${id}/lists`, { name: 'X', csv: LIST_A }],
      ['POST', `/api/v1/prevalence/studies/${id}/lists/cases`, { name: 'X' }],
      ['PUT', `/api/v1/prevalence/studies/${id}/table`, { lists: ['A', 'B', 'C'], rows: [{ pattern: [1, 1, 0], count: 3 }] }],
      ['POST', `/api/v1/prevalence/studies/${id}/estimates`, {}],
      ['POST', `/api/v1/prevalence/studies/${id}/finalise`, {}],
    ] as const) {
      const response = await call(h, stranger, method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await call(h, stranger, 'GET', '/api/v1/prevalence/studies')).json()).toEqual([]);
  });

  it('erases the pseudonyms when the study is made final, unless kept until a stated day', async () => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.coordinator);
    const members = () => h.deps.db.select().from(schema.prevalenceMember).where(eq(schema.prevalenceMember.municipalityId, tenant.municipality.id));

    const erased = await studyWithLists(session);
    expect((await call(h, session, 'POST', `/api/v1/prevalence/studies/${erased}/finalise`, {})).statusCode).toBe(409);
    await call(h, session, 'POST', `/api/v1/prevalence/studies/${erased}/estimates`, {});
    expect((await members()).length).toBeGreaterThan(0);
    const final = await call(h, session, 'POST', `/api/v1/prevalence/studies/${erased}/finalise`, {});
    expect(final.statusCode, final.body).toBe(200);
    expect(await members()).toEqual([]);
    const after = (await call(h, session, 'GET', `/api/v1/prevalence/studies/${erased}`)).json<PrevalenceStudy>();
    expect(after).toMatchObject({ status: 'final', pseudonymsErased: true, table: null });
    expect(after.estimates).toHaveLength(1);
    expect((await call(h, session, 'POST', `/api/v1/prevalence/studies/${erased}/lists`, { name: 'Sent', csv: LIST_A })).statusCode).toBe(409);
    expect(await auditActions(tenant.municipality.id)).toContain('prevalence.pseudonyms.erased');

    const kept = await studyWithLists(session);
    await call(h, session, 'POST', `/api/v1/prevalence/studies/${kept}/estimates`, {});
    const noReason = await call(h, session, 'POST', `/api/v1/prevalence/studies/${kept}/finalise`, { keepPseudonymsUntil: '2099-01-01' });
    expect(noReason.statusCode).toBe(400);
    const keep = await call(h, session, 'POST', `/api/v1/prevalence/studies/${kept}/finalise`, { keepPseudonymsUntil: '2099-01-01', keepReason: 'Gjentas neste år med samme lister' });
    expect(keep.statusCode).toBe(200);
    expect((await members()).length).toBeGreaterThan(0);
    // The daily run leaves them until the day has passed, then erases them.
    // Days in Norway: 23:30 on the kept day there (22:30 UTC) keeps them; 00:30 the day after there
    // (23:30 UTC, the UTC date still the kept day) erases them.
    await runPrevalenceRetention(h.deps, new Date('2098-12-31T12:00:00Z'));
    await runPrevalenceRetention(h.deps, new Date('2099-01-01T22:30:00Z'));
    expect((await members()).length).toBeGreaterThan(0);
    await runPrevalenceRetention(h.deps, new Date('2099-01-01T23:30:00Z'));
    expect(await members()).toEqual([]);
    expect((await auditActions(tenant.municipality.id)).filter((action) => action === 'prevalence.pseudonyms.erased')).toHaveLength(2);
  });
});
