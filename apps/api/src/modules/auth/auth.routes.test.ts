import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildUser, schema, TEST_PASSWORD } from '@lykt/db';
import { seedCapabilities } from '../../platform/seed-capabilities';
import { call, createHarness, errorCode, ORIGIN, seedTenant, sessionCookieFrom, signIn, type TestHarness } from '../../../test/harness';
import { currentTotp } from '../../platform/totp';
import { LOCK_AFTER_FAILURES } from './auth.service';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

async function auditActions(municipalityId: string): Promise<string[]> {
  const rows = await h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(schema.auditEvent.seq);
  return rows.map((row) => row.action);
}

describe('sign-in', () => {
  it('signs in a user without MFA and answers /me with role, organisation and permissions', async () => {
    const tenant = await seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
    const login = await call(h, null, 'POST', '/api/v1/auth/login', { email: tenant.users.admin.email.toUpperCase(), password: TEST_PASSWORD });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toEqual({ state: 'active' });
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const me = await call(h, { cookie: sessionCookieFrom(login) }, 'GET', '/api/v1/me');
    expect(me.statusCode).toBe(200);
    const body = me.json();
    expect(body.user.role).toBe('admin');
    expect(body.organisation.id).toBe(tenant.organisation.id);
    expect(body.municipality.id).toBe(tenant.municipality.id);
    expect(body.permissions).toContain('users:write');
    expect(body).not.toHaveProperty('user.passwordHash');
    expect(await auditActions(tenant.municipality.id)).toContain('auth.login.succeeded');
  });

  it('gives the same answer for an unknown e-mail and a wrong password, and audits the failure', async () => {
    const tenant = await seedTenant(h);
    const unknown = await call(h, null, 'POST', '/api/v1/auth/login', { email: 'nobody@nowhere.invalid', password: 'whatever-password' });
    const wrong = await call(h, null, 'POST', '/api/v1/auth/login', { email: tenant.users.viewer.email, password: 'whatever-password' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(errorCode(wrong)).toBe('LOGIN_FAILED');
    expect(await auditActions(tenant.municipality.id)).toEqual(['auth.login.failed']);
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    const tenant = await seedTenant(h);
    const user = tenant.users.frontline;
    await h.deps.db.update(schema.appUser).set({ failedLoginCount: LOCK_AFTER_FAILURES - 2 }).where(eq(schema.appUser.id, user.id));
    const started = Date.now();
    for (let i = 0; i < 2; i += 1) {
      const response = await call(h, null, 'POST', '/api/v1/auth/login', { email: user.email, password: 'not-the-password-1' });
      expect(errorCode(response)).toBe('LOGIN_FAILED');
    }
    // Failures are slowed down: the 9th and 10th wait seconds, not milliseconds.
    expect(Date.now() - started).toBeGreaterThan(2000);
    const right = await call(h, null, 'POST', '/api/v1/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(errorCode(right)).toBe('LOGIN_FAILED');
    const [row] = await h.deps.db.select().from(schema.appUser).where(eq(schema.appUser.id, user.id));
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    expect(await auditActions(tenant.municipality.id)).toContain('auth.login.locked');
  });

  it('refuses a deactivated account with the same answer', async () => {
    const tenant = await seedTenant(h);
    await h.deps.db.update(schema.appUser).set({ deactivatedAt: new Date() }).where(eq(schema.appUser.id, tenant.users.viewer.id));
    const response = await call(h, null, 'POST', '/api/v1/auth/login', { email: tenant.users.viewer.email, password: TEST_PASSWORD });
    expect(errorCode(response)).toBe('LOGIN_FAILED');
  });

  it('rejects bad input with the error shape and names the field', async () => {
    const response = await call(h, null, 'POST', '/api/v1/auth/login', { email: 'not-an-email', password: 'x' });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_ERROR');
    expect(response.json().error.details[0].field).toBe('email');
    const notJson = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: ORIGIN, 'content-type': 'application/json' }, payload: '{"email":' });
    expect(notJson.statusCode).toBe(400);
    expect(errorCode(notJson)).toBe('INVALID_JSON');
  });

  it('refuses state-changing requests from another origin or without one', async () => {
    const tenant = await seedTenant(h);
    const foreign = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: 'https://evil.example' }, payload: { email: tenant.users.admin.email, password: TEST_PASSWORD } });
    expect(foreign.statusCode).toBe(403);
    expect(errorCode(foreign)).toBe('ORIGIN_MISMATCH');
    const none = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: tenant.users.admin.email, password: TEST_PASSWORD } });
    expect(errorCode(none)).toBe('ORIGIN_MISMATCH');
  });

  it('answers 401 without a session and 401 SESSION_EXPIRED after the idle timeout', async () => {
    expect(errorCode(await call(h, null, 'GET', '/api/v1/me'))).toBe('UNAUTHENTICATED');
    const tenant = await seedTenant(h);
    const session = await signIn(h, tenant.users.viewer);
    await h.deps.db.update(schema.session).set({ lastSeenAt: new Date(Date.now() - h.deps.config.sessionIdleMs - 1000) }).where(eq(schema.session.userId, tenant.users.viewer.id));
    const expired = await call(h, session, 'GET', '/api/v1/me');
    expect(expired.statusCode).toBe(401);
    expect(errorCode(expired)).toBe('SESSION_EXPIRED');
    expect(errorCode(await call(h, session, 'GET', '/api/v1/me'))).toBe('UNAUTHENTICATED');
  });

  it("answers /me with the session's limits, and the idle limit moves when a cached session is touched", async () => {
    const tenant = await seedTenant(h);
    const session = await signIn(h, tenant.users.viewer);
    const t0 = Date.now();
    // Last seen 20 s ago; the session cache keeps an entry 30 s and touches a session seen over 60 s ago.
    await h.deps.db.update(schema.session).set({ lastSeenAt: new Date(t0 - 20_000) }).where(eq(schema.session.userId, tenant.users.viewer.id));
    const [row] = await h.deps.db.select().from(schema.session).where(eq(schema.session.userId, tenant.users.viewer.id));
    if (!row) throw new Error('no session row');
    const limits = async () => (await call(h, session, 'GET', '/api/v1/me')).json().session as { idleExpiresAt: string; absoluteExpiresAt: string };
    const idle = h.deps.config.sessionIdleMs;
    try {
      // 31 s on: the cached entry from the sign-in has expired, so the row is read again (seen 51 s ago: not touched).
      vi.useFakeTimers({ toFake: ['Date'], now: t0 + 31_000 });
      const first = await limits();
      expect(first.absoluteExpiresAt).toBe(row.absoluteExpiresAt.toISOString());
      expect(first.idleExpiresAt).toBe(new Date(t0 - 20_000 + idle).toISOString());
      expect(await limits()).toEqual(first);
      // 15 s later the entry is still cached, and the session was seen 66 s ago: it is touched now.
      vi.setSystemTime(t0 + 46_000);
      const touched = await limits();
      expect(touched.idleExpiresAt).toBe(new Date(t0 + 46_000 + idle).toISOString());
      expect(touched.absoluteExpiresAt).toBe(first.absoluteExpiresAt);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ends a session at its absolute lifetime even when active', async () => {
    const tenant = await seedTenant(h);
    const session = await signIn(h, tenant.users.viewer);
    await h.deps.db.update(schema.session).set({ absoluteExpiresAt: new Date(Date.now() - 1) }).where(eq(schema.session.userId, tenant.users.viewer.id));
    expect(errorCode(await call(h, session, 'GET', '/api/v1/me'))).toBe('SESSION_EXPIRED');
  });

  it('signs out: the cookie no longer works', async () => {
    const tenant = await seedTenant(h);
    const session = await signIn(h, tenant.users.partner);
    expect((await call(h, session, 'POST', '/api/v1/auth/logout', {})).statusCode).toBe(200);
    expect(errorCode(await call(h, session, 'GET', '/api/v1/me'))).toBe('UNAUTHENTICATED');
    expect(await auditActions(tenant.municipality.id)).toEqual(['auth.login.succeeded', 'auth.logout']);
  });

  it('signing in again from the same browser ends the earlier session: its token stops working', async () => {
    const tenant = await seedTenant(h);
    const first = await signIn(h, tenant.users.partner);
    expect((await call(h, first, 'GET', '/api/v1/me')).statusCode).toBe(200);
    const again = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: ORIGIN, cookie: first.cookie },
      payload: { email: tenant.users.partner.email, password: TEST_PASSWORD },
    });
    expect(again.statusCode).toBe(200);
    const second = { cookie: sessionCookieFrom(again) };
    expect(second.cookie).not.toBe(first.cookie);
    expect(errorCode(await call(h, first, 'GET', '/api/v1/me'))).toBe('UNAUTHENTICATED');
    expect((await call(h, second, 'GET', '/api/v1/me')).statusCode).toBe(200);
    const sessions = await h.deps.db.select().from(schema.session).where(eq(schema.session.userId, tenant.users.partner.id));
    expect(sessions.map((row) => row.endedReason).sort()).toEqual(['replaced_by_sign_in', null].sort());
  });
});

describe('MFA', () => {
  it('makes a coordinator enrol, then challenges at the next sign-in; codes cannot be replayed', async () => {
    const tenant = await seedTenant(h);
    const user = tenant.users.coordinator;
    const login = await call(h, null, 'POST', '/api/v1/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(login.json()).toEqual({ state: 'mfa_enrolment' });
    const pending = { cookie: sessionCookieFrom(login) };
    const blocked = await call(h, pending, 'GET', '/api/v1/me');
    expect(errorCode(blocked)).toBe('MFA_REQUIRED');
    expect(blocked.json().error.details).toEqual({ state: 'mfa_enrolment' });

    const enrol = await call(h, pending, 'POST', '/api/v1/auth/mfa/enrolment', {});
    expect(enrol.statusCode).toBe(200);
    const { secret, otpauthUrl } = enrol.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const [stored] = await h.deps.db.select().from(schema.appUser).where(eq(schema.appUser.id, user.id));
    expect(stored?.mfaPendingSecretEnc).toBeTruthy();
    expect(stored?.mfaPendingSecretEnc).not.toContain(secret);

    const wrong = await call(h, pending, 'POST', '/api/v1/auth/mfa/enrolment/confirm', { code: '000000' === currentTotp(secret) ? '111111' : '000000' });
    expect(errorCode(wrong)).toBe('INVALID_MFA_CODE');
    const code = currentTotp(secret);
    const confirm = await call(h, pending, 'POST', '/api/v1/auth/mfa/enrolment/confirm', { code });
    expect(confirm.json()).toEqual({ state: 'active' });
    expect((await call(h, pending, 'GET', '/api/v1/me')).statusCode).toBe(200);

    const second = await call(h, null, 'POST', '/api/v1/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(second.json()).toEqual({ state: 'mfa_challenge' });
    const challenge = { cookie: sessionCookieFrom(second) };
    const replay = await call(h, challenge, 'POST', '/api/v1/auth/mfa/verify', { code });
    expect(errorCode(replay)).toBe('INVALID_MFA_CODE');
    const actions = await auditActions(tenant.municipality.id);
    expect(actions).toContain('auth.mfa.enrolled');
    expect(actions).toContain('auth.mfa.failed');
  });

  it('the test sign-in helper completes enrolment and then a challenge through the API', async () => {
    const tenant = await seedTenant(h);
    const first = await signIn(h, tenant.users.caseworker);
    expect((await call(h, first, 'GET', '/api/v1/me')).json().user.mfaEnabled).toBe(true);
    const second = await signIn(h, tenant.users.caseworker);
    expect((await call(h, second, 'GET', '/api/v1/me')).statusCode).toBe(200);
  });

  it('lets a frontline user without MFA requirement sign in directly', async () => {
    const tenant = await seedTenant(h);
    const login = await call(h, null, 'POST', '/api/v1/auth/login', { email: tenant.users.frontline.email, password: TEST_PASSWORD });
    expect(login.json()).toEqual({ state: 'active' });
  });

  it('in demo mode lets the fictional demo accounts skip MFA, but not users created later', async () => {
    const demo = await createHarness({ demo: true });
    try {
      const tenant = await seedTenant(demo, { isDemo: true });
      const demoAccount = await buildUser(demo.deps.db, seedCapabilities(demo.deps.keyring), {
        municipalityId: tenant.municipality.id,
        organisationId: tenant.organisation.id,
        role: 'coordinator',
        isDemoAccount: true,
      });
      const relaxed = await call(demo, null, 'POST', '/api/v1/auth/login', { email: demoAccount.email, password: TEST_PASSWORD });
      expect(relaxed.json()).toEqual({ state: 'active' });
      const normal = await call(demo, null, 'POST', '/api/v1/auth/login', { email: tenant.users.coordinator.email, password: TEST_PASSWORD });
      expect(normal.json()).toEqual({ state: 'mfa_enrolment' });
      // An address on the demo domain does not make a seeded demo account.
      const lookalike = await buildUser(demo.deps.db, seedCapabilities(demo.deps.keyring), {
        municipalityId: tenant.municipality.id,
        organisationId: tenant.organisation.id,
        role: 'caseworker',
        email: `new-caseworker-${Date.now()}@eksempel.kommune.no`,
      });
      const strict = await call(demo, null, 'POST', '/api/v1/auth/login', { email: lookalike.email, password: TEST_PASSWORD });
      expect(strict.json()).toEqual({ state: 'mfa_enrolment' });
    } finally {
      await demo.close();
    }
  });

  it('rejects a malformed code with a field error', async () => {
    const tenant = await seedTenant(h);
    const login = await call(h, null, 'POST', '/api/v1/auth/login', { email: tenant.users.admin.email, password: TEST_PASSWORD });
    const response = await call(h, { cookie: sessionCookieFrom(login) }, 'POST', '/api/v1/auth/mfa/enrolment/confirm', { code: '12ab' });
    expect(errorCode(response)).toBe('VALIDATION_ERROR');
    expect(response.json().error.details[0].field).toBe('code');
  });
});

describe('own account', () => {
  it('refuses a weak new password with a reason and accepts a strong one, ending other sessions', async () => {
    const tenant = await seedTenant(h);
    const user = tenant.users.viewer;
    const first = await signIn(h, user);
    const second = await signIn(h, user);
    const weak = await call(h, first, 'POST', '/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'password1234' });
    expect(errorCode(weak)).toBe('WEAK_PASSWORD');
    expect(weak.json().error.message).toMatch(/guess/);
    const short = await call(h, first, 'POST', '/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'Ab1!' });
    expect(errorCode(short)).toBe('WEAK_PASSWORD');
    const wrongCurrent = await call(h, first, 'POST', '/api/v1/me/password', { currentPassword: 'nope-nope-nope', newPassword: 'violet-tractor-sings-loudly' });
    expect(errorCode(wrongCurrent)).toBe('VALIDATION_ERROR');
    const ok = await call(h, first, 'POST', '/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'violet-tractor-sings-loudly' });
    expect(ok.statusCode).toBe(200);
    expect((await call(h, first, 'GET', '/api/v1/me')).statusCode).toBe(200);
    expect(errorCode(await call(h, second, 'GET', '/api/v1/me'))).toBe('UNAUTHENTICATED');
    expect((await signIn(h, { email: user.email, password: 'violet-tractor-sings-loudly' })).cookie).toBeTruthy();
  });

  it('stores the language preference', async () => {
    const tenant = await seedTenant(h);
    const session = await signIn(h, tenant.users.viewer);
    expect((await call(h, session, 'PATCH', '/api/v1/me', { language: 'en' })).statusCode).toBe(200);
    expect((await call(h, session, 'GET', '/api/v1/me')).json().user.language).toBe('en');
    expect(errorCode(await call(h, session, 'PATCH', '/api/v1/me', { language: 'xx' }))).toBe('VALIDATION_ERROR');
  });
});

describe('logs', () => {
  it('never contain passwords, e-mails, session tokens, cookies or client addresses', async () => {
    const tenant = await seedTenant(h);
    const login = await call(h, null, 'POST', '/api/v1/auth/login', { email: tenant.users.viewer.email, password: TEST_PASSWORD });
    const cookie = sessionCookieFrom(login);
    await call(h, { cookie }, 'GET', `/api/v1/me?search=${encodeURIComponent(tenant.users.viewer.email)}`);
    await call(h, null, 'POST', '/api/v1/auth/login', { email: tenant.users.admin.email, password: 'wrong-password-here' });
    const all = h.logs.join('');
    expect(all).toContain('"path":"/api/v1/me"');
    expect(all).toMatch(/"reqId":"[0-9a-f-]{36}"/);
    for (const secret of [TEST_PASSWORD, 'wrong-password-here', tenant.users.viewer.email, tenant.users.admin.email, cookie.split('=')[1] ?? 'x', '127.0.0.1', 'remoteAddress']) {
      expect(all).not.toContain(secret);
    }
  });
});

describe('rate limit', () => {
  it('limits sign-in attempts per client with 429 RATE_LIMITED', async () => {
    const limited = await createHarness({ loginRateLimitPerMinute: 3 });
    try {
      const codes: number[] = [];
      // Limits are shared through the database by every process of the installation: this client
      // gets an address of its own, so the other tests' sign-ins from 127.0.0.1 do not count.
      const remoteAddress = `10.${randomInt(256)}.${randomInt(256)}.${1 + randomInt(254)}`;
      for (let i = 0; i < 4; i += 1) {
        const response = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress,
          headers: { origin: ORIGIN },
          payload: { email: 'nobody@nowhere.invalid', password: 'x' },
        });
        codes.push(response.statusCode);
        if (response.statusCode === 429) expect(errorCode(response)).toBe('RATE_LIMITED');
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});
