import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { schema } from '@lykt/db';
import { ROLE_PERMISSIONS, ROLES, type AuditEvent } from '@lykt/shared';
import { call, createHarness, errorCode, seedTenant, signIn, type Session, type TestHarness } from '../../../test/harness';
import { localDate } from '../reports/period';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  vi.useRealTimers();
});

const seed = () => seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });

async function auditRows(municipalityId: string) {
  return h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq));
}

async function list(session: Session, query = ''): Promise<{ items: AuditEvent[]; total: number | null; nextCursor: string | null; body: string }> {
  const response = await call(h, session, 'GET', `/api/v1/audit${query}`);
  expect(response.statusCode, response.body).toBe(200);
  const parsed: { items: AuditEvent[]; total: number | null; nextCursor: string | null } = response.json();
  return { ...parsed, body: response.body };
}

/** Signs a user in at a given moment, so the sign-in event carries that time. */
async function signInAt(user: { email: string }, at: string): Promise<void> {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(at) });
  await signIn(h, user);
  vi.useRealTimers();
}

const day = (date: Date, offsetDays = 0) => localDate(new Date(date.getTime() + offsetDays * 86_400_000));

describe('access to the audit log', () => {
  it('answers 401 UNAUTHENTICATED without a session and writes nothing', async () => {
    const tenant = await seed();
    const before = await auditRows(tenant.municipality.id);
    const response = await call(h, null, 'GET', '/api/v1/audit');
    expect(response.statusCode).toBe(401);
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(await auditRows(tenant.municipality.id)).toEqual(before);
  });

  it.each(ROLES.filter((role) => !ROLE_PERMISSIONS[role].includes('audit:read')))('answers 403 FORBIDDEN to a %s and logs no viewing', async (role) => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users[role]);
    const before = await auditRows(tenant.municipality.id);
    const response = await call(h, session, 'GET', '/api/v1/audit');
    expect(response.statusCode).toBe(403);
    expect(errorCode(response)).toBe('FORBIDDEN');
    expect(await auditRows(tenant.municipality.id)).toEqual(before);
  });

  it.each(['admin', 'coordinator'] as const)('lets a %s browse the log newest first, and logs the viewing', async (role) => {
    const tenant = await seed();
    const user = tenant.users[role];
    const session = await signIn(h, user);
    const first = await list(session);
    expect(first.total).toBe(1);
    expect(first.items[0]).toMatchObject({ seq: 1, action: 'auth.login.succeeded', entityType: 'session', outcome: 'success', actor: { id: user.id, name: user.name } });
    const viewed = (await auditRows(tenant.municipality.id)).filter((row) => row.action === 'audit.viewed');
    expect(viewed).toMatchObject([{ actorUserId: user.id, entityType: 'audit_event', entityId: null, outcome: 'success', details: { filters: [] } }]);
    const second = await list(session);
    expect(second.total).toBe(2);
    expect(second.items.map((item) => [item.seq, item.action])).toEqual([[2, 'audit.viewed'], [1, 'auth.login.succeeded']]);
  });
});

describe('filters and pages', () => {
  it('filters by action, actorId, entityType and entityId; the log holds no personal values', async () => {
    const tenant = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const coordinator = await signIn(h, tenant.users.coordinator);
    const contact = { name: 'Kari Nordmann', phone: '+47 912 34 567', email: 'kari@politiet.invalid' };
    const org = await call(h, admin, 'POST', '/api/v1/organisations', { name: 'Politiet', kind: 'police', isInternal: false, contacts: [contact] });
    await call(h, coordinator, 'POST', '/api/v1/organisations', { name: 'Barnevernet', kind: 'child_welfare', isInternal: true });
    const password = 'violet-tractor-sings-loudly';
    const email = `nora.${tenant.municipality.id.slice(0, 8)}@test.lykt.invalid`;
    const writes = [
      org,
      await call(h, admin, 'POST', '/api/v1/users', { email, name: 'Nora Nyansatt', role: 'viewer', organisationId: tenant.organisation.id, password }),
      await call(h, admin, 'PATCH', `/api/v1/users/${tenant.users.viewer.id}`, { role: 'partner' }),
    ];
    expect(writes.map((response) => response.statusCode)).toEqual([201, 201, 200]);

    const created = await list(admin, '?action=organisation.created');
    expect(created.total).toBe(2);
    expect(created.items.every((item) => item.action === 'organisation.created')).toBe(true);
    const byCoordinator = await list(admin, `?actorId=${tenant.users.coordinator.id}`);
    expect(byCoordinator.items.map((item) => item.action)).toEqual(['organisation.created', 'auth.login.succeeded']);
    expect(byCoordinator.items.every((item) => item.actor.id === tenant.users.coordinator.id)).toBe(true);
    const onUsers = await list(admin, '?entityType=user');
    expect(onUsers.items.map((item) => item.action)).toEqual(['user.updated', 'user.created']);
    const onOrg = await list(admin, `?entityId=${org.json().id}`);
    expect(onOrg.items).toMatchObject([{ action: 'organisation.created', entityId: org.json().id, actor: { id: tenant.users.admin.id } }]);
    const combined = await list(admin, `?action=auth.login.succeeded&actorId=${tenant.users.admin.id}`);
    expect(combined.total).toBe(1);

    const viewed = (await auditRows(tenant.municipality.id)).filter((row) => row.action === 'audit.viewed');
    expect(viewed.at(-1)?.details).toEqual({ filters: ['action', 'actorId'] });
    expect(JSON.stringify(viewed.map((row) => row.details))).not.toContain(tenant.users.admin.id);
    const everything = await list(admin, '?limit=200');
    expect(everything.total).toBe(everything.items.length);
    for (const value of [password, email, 'Nora', contact.name, contact.phone, contact.email, tenant.users.viewer.email, tenant.users.viewer.name]) {
      expect(everything.body).not.toContain(value);
    }
  });

  it('filters by Norwegian local day with from and to, both inclusive', async () => {
    const tenant = await seed();
    // 23:59 on 10 March and 00:01 on 11 March in Norway (UTC+1 in winter).
    await signInAt(tenant.users.viewer, '2024-03-10T22:59:00Z');
    await signInAt(tenant.users.partner, '2024-03-10T23:01:00Z');
    const admin = await signIn(h, tenant.users.admin);
    const [, , today] = await auditRows(tenant.municipality.id);
    const todayDay = day(today?.occurredAt ?? new Date());
    const actors = async (query: string) => (await list(admin, `${query}&action=auth.login.succeeded`)).items.map((item) => item.actor.id);
    const { viewer, partner } = tenant.users;
    expect(await actors('?from=2024-03-10&to=2024-03-10')).toEqual([viewer.id]);
    expect(await actors('?from=2024-03-11&to=2024-03-11')).toEqual([partner.id]);
    expect(await actors('?from=2024-03-10&to=2024-03-11')).toEqual([partner.id, viewer.id]);
    expect(await actors('?to=2024-03-09')).toEqual([]);
    expect(await actors('?from=2024-03-11')).toEqual([tenant.users.admin.id, partner.id]);
    expect(await actors(`?from=${todayDay}&to=${todayDay}`)).toEqual([tenant.users.admin.id]);
    expect(await actors(`?from=${day(today?.occurredAt ?? new Date(), 1)}`)).toEqual([]);
  });

  it('pages by keyset cursor, newest first, without gaps or repeats; the total only where the first page holds all', async () => {
    const tenant = await seed();
    for (let i = 0; i < 4; i += 1) await signIn(h, tenant.users.viewer);
    const admin = await signIn(h, tenant.users.admin);
    const seqs: number[] = [];
    const totals: (number | null)[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: AuditEvent[]; total: number | null; nextCursor: string | null } = await list(admin, `?action=auth.login.succeeded&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seqs.push(...page.items.map((item) => item.seq));
      totals.push(page.total);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seqs).toEqual([5, 4, 3, 2, 1]);
    expect(totals).toEqual([null, null, null]);
    expect((await list(admin, '?action=auth.login.succeeded')).total).toBe(5);
  });

  it('searches coded fields and staff names, filters by outcome, sorts by action both ways', async () => {
    const tenant = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const coordinator = await signIn(h, tenant.users.coordinator);
    const org = (await call(h, coordinator, 'POST', '/api/v1/organisations', { name: 'Barnevernet', kind: 'child_welfare', isInternal: true })).json();
    const failed = await call(h, null, 'POST', '/api/v1/auth/login', { email: tenant.users.viewer.email, password: 'not-the-right-one-at-all' });
    expect(failed.statusCode).toBe(401);

    const byRecordId = await list(admin, `?q=${org.id.slice(0, 13)}`);
    expect(byRecordId.items.map((item) => item.action)).toEqual(['organisation.created']);
    const byAction = await list(admin, '?q=organisation');
    expect(byAction.items.map((item) => item.entityId)).toEqual([org.id]);
    const byStaffName = await list(admin, `?q=${encodeURIComponent(tenant.users.coordinator.name)}`);
    expect(byStaffName.items.length).toBeGreaterThan(0);
    expect(byStaffName.items.every((item) => item.actor.id === tenant.users.coordinator.id)).toBe(true);
    // A LIKE pattern character is taken literally.
    expect((await list(admin, '?q=%25')).items).toEqual([]);
    // The trigram index covers the columns joined; a text spanning two columns ("created" ends the
    // action, "organisation" is the record type) is in no single column and finds nothing.
    expect((await list(admin, '?q=created%20organisation')).items).toEqual([]);
    expect((await list(admin, '?q=ORGANISATION.CREATED')).items.map((item) => item.entityId)).toEqual([org.id]);

    const failures = await list(admin, '?outcome=failure');
    expect(failures.items.map((item) => item.action)).toEqual(['auth.login.failed']);
    expect((await list(admin, '?outcome=success')).items.some((item) => item.outcome === 'failure')).toBe(false);

    const ascending = (await list(admin, '?sort=action&limit=200')).items.map((item) => item.action);
    expect(ascending).toEqual([...ascending].sort());
    const descending = (await list(admin, '?sort=-action&limit=200')).items.map((item) => item.action);
    expect(descending).toEqual([...descending].sort().reverse());
    expect(new Set(descending)).toEqual(new Set(ascending));
    const oldest = (await list(admin, '?sort=occurredAt')).items.map((item) => item.seq);
    expect(oldest).toEqual([...oldest].sort((x, y) => x - y));

    const viewed = (await auditRows(tenant.municipality.id)).filter((row) => row.action === 'audit.viewed');
    expect(viewed.map((row) => JSON.stringify(row.details)).join()).not.toContain(org.id);
  });

  it('has the trigram index of the free-text search (pg_trgm, migration 0026), on PGlite as on PostgreSQL', async () => {
    const tenant = await seed();
    const admin = await signIn(h, tenant.users.admin);
    expect((await list(admin, '?q=auth.login')).items.length).toBeGreaterThan(0);
    const plan = await h.deps.db.transaction(async (tx) => {
      // A tiny test log is cheaper to scan; forbid the scan to see that the index answers the joined text.
      await tx.execute(sql`set local enable_seqscan = off`);
      const explained = await tx.execute(sql`explain select ${schema.auditEvent.id} from ${schema.auditEvent} where ${schema.auditEventSearchText(schema.auditEvent)} ilike ${'%auth.login%'}`);
      return JSON.stringify(explained);
    });
    expect(plan).toContain('Bitmap Index Scan on audit_event_search_trgm_idx');
  });

  it('pages a sort by record type across equal keys without loss, and refuses a cursor from another sort with 400 INVALID_CURSOR', async () => {
    const tenant = await seed();
    for (let i = 0; i < 3; i += 1) await signIn(h, tenant.users.viewer);
    const admin = await signIn(h, tenant.users.admin);
    const all = (await list(admin, '?sort=entityType&limit=200')).items.map((item) => item.id);
    const paged: string[] = [];
    let cursor: string | null = null;
    let firstCursor: string | null = null;
    do {
      const page: { items: AuditEvent[]; nextCursor: string | null } = await list(admin, `?sort=entityType&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      firstCursor ??= cursor;
    } while (cursor);
    // Each page read is itself logged, so the paged run sees more events than the first snapshot; none is lost or repeated.
    expect(new Set(paged).size).toBe(paged.length);
    for (const id of all) expect(paged).toContain(id);

    const before = await auditRows(tenant.municipality.id);
    const badQueries = [
      `sort=-occurredAt&cursor=${firstCursor}`,
      'sort=entityType&cursor=not-a-cursor!',
      `sort=entityType&cursor=${Buffer.from('{"s":"entityType","k":"x","i":"1"}').toString('base64url')}`,
    ];
    for (const bad of badQueries) {
      const response = await call(h, admin, 'GET', `/api/v1/audit?${bad}`);
      expect(response.statusCode, bad).toBe(400);
      expect(errorCode(response)).toBe('INVALID_CURSOR');
    }
    expect(await auditRows(tenant.municipality.id)).toEqual(before);
  });

  it("never shows another municipality's events", async () => {
    const a = await seed();
    const b = await seed();
    const adminB = await signIn(h, b.users.admin);
    const orgB = (await call(h, adminB, 'POST', '/api/v1/organisations', { name: 'Fremmed', kind: 'ngo', isInternal: false })).json();
    await list(adminB);
    const bIds = (await auditRows(b.municipality.id)).map((row) => row.id);
    const admin = await signIn(h, a.users.admin);
    const countA = (await auditRows(a.municipality.id)).length;
    const all = await list(admin, '?limit=200');
    expect(all.total).toBe(countA);
    for (const id of bIds) expect(all.body).not.toContain(id);
    expect((await list(admin, `?actorId=${b.users.admin.id}`)).total).toBe(0);
    expect((await list(admin, `?entityId=${orgB.id}`)).total).toBe(0);
    expect((await list(admin, '?action=organisation.created')).total).toBe(0);
  });

  it.each([
    ['action', '?action=user.hacked'],
    ['actorId', '?actorId=admin'],
    ['entityType', `?entityType=${'x'.repeat(61)}`],
    ['from', '?from=yesterday'],
    ['to', '?to=2024-13-01'],
    ['limit', '?limit=0'],
    ['sort', '?sort=-actorName'],
    ['outcome', '?outcome=maybe'],
  ])('refuses a bad %s with 400 naming the field and logs no viewing', async (field, query) => {
    const tenant = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const before = await auditRows(tenant.municipality.id);
    const response = await call(h, admin, 'GET', `/api/v1/audit${query}`);
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_ERROR');
    expect(response.json().error.details[0].field).toBe(field);
    expect(await auditRows(tenant.municipality.id)).toEqual(before);
  });
});
