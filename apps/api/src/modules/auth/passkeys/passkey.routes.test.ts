import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, TEST_PASSWORD } from '@lykt/db';
import { call, createHarness, errorCode, seedTenant, sessionCookieFrom, signIn, type Session, type TestHarness } from '../../../../test/harness';
import { SoftAuthenticator, type CeremonyOverrides } from '../../../../test/soft-authenticator';
import { webauthnConfig } from '../../../config';
import { sha256Hex } from '../../../platform/crypto';

const RP_ID = 'localhost';
// The harness sends Origin http://localhost:80, which a browser reports as http://localhost.
const ORIGIN = 'http://localhost';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness({ webauthn: webauthnConfig(RP_ID, ORIGIN, undefined, 80) });
});
afterAll(async () => {
  await h.close();
});

const noMfa = { mfaPolicy: 'off' as const, languages: ['nb'], defaultLanguage: 'nb', suppressionThreshold: 5 };
const privileged = { ...noMfa, mfaPolicy: 'privileged' as const };

async function auditRows(municipalityId: string) {
  return h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(schema.auditEvent.seq);
}

async function passkeysOf(userId: string) {
  return h.deps.db.select().from(schema.passkeyCredential).where(eq(schema.passkeyCredential.userId, userId));
}

async function registerPasskey(session: Session, authenticator: SoftAuthenticator, overrides: CeremonyOverrides = {}, name = 'Jobb-PC') {
  const options = await call(h, session, 'POST', '/api/v1/me/passkeys/options', {});
  expect(options.statusCode, options.body).toBe(200);
  return call(h, session, 'POST', '/api/v1/me/passkeys', { name, response: authenticator.create(options.json(), overrides) });
}

async function passkeyOptions(): Promise<{ challenge: string; userVerification?: string; allowCredentials?: unknown[] }> {
  const options = await call(h, null, 'POST', '/api/v1/auth/passkey/options', {});
  expect(options.statusCode, options.body).toBe(200);
  return options.json();
}

async function passkeySignIn(authenticator: SoftAuthenticator, overrides: CeremonyOverrides = {}) {
  return call(h, null, 'POST', '/api/v1/auth/passkey/verify', { response: authenticator.get(await passkeyOptions(), overrides) });
}

async function passwordSignIn(email: string): Promise<{ session: Session; state: string }> {
  const response = await call(h, null, 'POST', '/api/v1/auth/login', { email, password: TEST_PASSWORD });
  expect(response.statusCode, response.body).toBe(200);
  return { session: { cookie: sessionCookieFrom(response) }, state: response.json<{ state: string }>().state };
}

/** A user with one registered passkey, signed in with the password (no MFA in this tenant). */
async function userWithPasskey(role: 'caseworker' | 'coordinator' | 'admin' = 'caseworker') {
  const tenant = await seedTenant(h, { settings: noMfa });
  const user = tenant.users[role];
  const session = await signIn(h, user);
  const authenticator = new SoftAuthenticator(ORIGIN, RP_ID);
  const registered = await registerPasskey(session, authenticator);
  expect(registered.statusCode, registered.body).toBe(201);
  return { tenant, user, session, authenticator };
}

describe('registering a passkey', () => {
  it('verifies a real attestation, stores the credential and audits it without key or challenge', async () => {
    const { tenant, user, session, authenticator } = await userWithPasskey();
    const [stored] = await passkeysOf(user.id);
    expect(stored).toMatchObject({ credentialId: authenticator.id, counter: 0, name: 'Jobb-PC', transports: ['internal'], deviceType: 'singleDevice' });
    const list = await call(h, session, 'GET', '/api/v1/me/passkeys');
    expect(list.json()).toMatchObject({ canRemove: true, items: [{ name: 'Jobb-PC', isSynced: false, lastUsedAt: null }] });
    expect(list.body).not.toContain(stored?.publicKey);
    expect(list.body).not.toContain(authenticator.id);
    const registered = (await auditRows(tenant.municipality.id)).find((row) => row.action === 'user.passkey.registered');
    expect(registered?.details).toEqual({ synced: false, duringSignIn: false });
  });

  it('asks for a discoverable credential with user verification, and excludes those already registered', async () => {
    const { session, authenticator } = await userWithPasskey();
    const options = await call(h, session, 'POST', '/api/v1/me/passkeys/options', {});
    expect(options.json()).toMatchObject({
      rp: { id: RP_ID, name: 'Lykt' },
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      attestation: 'none',
      excludeCredentials: [{ id: authenticator.id, type: 'public-key' }],
    });
  });

  it('refuses an attestation from another origin, for another RP id, without user verification or for a foreign challenge; nothing is stored', async () => {
    const tenant = await seedTenant(h, { settings: noMfa });
    const session = await signIn(h, tenant.users.caseworker);
    const cases: CeremonyOverrides[] = [{ origin: 'https://lykt.example.evil' }, { rpId: 'example.evil' }, { userVerified: false }, { challenge: 'bm90LWlzc3VlZC1ieS11cw' }];
    for (const overrides of cases) {
      const response = await registerPasskey(session, new SoftAuthenticator(ORIGIN, RP_ID), overrides);
      expect(response.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(errorCode(response)).toBe('PASSKEY_INVALID');
    }
    expect(await passkeysOf(tenant.users.caseworker.id)).toEqual([]);
  });

  it('uses each registration challenge once', async () => {
    const tenant = await seedTenant(h, { settings: noMfa });
    const session = await signIn(h, tenant.users.caseworker);
    const options = (await call(h, session, 'POST', '/api/v1/me/passkeys/options', {})).json<{ challenge: string }>();
    const first = await call(h, session, 'POST', '/api/v1/me/passkeys', { name: 'A', response: new SoftAuthenticator(ORIGIN, RP_ID).create(options) });
    expect(first.statusCode).toBe(201);
    const replay = await call(h, session, 'POST', '/api/v1/me/passkeys', { name: 'B', response: new SoftAuthenticator(ORIGIN, RP_ID).create(options) });
    expect(errorCode(replay)).toBe('PASSKEY_INVALID');
    expect(await passkeysOf(tenant.users.caseworker.id)).toHaveLength(1);
  });

  it('does not accept a challenge issued to another session', async () => {
    const tenant = await seedTenant(h, { settings: noMfa });
    const mine = await signIn(h, tenant.users.caseworker);
    const other = await signIn(h, tenant.users.viewer);
    const options = (await call(h, other, 'POST', '/api/v1/me/passkeys/options', {})).json<{ challenge: string }>();
    const response = await call(h, mine, 'POST', '/api/v1/me/passkeys', { name: 'A', response: new SoftAuthenticator(ORIGIN, RP_ID).create(options) });
    expect(errorCode(response)).toBe('PASSKEY_INVALID');
  });

  it('needs a recent sign-in to add or remove a passkey', async () => {
    const { user, session } = await userWithPasskey();
    await h.deps.db.update(schema.session).set({ createdAt: new Date(Date.now() - 11 * 60_000) }).where(eq(schema.session.userId, user.id));
    const add = await call(h, session, 'POST', '/api/v1/me/passkeys/options', {});
    expect(errorCode(add)).toBe('REAUTHENTICATION_REQUIRED');
    const list = await call(h, session, 'GET', '/api/v1/me/passkeys');
    expect(list.json().canRemove).toBe(false);
    const [stored] = await passkeysOf(user.id);
    const remove = await call(h, session, 'DELETE', `/api/v1/me/passkeys/${stored?.id ?? ''}`);
    expect(remove.statusCode).toBe(403);
    expect(errorCode(remove)).toBe('REAUTHENTICATION_REQUIRED');
    expect(await passkeysOf(user.id)).toHaveLength(1);
  });

  it('renames and removes an own passkey, audited; another user cannot touch it', async () => {
    const { tenant, user, session } = await userWithPasskey();
    const [stored] = await passkeysOf(user.id);
    const id = stored?.id ?? '';
    const other = await signIn(h, tenant.users.viewer);
    expect((await call(h, other, 'PATCH', `/api/v1/me/passkeys/${id}`, { name: 'Mine' })).statusCode).toBe(404);
    expect((await call(h, other, 'DELETE', `/api/v1/me/passkeys/${id}`)).statusCode).toBe(404);
    const blank = await call(h, session, 'PATCH', `/api/v1/me/passkeys/${id}`, { name: '   ' });
    expect(errorCode(blank)).toBe('VALIDATION_ERROR');
    const renamed = await call(h, session, 'PATCH', `/api/v1/me/passkeys/${id}`, { name: 'Telefon' });
    expect(renamed.json()).toMatchObject({ id, name: 'Telefon' });
    const removed = await call(h, session, 'DELETE', `/api/v1/me/passkeys/${id}`);
    expect(removed.statusCode).toBe(200);
    expect(await passkeysOf(user.id)).toEqual([]);
    const actions = (await auditRows(tenant.municipality.id)).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['user.passkey.registered', 'user.passkey.renamed', 'user.passkey.removed']));
  });

  it('answers 401 without a session', async () => {
    expect(errorCode(await call(h, null, 'GET', '/api/v1/me/passkeys'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await call(h, null, 'POST', '/api/v1/me/passkeys/options', {}))).toBe('UNAUTHENTICATED');
  });
});

describe('passwordless sign-in with a passkey', () => {
  it('signs in with a verified assertion, updates the counter and audits the method without challenge or signature', async () => {
    const { tenant, user, authenticator } = await userWithPasskey();
    const options = await passkeyOptions();
    expect(options.userVerification).toBe('required');
    expect(options.allowCredentials ?? []).toEqual([]);
    const assertion = authenticator.get(options);
    const response = await call(h, null, 'POST', '/api/v1/auth/passkey/verify', { response: assertion });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ state: 'active' });
    const me = await call(h, { cookie: sessionCookieFrom(response) }, 'GET', '/api/v1/me');
    expect(me.json().user.id).toBe(user.id);
    const [stored] = await passkeysOf(user.id);
    expect(stored?.counter).toBe(1);
    expect(stored?.lastUsedAt).not.toBeNull();
    const rows = await auditRows(tenant.municipality.id);
    const succeeded = rows.filter((row) => row.action === 'auth.login.succeeded').map((row) => row.details);
    expect(succeeded).toEqual([
      { method: 'password', nextStep: 'active' },
      { method: 'passkey', nextStep: 'active', passkeyId: stored?.id },
    ]);
    const everything = JSON.stringify(rows);
    for (const secret of [options.challenge, assertion.response.signature, assertion.response.clientDataJSON, stored?.publicKey ?? '-', sessionCookieFrom(response).split('=')[1] ?? '-']) {
      expect(everything).not.toContain(secret);
    }
    expect(h.logs.join('')).not.toContain(options.challenge);
  });

  it('refuses an assertion from another origin', async () => {
    const { tenant, authenticator } = await userWithPasskey();
    const response = await passkeySignIn(authenticator, { origin: 'https://lykt-login.example.evil' });
    expect(response.statusCode).toBe(401);
    expect(errorCode(response)).toBe('LOGIN_FAILED');
    expect(response.headers['set-cookie']).toBeUndefined();
    const failed = (await auditRows(tenant.municipality.id)).filter((row) => row.action === 'auth.login.failed');
    expect(failed.map((row) => row.details)).toEqual([expect.objectContaining({ method: 'passkey', reason: 'verification_failed' })]);
  });

  it('refuses a challenge the server never issued', async () => {
    const { tenant, authenticator } = await userWithPasskey();
    const response = await passkeySignIn(authenticator, { challenge: Buffer.from('made up by the client').toString('base64url') });
    expect(errorCode(response)).toBe('LOGIN_FAILED');
    const failed = (await auditRows(tenant.municipality.id)).filter((row) => row.action === 'auth.login.failed');
    expect(failed.map((row) => row.details)).toEqual([expect.objectContaining({ method: 'passkey', reason: 'challenge' })]);
  });

  it('uses a challenge once: a replayed assertion and a second assertion over the same challenge both fail', async () => {
    const { authenticator } = await userWithPasskey();
    const options = await passkeyOptions();
    const assertion = authenticator.get(options);
    const first = await call(h, null, 'POST', '/api/v1/auth/passkey/verify', { response: assertion });
    expect(first.statusCode).toBe(200);
    const replayed = await call(h, null, 'POST', '/api/v1/auth/passkey/verify', { response: assertion });
    expect(errorCode(replayed)).toBe('LOGIN_FAILED');
    const again = await call(h, null, 'POST', '/api/v1/auth/passkey/verify', { response: authenticator.get(options) });
    expect(errorCode(again)).toBe('LOGIN_FAILED');
  });

  it('refuses an expired challenge', async () => {
    const { authenticator } = await userWithPasskey();
    const options = await passkeyOptions();
    // Only this challenge: other test files may hold live challenges in a shared PostgreSQL.
    const expired = await h.deps.db
      .update(schema.webauthnChallenge)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.webauthnChallenge.challengeHash, sha256Hex(options.challenge)))
      .returning({ id: schema.webauthnChallenge.id });
    expect(expired).toHaveLength(1);
    expect(errorCode(await call(h, null, 'POST', '/api/v1/auth/passkey/verify', { response: authenticator.get(options) }))).toBe('LOGIN_FAILED');
  });

  it('refuses a counter that goes back (a cloned authenticator) and keeps the stored counter', async () => {
    const { tenant, user, authenticator } = await userWithPasskey();
    expect((await passkeySignIn(authenticator)).statusCode).toBe(200);
    expect((await passkeySignIn(authenticator)).statusCode).toBe(200);
    const response = await passkeySignIn(authenticator, { counter: 1 });
    expect(errorCode(response)).toBe('LOGIN_FAILED');
    expect((await passkeysOf(user.id))[0]?.counter).toBe(2);
    const failed = (await auditRows(tenant.municipality.id)).filter((row) => row.action === 'auth.login.failed');
    expect(failed.map((row) => row.details)).toEqual([expect.objectContaining({ reason: 'counter_regression' })]);
  });

  it('requires user verification for passwordless sign-in', async () => {
    const { authenticator } = await userWithPasskey();
    expect(errorCode(await passkeySignIn(authenticator, { userVerified: false }))).toBe('LOGIN_FAILED');
  });

  it('refuses a signature by another key for the same credential id', async () => {
    const { authenticator } = await userWithPasskey();
    const impostor = new SoftAuthenticator(ORIGIN, RP_ID);
    const assertion = impostor.get(await passkeyOptions());
    const forged = { ...assertion, id: authenticator.id, rawId: authenticator.id };
    expect(errorCode(await call(h, null, 'POST', '/api/v1/auth/passkey/verify', { response: forged }))).toBe('LOGIN_FAILED');
  });

  it('refuses a removed credential', async () => {
    const { user, session, authenticator } = await userWithPasskey();
    const [stored] = await passkeysOf(user.id);
    expect((await call(h, session, 'DELETE', `/api/v1/me/passkeys/${stored?.id ?? ''}`)).statusCode).toBe(200);
    expect(errorCode(await passkeySignIn(authenticator))).toBe('LOGIN_FAILED');
  });

  it('refuses a deactivated user with the same answer, audited', async () => {
    const { tenant, user, authenticator } = await userWithPasskey();
    const admin = await signIn(h, tenant.users.admin);
    expect((await call(h, admin, 'PATCH', `/api/v1/users/${user.id}`, { active: false })).statusCode).toBe(200);
    const response = await passkeySignIn(authenticator);
    expect(errorCode(response)).toBe('LOGIN_FAILED');
    const failed = (await auditRows(tenant.municipality.id)).filter((row) => row.action === 'auth.login.failed');
    expect(failed.map((row) => row.details)).toEqual([expect.objectContaining({ method: 'passkey', reason: 'deactivated' })]);
  });

  it('rejects a malformed body with 400', async () => {
    const response = await call(h, null, 'POST', '/api/v1/auth/passkey/verify', { response: { id: 'not base64url!', type: 'public-key' } });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_ERROR');
  });
});

describe('a passkey as the second factor', () => {
  it('enrols a passkey instead of TOTP during sign-in, then finishes later sign-ins with it', async () => {
    const tenant = await seedTenant(h, { settings: privileged });
    const user = tenant.users.caseworker;
    const first = await passwordSignIn(user.email);
    expect(first.state).toBe('mfa_enrolment');
    const authenticator = new SoftAuthenticator(ORIGIN, RP_ID);
    const registered = await registerPasskey(first.session, authenticator);
    expect(registered.statusCode, registered.body).toBe(201);
    expect(registered.json().state).toBe('active');
    expect((await call(h, first.session, 'GET', '/api/v1/me')).statusCode).toBe(200);

    const second = await passwordSignIn(user.email);
    expect(second.state).toBe('mfa_challenge');
    expect((await call(h, second.session, 'GET', '/api/v1/auth/mfa/methods')).json()).toEqual({ totp: false, passkey: true });
    const options = await call(h, second.session, 'POST', '/api/v1/auth/mfa/passkey/options', {});
    expect(options.json().allowCredentials).toEqual([expect.objectContaining({ id: authenticator.id })]);
    const wrongOrigin = await call(h, second.session, 'POST', '/api/v1/auth/mfa/passkey/verify', { response: authenticator.get(options.json(), { origin: 'https://evil.example' }) });
    expect(errorCode(wrongOrigin)).toBe('PASSKEY_INVALID');
    const retry = await call(h, second.session, 'POST', '/api/v1/auth/mfa/passkey/options', {});
    const verified = await call(h, second.session, 'POST', '/api/v1/auth/mfa/passkey/verify', { response: authenticator.get(retry.json()) });
    expect(verified.json()).toEqual({ state: 'active' });
    expect((await call(h, second.session, 'GET', '/api/v1/me')).statusCode).toBe(200);

    const rows = await auditRows(tenant.municipality.id);
    expect(rows.filter((row) => row.action === 'auth.mfa.enrolled').map((row) => row.details)).toEqual([{ method: 'passkey' }]);
    expect(rows.filter((row) => row.action === 'auth.mfa.succeeded').map((row) => row.details)).toEqual([expect.objectContaining({ method: 'passkey' })]);
    expect(rows.filter((row) => row.action === 'auth.mfa.failed').map((row) => row.details)).toEqual([expect.objectContaining({ method: 'passkey', reason: 'verification_failed' })]);
  });

  it("does not accept another user's passkey as the second factor", async () => {
    const { tenant, authenticator } = await userWithPasskey('caseworker');
    await h.deps.db.update(schema.municipality).set({ settings: privileged }).where(eq(schema.municipality.id, tenant.municipality.id));
    const victim = tenant.users.coordinator;
    const victimKey = new SoftAuthenticator(ORIGIN, RP_ID);
    const enrol = await passwordSignIn(victim.email);
    expect((await registerPasskey(enrol.session, victimKey)).statusCode).toBe(201);
    const attempt = await passwordSignIn(victim.email);
    const options = await call(h, attempt.session, 'POST', '/api/v1/auth/mfa/passkey/options', {});
    const response = await call(h, attempt.session, 'POST', '/api/v1/auth/mfa/passkey/verify', { response: authenticator.get(options.json()) });
    expect(errorCode(response)).toBe('PASSKEY_INVALID');
    expect((await call(h, attempt.session, 'GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('records the method of password and TOTP sign-ins', async () => {
    const tenant = await seedTenant(h, { settings: privileged });
    await signIn(h, tenant.users.caseworker);
    await signIn(h, tenant.users.caseworker);
    const rows = await auditRows(tenant.municipality.id);
    expect(rows.filter((row) => row.action === 'auth.login.succeeded').map((row) => row.details)).toEqual([
      { method: 'password', nextStep: 'mfa_enrolment' },
      { method: 'password', nextStep: 'mfa_challenge' },
    ]);
    expect(rows.filter((row) => row.action === 'auth.mfa.enrolled').map((row) => row.details)).toEqual([{ method: 'totp' }]);
    expect(rows.filter((row) => row.action === 'auth.mfa.succeeded').map((row) => row.details)).toEqual([{ method: 'totp', nextStep: 'active' }]);
  });

  it('records the method of failed password and TOTP steps', async () => {
    const tenant = await seedTenant(h, { settings: privileged });
    await signIn(h, tenant.users.caseworker);
    expect(errorCode(await call(h, null, 'POST', '/api/v1/auth/login', { email: tenant.users.caseworker.email, password: 'not-the-password-1' }))).toBe('LOGIN_FAILED');
    const { session } = await passwordSignIn(tenant.users.caseworker.email);
    expect(errorCode(await call(h, session, 'POST', '/api/v1/auth/mfa/verify', { code: '000000' }))).toBe('INVALID_MFA_CODE');
    const rows = await auditRows(tenant.municipality.id);
    expect(rows.filter((row) => row.outcome === 'failure').map((row) => [row.action, row.details])).toEqual([
      ['auth.login.failed', { method: 'password', reason: 'wrong_password' }],
      ['auth.mfa.failed', { method: 'totp', reason: 'wrong_code' }],
    ]);
  });
});

describe('the passkey policy for administrators and coordinators', () => {
  it('cannot be turned on by an administrator without a passkey', async () => {
    const tenant = await seedTenant(h, { settings: noMfa });
    const admin = await signIn(h, tenant.users.admin);
    const response = await call(h, admin, 'PATCH', '/api/v1/municipality', { requirePasskey: true });
    expect(response.statusCode).toBe(409);
    expect(errorCode(response)).toBe('CONFLICT');
    const [row] = await h.deps.db.select().from(schema.municipality).where(eq(schema.municipality.id, tenant.municipality.id));
    expect(row?.settings.requirePasskey).toBeUndefined();
  });

  it('ends the sessions of coordinators without a passkey and leads them to register one before anything else', async () => {
    const { tenant, session: admin } = await userWithPasskey('admin');
    const coordinator = tenant.users.coordinator;
    const before = await signIn(h, coordinator);
    const caseworker = await signIn(h, tenant.users.caseworker);
    const turnedOn = await call(h, admin, 'PATCH', '/api/v1/municipality', { requirePasskey: true });
    expect(turnedOn.statusCode, turnedOn.body).toBe(200);
    expect(turnedOn.json().requirePasskey).toBe(true);
    expect(errorCode(await call(h, before, 'GET', '/api/v1/me'))).toBe('UNAUTHENTICATED');
    expect((await call(h, caseworker, 'GET', '/api/v1/me')).statusCode).toBe(200);
    expect((await call(h, admin, 'GET', '/api/v1/me')).json().user.passkeyRequired).toBe(true);
    const updated = (await auditRows(tenant.municipality.id)).filter((row) => row.action === 'municipality.updated').map((row) => row.details);
    expect(updated).toEqual([{ fields: ['requirePasskey'], requirePasskey: true, sessionsEnded: 1 }]);

    const { session, state } = await passwordSignIn(coordinator.email);
    expect(state).toBe('passkey_enrolment');
    const me = await call(h, session, 'GET', '/api/v1/me');
    expect(errorCode(me)).toBe('MFA_REQUIRED');
    expect(errorCode(await call(h, session, 'POST', '/api/v1/auth/mfa/enrolment', {}))).toBe('MFA_REQUIRED');
    const authenticator = new SoftAuthenticator(ORIGIN, RP_ID);
    const registered = await registerPasskey(session, authenticator);
    expect(registered.json().state).toBe('active');
    expect((await call(h, session, 'GET', '/api/v1/me')).statusCode).toBe(200);

    // The last passkey cannot be removed while the rule holds.
    const [stored] = await passkeysOf(coordinator.id);
    expect(errorCode(await call(h, session, 'DELETE', `/api/v1/me/passkeys/${stored?.id ?? ''}`))).toBe('CONFLICT');
  });

  it('refuses TOTP for a user who has a passkey under the rule, and asks a TOTP user without one to register after the code', async () => {
    const tenant = await seedTenant(h, { settings: privileged });
    // Both enrol TOTP first.
    const admin = await signIn(h, tenant.users.admin);
    await signIn(h, tenant.users.coordinator);
    expect((await registerPasskey(admin, new SoftAuthenticator(ORIGIN, RP_ID))).statusCode).toBe(201);
    expect((await call(h, admin, 'PATCH', '/api/v1/municipality', { requirePasskey: true })).statusCode).toBe(200);

    const adminAgain = await passwordSignIn(tenant.users.admin.email);
    expect(adminAgain.state).toBe('mfa_challenge');
    expect((await call(h, adminAgain.session, 'GET', '/api/v1/auth/mfa/methods')).json()).toEqual({ totp: false, passkey: true });
    const totp = await call(h, adminAgain.session, 'POST', '/api/v1/auth/mfa/verify', { code: '123456' });
    expect(errorCode(totp)).toBe('PASSKEY_REQUIRED');

    const coordinator = await passwordSignIn(tenant.users.coordinator.email);
    expect(coordinator.state).toBe('mfa_challenge');
    expect((await call(h, coordinator.session, 'GET', '/api/v1/auth/mfa/methods')).json()).toEqual({ totp: true, passkey: false });
  });
});

describe("an administrator's reset of a user's passkeys", () => {
  it('removes every passkey, ends the sessions and audits the count; the old passkey no longer signs in', async () => {
    const { tenant, user, session, authenticator } = await userWithPasskey('coordinator');
    await registerPasskey(session, new SoftAuthenticator(ORIGIN, RP_ID), {}, 'Telefon');
    const admin = await signIn(h, tenant.users.admin);
    const reset = await call(h, admin, 'POST', `/api/v1/users/${user.id}/passkeys-reset`, {});
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toEqual({ removed: 2 });
    expect(await passkeysOf(user.id)).toEqual([]);
    expect(errorCode(await call(h, session, 'GET', '/api/v1/me'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await passkeySignIn(authenticator))).toBe('LOGIN_FAILED');
    const audited = (await auditRows(tenant.municipality.id)).filter((row) => row.action === 'user.passkeys.reset');
    expect(audited.map((row) => ({ entityId: row.entityId, details: row.details, actor: row.actorUserId }))).toEqual([
      { entityId: user.id, details: { removed: 2 }, actor: tenant.users.admin.id },
    ]);
  });

  it('is for administrators only, and only within the municipality', async () => {
    const tenant = await seedTenant(h, { settings: noMfa });
    const other = await seedTenant(h, { settings: noMfa });
    const coordinator = await signIn(h, tenant.users.coordinator);
    const forbidden = await call(h, coordinator, 'POST', `/api/v1/users/${tenant.users.caseworker.id}/passkeys-reset`, {});
    expect(errorCode(forbidden)).toBe('FORBIDDEN');
    const admin = await signIn(h, tenant.users.admin);
    const elsewhere = await call(h, admin, 'POST', `/api/v1/users/${other.users.caseworker.id}/passkeys-reset`, {});
    expect(errorCode(elsewhere)).toBe('NOT_FOUND');
  });
});
