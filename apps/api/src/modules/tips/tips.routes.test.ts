import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { schema } from '@lykt/db';
import { ROLE_PERMISSIONS, ROLES, type TipSubmission, todayInNorway } from '@lykt/shared';
import { freshDatabases } from '../../../test/fresh-databases';
import { call, createHarness, errorCode, seedTenant, signIn, type TestHarness } from '../../../test/harness';
import { justAfterNorwegianMidnight } from '../../../test/clock';
import { monthsBefore, purgeExpiredTips, submitTip } from './tips.service';

// purgeExpiredTips deletes expired tips in every municipality in the database: on PostgreSQL the file gets
// a database of its own (dropped after the file), so it never deletes other test files' tips.
const ownDatabase = freshDatabases(process.env.TEST_DATABASE_URL, 'lykt_tips');
let h: TestHarness;
beforeAll(async () => {
  h = await createHarness({}, { ownDatabase });
});
afterAll(async () => {
  await h.close();
});

const seed = () => seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });

const SECRET_TEXT = 'Hemmelig observasjon ved Kaiveien 7';
const SECRET_CONTACT = 'Tipsgiver Tora';

function submission(overrides: Partial<TipSubmission> = {}): TipSubmission {
  return {
    language: 'nb',
    what: SECRET_TEXT,
    placeKind: 'construction',
    area: 'Havna',
    address: 'Kaiveien 7',
    when: 'i går',
    peopleCount: 'more_than_five',
    minor: 'yes',
    immediateDanger: false,
    anonymous: false,
    contactName: SECRET_CONTACT,
    contactPhone: '+47 400 00 000',
    contactEmail: '',
    contactMayBeShared: false,
    ...overrides,
  };
}

async function newTip(municipalityId: string, overrides: Partial<TipSubmission> = {}) {
  const receipt = await submitTip(h.deps, municipalityId, submission(overrides));
  const rows = await h.deps.db.select().from(schema.tip).where(eq(schema.tip.municipalityId, municipalityId));
  const hash = await h.deps.keyring.keyedHash(h.deps.db, municipalityId, 'tip.receipt', receipt.replace(/ /g, ''));
  const row = rows.find((candidate) => candidate.receiptHash === hash);
  if (!row) throw new Error('tip not stored');
  return { id: row.id, receipt };
}

async function dbState(municipalityId: string) {
  const [tips, messages, settings, audit] = await Promise.all([
    h.deps.db.select().from(schema.tip).where(eq(schema.tip.municipalityId, municipalityId)).orderBy(asc(schema.tip.id)),
    h.deps.db.select().from(schema.tipMessage).where(eq(schema.tipMessage.municipalityId, municipalityId)).orderBy(asc(schema.tipMessage.id)),
    h.deps.db.select().from(schema.tipPublicSettings).where(eq(schema.tipPublicSettings.municipalityId, municipalityId)),
    h.deps.db.select({ id: schema.auditEvent.id }).from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq)),
  ]);
  return { tips, messages, settings, audit };
}

async function auditEvents(municipalityId: string, action: string) {
  const rows = await h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq));
  return rows.filter((row) => row.action === action);
}

const CONCERN_BODY = {
  context: 'other',
  suspectedForms: ['labour'],
  facts: { ageBand: 'unknown', possibleMinor: false, gender: 'unknown', nationality: null, sector: 'construction', placeKind: 'workplace', immediateDanger: false, wantsHelp: 'unknown' },
  includeContact: false,
};

const SETTINGS = { publicPagesEnabled: true, tipFormEnabled: true, contactName: 'Koordinator', contactPhone: '+47 12 34 56 78', contactEmail: 'tips@kommune.invalid', openingHours: '08–15', retentionMonths: 12 };

function endpoints(id: string) {
  return [
    { method: 'GET', url: '/api/v1/tips', permission: 'tips:read' },
    { method: 'GET', url: '/api/v1/tips/assignees', permission: 'tips:manage' },
    { method: 'GET', url: '/api/v1/tips/settings', permission: 'tips:settings' },
    { method: 'PUT', url: '/api/v1/tips/settings', body: SETTINGS, permission: 'tips:settings' },
    { method: 'GET', url: `/api/v1/tips/${id}`, permission: 'tips:read' },
    { method: 'PATCH', url: `/api/v1/tips/${id}`, body: { status: 'in_progress' }, permission: 'tips:read' },
    { method: 'POST', url: `/api/v1/tips/${id}/messages`, body: { kind: 'note', body: 'Notat' }, permission: 'tips:read' },
    { method: 'POST', url: `/api/v1/tips/${id}/concern`, body: CONCERN_BODY, permission: 'tips:manage' },
  ] as const;
}

describe('access to the tip inbox', () => {
  it('answers 401 without a session on every endpoint and writes nothing', async () => {
    const tenant = await seed();
    const tip = await newTip(tenant.municipality.id);
    const before = await dbState(tenant.municipality.id);
    for (const endpoint of endpoints(tip.id)) {
      const response = await call(h, null, endpoint.method, endpoint.url, 'body' in endpoint ? endpoint.body : undefined);
      expect(response.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(401);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
    }
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });

  it.each(ROLES.filter((role) => role !== 'coordinator'))('answers 403 to a %s on the endpoints its role lacks and writes nothing', async (role) => {
    const tenant = await seed();
    const tip = await newTip(tenant.municipality.id);
    const session = await signIn(h, tenant.users[role]);
    const before = await dbState(tenant.municipality.id);
    for (const endpoint of endpoints(tip.id)) {
      if (ROLE_PERMISSIONS[role].includes(endpoint.permission)) continue;
      const response = await call(h, session, endpoint.method, endpoint.url, 'body' in endpoint ? endpoint.body : undefined);
      expect(response.statusCode, `${role} ${endpoint.method} ${endpoint.url}`).toBe(403);
      expect(errorCode(response)).toBe('FORBIDDEN');
    }
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });

  it('answers 404 for another municipality’s tip and never lists it', async () => {
    const mine = await seed();
    const theirs = await seed();
    const foreign = await newTip(theirs.municipality.id);
    const session = await signIn(h, mine.users.coordinator);
    const before = await dbState(theirs.municipality.id);
    for (const endpoint of endpoints(foreign.id).filter((endpoint) => endpoint.url.includes(foreign.id))) {
      const response = await call(h, session, endpoint.method, endpoint.url, 'body' in endpoint ? endpoint.body : undefined);
      expect(response.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(404);
      expect(errorCode(response)).toBe('NOT_FOUND');
    }
    const list = await call(h, session, 'GET', '/api/v1/tips');
    expect(list.json<{ items: unknown[] }>().items).toEqual([]);
    expect(await dbState(theirs.municipality.id)).toEqual(before);
  });

  it('shows a caseworker only the tips assigned to them, and only a coordinator may assign', async () => {
    const tenant = await seed();
    const assigned = await newTip(tenant.municipality.id);
    const unassigned = await newTip(tenant.municipality.id);
    const coordinator = await signIn(h, tenant.users.coordinator);
    const caseworker = await signIn(h, tenant.users.caseworker);
    expect((await call(h, caseworker, 'GET', '/api/v1/tips')).json<{ total: number }>().total).toBe(0);
    const assign = await call(h, coordinator, 'PATCH', `/api/v1/tips/${assigned.id}`, { assignedUserId: tenant.users.caseworker.id });
    expect(assign.statusCode, assign.body).toBe(200);
    const list = await call(h, caseworker, 'GET', '/api/v1/tips');
    expect(list.json<{ items: { id: string }[] }>().items.map((item) => item.id)).toEqual([assigned.id]);
    expect((await call(h, caseworker, 'GET', `/api/v1/tips/${unassigned.id}`)).statusCode).toBe(404);
    const read = await call(h, caseworker, 'GET', `/api/v1/tips/${assigned.id}`);
    expect(read.statusCode).toBe(200);
    const reassign = await call(h, caseworker, 'PATCH', `/api/v1/tips/${assigned.id}`, { assignedUserId: null });
    expect(reassign.statusCode).toBe(403);
    const reply = await call(h, caseworker, 'POST', `/api/v1/tips/${assigned.id}/messages`, { kind: 'reply', body: 'Takk for tipset.' });
    expect(reply.statusCode).toBe(201);
  });
});

describe('bad input', () => {
  it('answers 400 with the error shape and writes nothing', async () => {
    const tenant = await seed();
    const tip = await newTip(tenant.municipality.id);
    const session = await signIn(h, tenant.users.coordinator);
    const before = await dbState(tenant.municipality.id);
    const cases = [
      ['PATCH', `/api/v1/tips/${tip.id}`, {}],
      ['PATCH', `/api/v1/tips/${tip.id}`, { status: 'archived' }],
      ['PATCH', `/api/v1/tips/${tip.id}`, { labels: ['x'.repeat(41)] }],
      ['PATCH', `/api/v1/tips/${tip.id}`, { assignedUserId: tenant.users.viewer.id }],
      ['POST', `/api/v1/tips/${tip.id}/messages`, { kind: 'reply', body: '   ' }],
      ['POST', `/api/v1/tips/${tip.id}/messages`, { kind: 'shout', body: 'Hei' }],
      ['POST', `/api/v1/tips/${tip.id}/messages`, { kind: 'reply', body: 'x'.repeat(5001) }],
      ['PUT', '/api/v1/tips/settings', { ...SETTINGS, retentionMonths: 0 }],
      ['PUT', '/api/v1/tips/settings', { ...SETTINGS, contactEmail: 'not-an-email' }],
      ['GET', '/api/v1/tips/not-a-uuid', undefined],
      ['GET', '/api/v1/tips?status=open', undefined],
    ] as const;
    for (const [method, url, body] of cases) {
      const response = await call(h, session, method, url, body);
      expect(response.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_ERROR');
    }
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });
});

describe('working a tip', () => {
  it('audits every read of a tip’s content, without content', async () => {
    const tenant = await seed();
    const tip = await newTip(tenant.municipality.id);
    const session = await signIn(h, tenant.users.coordinator);
    const list = await call(h, session, 'GET', '/api/v1/tips');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(SECRET_TEXT);
    expect(await auditEvents(tenant.municipality.id, 'tip.viewed')).toHaveLength(0);
    for (let i = 0; i < 2; i += 1) {
      const detail = await call(h, session, 'GET', `/api/v1/tips/${tip.id}`);
      expect(detail.statusCode).toBe(200);
      expect(detail.json<{ content: { what: string; address: string }; contact: { name: string } }>()).toMatchObject({
        content: { what: SECRET_TEXT, address: 'Kaiveien 7' },
        contact: { name: SECRET_CONTACT },
        minor: 'yes',
        unread: false,
      });
    }
    const events = await auditEvents(tenant.municipality.id, 'tip.viewed');
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ entityType: 'tip', entityId: tip.id, actorUserId: tenant.users.coordinator.id });
    expect(JSON.stringify(events)).not.toContain(SECRET_TEXT);
  });

  it('changes status, labels and assignment, replies and notes, all audited without content', async () => {
    const tenant = await seed();
    const tip = await newTip(tenant.municipality.id);
    const session = await signIn(h, tenant.users.coordinator);
    const updated = await call(h, session, 'PATCH', `/api/v1/tips/${tip.id}`, { status: 'in_progress', labels: ['arbeid', 'bygg', 'arbeid'], assignedUserId: tenant.users.coordinator.id });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ status: 'in_progress', labels: ['arbeid', 'bygg'], assignee: { id: tenant.users.coordinator.id } });
    const reply = await call(h, session, 'POST', `/api/v1/tips/${tip.id}/messages`, { kind: 'reply', body: 'Svar til tipsgiver' });
    expect(reply.statusCode).toBe(201);
    const note = await call(h, session, 'POST', `/api/v1/tips/${tip.id}/messages`, { kind: 'note', body: 'Internt notat' });
    expect(note.json<{ messages: { kind: string; seq: number; author: { id: string } | null }[] }>().messages).toEqual([
      expect.objectContaining({ kind: 'reply', seq: 1, author: expect.objectContaining({ id: tenant.users.coordinator.id }) as unknown }),
      expect.objectContaining({ kind: 'note', seq: 2 }),
    ]);
    const closed = await call(h, session, 'PATCH', `/api/v1/tips/${tip.id}`, { status: 'closed' });
    expect(closed.json()).toMatchObject({ status: 'closed', closedOn: todayInNorway() });
    const stored = await h.deps.db.select().from(schema.tipMessage).where(eq(schema.tipMessage.tipId, tip.id));
    expect(JSON.stringify(stored)).not.toContain('Svar til tipsgiver');
    const updates = await auditEvents(tenant.municipality.id, 'tip.updated');
    expect(updates[0]?.details).toEqual({ fields: ['status', 'labels', 'assignedUserId'], status: 'in_progress', assignedUserId: tenant.users.coordinator.id });
    expect(await auditEvents(tenant.municipality.id, 'tip.replied')).toHaveLength(1);
    expect(await auditEvents(tenant.municipality.id, 'tip.noted')).toHaveLength(1);
    const all = await h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, tenant.municipality.id));
    expect(JSON.stringify(all)).not.toMatch(/Svar til tipsgiver|Internt notat|Hemmelig|Tora/);
  });

  it('lists assignees and saves the public settings, audited', async () => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.coordinator);
    const assignees = await call(h, session, 'GET', '/api/v1/tips/assignees');
    expect(assignees.json<{ items: { role: string }[] }>().items.map((item) => item.role).sort()).toEqual(['caseworker', 'coordinator']);
    expect((await call(h, session, 'GET', '/api/v1/tips/settings')).json()).toMatchObject({ publicPagesEnabled: true, tipFormEnabled: true, retentionMonths: 12 });
    const saved = await call(h, session, 'PUT', '/api/v1/tips/settings', SETTINGS);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual(SETTINGS);
    const events = await auditEvents(tenant.municipality.id, 'tip.settings.updated');
    expect(events[0]?.details).toMatchObject({ fields: ['contactName', 'contactPhone', 'contactEmail', 'openingHours'] });
    const admin = await signIn(h, tenant.users.admin);
    expect((await call(h, admin, 'GET', '/api/v1/tips/settings')).json()).toEqual(SETTINGS);
  });
});

describe('turning a tip into a concern', () => {
  async function concernRow(id: string) {
    const [row] = await h.deps.db.select().from(schema.concern).where(eq(schema.concern.id, id));
    return row;
  }

  it('creates a concern with the tip’s text as its note, without the tipster’s contact details, audited', async () => {
    const tenant = await seed();
    const tip = await newTip(tenant.municipality.id, { contactMayBeShared: false });
    const session = await signIn(h, tenant.users.coordinator);
    const response = await call(h, session, 'POST', `/api/v1/tips/${tip.id}/concern`, CONCERN_BODY);
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json<{ concernId: string; tip: { concernId: string; status: string } }>();
    expect(result.tip).toMatchObject({ concernId: result.concernId, status: 'in_progress' });
    const row = await concernRow(result.concernId);
    expect(row?.municipalityId).toBe(tenant.municipality.id);
    expect(row?.context).toBe('other');
    expect(row?.personEnc).toBeNull();
    expect(row?.reporterContactEnc).toBeNull();
    const note = await h.deps.keyring.decrypt(h.deps.db, tenant.municipality.id, 'concern.note', row?.noteEnc ?? '');
    expect(note).toContain(SECRET_TEXT);
    expect(note).not.toContain(SECRET_CONTACT);
    expect(note).not.toContain('400 00 000');
    const events = await auditEvents(tenant.municipality.id, 'tip.converted');
    expect(events[0]?.details).toEqual({ concernId: result.concernId, contactCopied: false });
    expect(await auditEvents(tenant.municipality.id, 'concern.created')).toHaveLength(1);
    const again = await call(h, session, 'POST', `/api/v1/tips/${tip.id}/concern`, CONCERN_BODY);
    expect(again.statusCode).toBe(409);
  });

  it('copies contact details only when the tipster allowed it and the coordinator asks', async () => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.coordinator);
    const refused = await newTip(tenant.municipality.id, { contactMayBeShared: false });
    const denied = await call(h, session, 'POST', `/api/v1/tips/${refused.id}/concern`, { ...CONCERN_BODY, includeContact: true });
    expect(denied.statusCode).toBe(409);
    expect(errorCode(denied)).toBe('CONFLICT');
    const allowed = await newTip(tenant.municipality.id, { contactMayBeShared: true });
    const response = await call(h, session, 'POST', `/api/v1/tips/${allowed.id}/concern`, { ...CONCERN_BODY, includeContact: true });
    expect(response.statusCode, response.body).toBe(201);
    const row = await concernRow(response.json<{ concernId: string }>().concernId);
    const note = await h.deps.keyring.decrypt(h.deps.db, tenant.municipality.id, 'concern.note', row?.noteEnc ?? '');
    expect(note).toContain(SECRET_CONTACT);
    const events = await auditEvents(tenant.municipality.id, 'tip.converted');
    expect(JSON.stringify(events)).not.toContain(SECRET_CONTACT);
  });

  it('refuses bad facts with 400 and writes nothing', async () => {
    const tenant = await seed();
    const tip = await newTip(tenant.municipality.id);
    const session = await signIn(h, tenant.users.coordinator);
    const before = await dbState(tenant.municipality.id);
    const response = await call(h, session, 'POST', `/api/v1/tips/${tip.id}/concern`, { ...CONCERN_BODY, facts: { ...CONCERN_BODY.facts, ageBand: 'ancient' } });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_ERROR');
    expect(await dbState(tenant.municipality.id)).toEqual(before);
  });
});

describe('retention', () => {
  it('deletes tips closed longer ago than the period, with their messages, audited without content', async () => {
    const tenant = await seed();
    const old = await newTip(tenant.municipality.id);
    const recent = await newTip(tenant.municipality.id);
    const open = await newTip(tenant.municipality.id);
    const session = await signIn(h, tenant.users.coordinator);
    await call(h, session, 'POST', `/api/v1/tips/${old.id}/messages`, { kind: 'reply', body: 'Gammelt svar' });
    const day = todayInNorway();
    await h.deps.db.update(schema.tip).set({ status: 'closed', closedOn: monthsBefore(day, 13) }).where(eq(schema.tip.id, old.id));
    await h.deps.db.update(schema.tip).set({ status: 'closed', closedOn: monthsBefore(day, 11) }).where(eq(schema.tip.id, recent.id));
    await h.deps.db.update(schema.tip).set({ submittedOn: monthsBefore(day, 30) }).where(eq(schema.tip.id, open.id));
    const deleted = await purgeExpiredTips(h.deps);
    expect(deleted).toBeGreaterThanOrEqual(1);
    const remaining = (await dbState(tenant.municipality.id)).tips.map((row) => row.id).sort();
    expect(remaining).toEqual([recent.id, open.id].sort());
    expect((await dbState(tenant.municipality.id)).messages).toEqual([]);
    const events = await auditEvents(tenant.municipality.id, 'tip.deleted');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityId: old.id, actorLabel: 'retention', details: { reason: 'retention', retentionMonths: 12 } });
  });

  it('follows a shorter configured period', async () => {
    const tenant = await seed();
    const tip = await newTip(tenant.municipality.id);
    const session = await signIn(h, tenant.users.coordinator);
    await call(h, session, 'PUT', '/api/v1/tips/settings', { ...SETTINGS, retentionMonths: 1 });
    await h.deps.db.update(schema.tip).set({ status: 'closed', closedOn: monthsBefore(todayInNorway(), 2) }).where(eq(schema.tip.id, tip.id));
    await purgeExpiredTips(h.deps);
    expect((await dbState(tenant.municipality.id)).tips).toEqual([]);
  });
});

describe('helpers', () => {
  it('monthsBefore counts calendar months', () => {
    expect(monthsBefore('2026-11-28', 12)).toBe('2025-11-28');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-03-03');
  });
});

describe('a tip keeps the day in Norway', () => {
  it('dates a tip sent just after midnight in Norway (the UTC date still yesterday) on the Norwegian day, and its notification at that midnight', async () => {
    const tenant = await seed();
    const m = tenant.municipality.id;
    // In Norway it is then 00:30 (winter) or 01:30 (summer).
    const { at, norwegianToday: norwegianDay } = justAfterNorwegianMidnight();
    const norwegianHour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', hourCycle: 'h23' }).format(at));
    vi.useFakeTimers({ toFake: ['Date'], now: at });
    let tipId: string;
    try {
      ({ id: tipId } = await newTip(m));
    } finally {
      vi.useRealTimers();
    }
    const [row] = await h.deps.db.select().from(schema.tip).where(eq(schema.tip.id, tipId));
    expect([row?.submittedOn, row?.lastActivityOn]).toEqual([norwegianDay, norwegianDay]);
    const notes = await h.deps.db
      .select({ createdAt: schema.notification.createdAt })
      .from(schema.notification)
      .where(and(eq(schema.notification.municipalityId, m), eq(schema.notification.kind, 'tip_new')));
    expect(notes.length).toBeGreaterThan(0);
    // Midnight in Norway: 30 minutes (winter) or 90 minutes (summer) before 23:30 UTC.
    expect(norwegianHour === 0 || norwegianHour === 1).toBe(true);
    for (const note of notes) expect(note.createdAt.toISOString()).toBe(new Date(at.getTime() - (norwegianHour * 60 + 30) * 60_000).toISOString());
  });
});
