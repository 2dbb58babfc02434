import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, TEST_PASSWORD } from '@lykt/db';
import { call, createHarness, errorCode, seedTenant, signIn, type Session, type TestHarness } from '../../../test/harness';
import { sha256Hex } from '../../platform/crypto';
import { currentTotp } from '../../platform/totp';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const seed = () => seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });

async function auditEvents(municipalityId: string, action: string) {
  const rows = await h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(asc(schema.auditEvent.seq));
  return rows.filter((row) => row.action === action);
}

async function stillSignedIn(session: Session): Promise<boolean> {
  const response = await call(h, session, 'GET', '/api/v1/me');
  if (response.statusCode === 200) return true;
  expect(errorCode(response)).toMatch(/^(UNAUTHENTICATED|SESSION_EXPIRED)$/);
  return false;
}

/** Enrols TOTP for a signed-in user through the API and returns the secret. */
async function enrolMfa(session: Session): Promise<string> {
  const enrol = await call(h, session, 'POST', '/api/v1/auth/mfa/enrolment', {});
  expect(enrol.statusCode).toBe(200);
  const { secret }: { secret: string } = enrol.json();
  expect((await call(h, session, 'POST', '/api/v1/auth/mfa/enrolment/confirm', { code: currentTotp(secret) })).statusCode).toBe(200);
  return secret;
}

const tokenHashOf = (session: Session) => sha256Hex(session.cookie.split('=')[1] ?? '');
async function sessionIds(...sessions: Session[]): Promise<string[]> {
  const rows = await Promise.all(sessions.map((session) => h.deps.db.select().from(schema.session).where(eq(schema.session.tokenHash, tokenHashOf(session)))));
  return rows.map(([row]) => row?.id ?? 'missing');
}

const login = (email: string) => call(h, null, 'POST', '/api/v1/auth/login', { email, password: TEST_PASSWORD });

describe('MFA reset', () => {
  it('clears MFA, ends the sessions and audits it; the next sign-in needs no code', async () => {
    const tenant = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const user = tenant.users.caseworker;
    const session = await signIn(h, user);
    const secret = await enrolMfa(session);
    expect((await call(h, admin, 'GET', `/api/v1/users/${user.id}`)).json().mfaEnabled).toBe(true);
    expect((await login(user.email)).json()).toEqual({ state: 'mfa_challenge' });

    const response = await call(h, admin, 'POST', `/api/v1/users/${user.id}/mfa-reset`, {});
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: user.id, mfaEnabled: false });
    for (const leak of [secret, 'mfaSecret', 'passwordHash']) expect(response.body).not.toContain(leak);
    const [row] = await h.deps.db.select().from(schema.appUser).where(eq(schema.appUser.id, user.id));
    expect(row).toMatchObject({ mfaSecretEnc: null, mfaPendingSecretEnc: null, mfaEnabledAt: null, mfaLastStep: null });
    expect(await stillSignedIn(session)).toBe(false);
    const events = await auditEvents(tenant.municipality.id, 'user.mfa.reset');
    expect(events).toMatchObject([{ entityType: 'user', entityId: user.id, actorUserId: tenant.users.admin.id, details: {} }]);
    expect(JSON.stringify(events)).not.toContain(secret);
    expect((await login(user.email)).json()).toEqual({ state: 'active' });
  });
});

describe("a user's sessions", () => {
  it('lists open sessions only, marks the current one, and audits the viewing', async () => {
    const tenant = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const user = tenant.users.viewer;
    const [first, second, idle, loggedOut] = [await signIn(h, user), await signIn(h, user), await signIn(h, user), await signIn(h, user)];
    await call(h, loggedOut, 'POST', '/api/v1/auth/logout', {});
    await h.deps.db.update(schema.session).set({ lastSeenAt: new Date(Date.now() - h.deps.config.sessionIdleMs - 1000) }).where(eq(schema.session.tokenHash, tokenHashOf(idle)));

    const response = await call(h, admin, 'GET', `/api/v1/users/${user.id}/sessions`);
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { id: string; isCurrent: boolean }[];
    expect(items.map((item) => item.id).sort()).toEqual((await sessionIds(first, second)).sort());
    expect(items.every((item) => !item.isCurrent)).toBe(true);
    for (const token of [first, second, idle].map((session) => session.cookie.split('=')[1] ?? 'x')) expect(response.body).not.toContain(token);
    expect(await auditEvents(tenant.municipality.id, 'user.sessions.viewed')).toMatchObject([{ entityType: 'user', entityId: user.id, actorUserId: tenant.users.admin.id }]);

    const own = (await call(h, admin, 'GET', `/api/v1/users/${tenant.users.admin.id}/sessions`)).json().items as { isCurrent: boolean }[];
    expect(own).toHaveLength(1);
    expect(own[0]?.isCurrent).toBe(true);
  });

  it('ends every open session, answers how many, and audits the count', async () => {
    const tenant = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const user = tenant.users.partner;
    const sessions = [await signIn(h, user), await signIn(h, user)];
    const response = await call(h, admin, 'DELETE', `/api/v1/users/${user.id}/sessions`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ended: 2 });
    for (const session of sessions) expect(await stillSignedIn(session)).toBe(false);
    expect(await stillSignedIn(admin)).toBe(true);
    expect((await call(h, admin, 'GET', `/api/v1/users/${user.id}/sessions`)).json().items).toEqual([]);
    const events = await auditEvents(tenant.municipality.id, 'user.sessions.ended');
    expect(events).toMatchObject([{ entityType: 'user', entityId: user.id, actorUserId: tenant.users.admin.id, details: { ended: 2 } }]);
    expect((await call(h, admin, 'DELETE', `/api/v1/users/${user.id}/sessions`)).json()).toEqual({ ended: 0 });
    expect(await stillSignedIn(await signIn(h, user))).toBe(true);
  });

  it("does not see or end another municipality's sessions", async () => {
    const a = await seed();
    const b = await seed();
    const admin = await signIn(h, a.users.admin);
    const victim = await signIn(h, b.users.viewer);
    for (const method of ['GET', 'DELETE'] as const) {
      const response = await call(h, admin, method, `/api/v1/users/${b.users.viewer.id}/sessions`);
      expect(response.statusCode).toBe(404);
      expect(errorCode(response)).toBe('NOT_FOUND');
    }
    expect(errorCode(await call(h, admin, 'POST', `/api/v1/users/${b.users.viewer.id}/mfa-reset`, {}))).toBe('NOT_FOUND');
    expect(await stillSignedIn(victim)).toBe(true);
    for (const tenant of [a, b]) {
      for (const action of ['user.sessions.viewed', 'user.sessions.ended', 'user.mfa.reset']) expect(await auditEvents(tenant.municipality.id, action)).toEqual([]);
    }
  });
});
