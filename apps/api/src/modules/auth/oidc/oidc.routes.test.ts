import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { schema, TEST_PASSWORD } from '@lykt/db';
import type { OidcProvider } from '@lykt/shared';
import { freshDatabases } from '../../../../test/fresh-databases';
import { call, createHarness, errorCode, seedTenant, signIn, type Session, type TestHarness } from '../../../../test/harness';
import { browserSignIn } from '../../../../test/oidc-browser';
import { createAdmin } from '../../../cli/admin.command';
import { newSigningKey, startTestProvider, type TestClient, type TestProvider } from '../../../../test/oidc-test-provider';

// The sign-in page options test turns password sign-in off in every municipality in the database (and
// writes their settings back after): on PostgreSQL the file gets a database of its own (dropped after
// the file), so other test files' password sign-ins and settings are never touched, and no municipality
// another file creates meanwhile changes what the page is told.
const ownDatabase = freshDatabases(process.env.TEST_DATABASE_URL, 'lykt_oidc');
let h: TestHarness;
let entra: TestProvider;
let ansattporten: TestProvider;
const clients = new Map<TestProvider, TestClient[]>();

beforeAll(async () => {
  h = await createHarness({ oidcAllowHttp: true }, { ownDatabase });
  entra = await startTestProvider({ profile: 'entra' });
  ansattporten = await startTestProvider({ profile: 'ansattporten' });
});
afterAll(async () => {
  await Promise.all([entra.close(), ansattporten.close()]);
  await h.close();
});

type Tenant = Awaited<ReturnType<typeof seedTenant>>;

async function addClient(provider: TestProvider, client: TestClient): Promise<void> {
  const list = [...(clients.get(provider) ?? []), client];
  clients.set(provider, list);
  await provider.setClients(list);
}

/** A tenant with an Entra-like provider: subject from oid, roles from groups, MFA from amr. */
async function entraSetUp(
  overrides: Record<string, unknown> | ((tenant: Tenant) => Record<string, unknown>) = {},
): Promise<{ tenant: Tenant; admin: Session; provider: OidcProvider }> {
  const tenant = await seedTenant(h);
  const admin = await signIn(h, tenant.users.admin);
  const clientId = `lykt-${crypto.randomUUID()}`;
  const created = await call(h, admin, 'POST', '/api/v1/oidc/providers', {
    name: 'Entra ID',
    issuer: entra.issuer,
    clientId,
    clientAuthMethod: 'client_secret_basic',
    clientSecret: 'a-client-secret-from-entra-0123456789',
    subjectClaim: 'oid',
    groupsClaim: 'groups',
    roleMappings: [
      { value: 'group-coordinators', role: 'coordinator', organisationId: tenant.organisation.id },
      { value: 'group-frontline', role: 'frontline', organisationId: tenant.organisation.id },
    ],
    mfaAmrValues: ['mfa'],
    ...(typeof overrides === 'function' ? overrides(tenant) : overrides),
  });
  if (created.statusCode !== 201) throw new Error(`provider not created: ${created.body}`);
  const provider = created.json<OidcProvider>();
  await addClient(entra, {
    client_id: clientId,
    client_secret: 'a-client-secret-from-entra-0123456789',
    token_endpoint_auth_method: 'client_secret_basic',
    redirect_uris: [provider.redirectUri],
    post_logout_redirect_uris: [provider.postLogoutRedirectUri],
  });
  return { tenant, admin, provider };
}

function entraAccount(groups: string[], extra: Record<string, unknown> = {}) {
  const login = `entra-${crypto.randomUUID()}`;
  const oid = crypto.randomUUID();
  entra.accounts.set(login, { claims: { oid, email: `${login}@kommune.test`, name: 'Kari Entra', groups, ...extra }, amr: ['pwd', 'mfa'] });
  return { login, oid };
}

async function link(admin: Session, providerId: string, userId: string, subject: string): Promise<void> {
  const response = await call(h, admin, 'POST', `/api/v1/oidc/providers/${providerId}/identities`, { userId, subject });
  expect(response.statusCode).toBe(201);
}

async function auditRows(municipalityId: string) {
  return h.deps.db.select().from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, municipalityId)).orderBy(schema.auditEvent.seq);
}

/** The session cookie among the cookies a callback sets (it also clears the state cookie). */
function sessionFrom(response: { headers: Record<string, unknown> }): Session {
  const header = response.headers['set-cookie'];
  const cookie = (Array.isArray(header) ? header : [header]).map(String).find((value) => value.startsWith('lykt_session='));
  if (!cookie) throw new Error('no session cookie');
  return { cookie: cookie.split(';')[0] ?? '' };
}

function errorOf(callback: { statusCode: number; headers: Record<string, unknown> }): string | null {
  expect(callback.statusCode).toBe(303);
  return new URL(String(callback.headers.location), 'http://x').searchParams.get('oidc_error');
}

describe('sign-in through an Entra ID-like provider', () => {
  it('signs in a linked user by oid, takes the role from the groups, skips TOTP on amr mfa, and audits the method without any token', async () => {
    const { tenant, admin, provider } = await entraSetUp();
    const user = tenant.users.caseworker;
    const { login, oid } = entraAccount(['group-coordinators']);
    await link(admin, provider.id, user.id, oid);
    const { callback, callbackUrl } = await browserSignIn(h, provider.id, login);
    expect(errorOf(callback)).toBeNull();
    expect(callback.headers.location).toBe('/app/sign-in');
    const session = sessionFrom(callback);
    expect(String(callback.headers['set-cookie'])).toMatch(/lykt_session=.*HttpOnly.*SameSite=Strict/s);
    const me = await call(h, session, 'GET', '/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(user.id);
    expect(me.json().user.role).toBe('coordinator');
    expect(me.json().session.state).toBe('active');
    const rows = await auditRows(tenant.municipality.id);
    const signedIn = rows.filter((row) => row.action === 'auth.login.succeeded').map((row) => row.details);
    expect(signedIn).toContainEqual({ method: `oidc:${provider.id}`, nextStep: 'active', mfaByProvider: true });
    expect(signedIn).toContainEqual({ method: 'password', nextStep: expect.any(String) });
    const everything = JSON.stringify(rows);
    expect(everything).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
    expect(everything).not.toContain(callbackUrl.searchParams.get('code'));
    expect(everything).not.toContain('a-client-secret-from-entra');
  });

  it('never links by e-mail: an unknown subject with the e-mail of an existing user is refused with JIT off', async () => {
    const { tenant, provider } = await entraSetUp();
    const { login } = entraAccount(['group-coordinators'], { email: tenant.users.coordinator.email });
    const { callback } = await browserSignIn(h, provider.id, login);
    expect(errorOf(callback)).toBe('not_linked');
    expect(callback.headers['set-cookie']).not.toMatch(/lykt_session=[^;]/);
    const failures = (await auditRows(tenant.municipality.id)).filter((row) => row.action === 'auth.oidc.failed');
    expect(failures.map((row) => row.details.reason)).toEqual(['not_linked']);
  });

  it('with JIT on creates the user with the role and organisation the groups give', async () => {
    const { tenant, provider } = await entraSetUp({ jitEnabled: true });
    const { login } = entraAccount(['unrelated', 'group-frontline']);
    const { callback } = await browserSignIn(h, provider.id, login);
    expect(errorOf(callback)).toBeNull();
    const me = await call(h, sessionFrom(callback), 'GET', '/api/v1/me');
    expect(me.json().user.role).toBe('frontline');
    expect(me.json().user.email).toBe(`${login}@kommune.test`);
    expect(me.json().organisation.id).toBe(tenant.organisation.id);
    const created = (await auditRows(tenant.municipality.id)).find((row) => row.action === 'user.created');
    expect(created?.details).toEqual({ role: 'frontline', via: `oidc:${provider.id}`, awaitingAdministrator: false });
  });

  it('with JIT on refuses a user whose groups map to nothing, and creates nobody', async () => {
    const { tenant, provider } = await entraSetUp({ jitEnabled: true });
    const { login } = entraAccount(['some-other-group']);
    const { callback } = await browserSignIn(h, provider.id, login);
    expect(errorOf(callback)).toBe('no_role');
    const users = await h.deps.db.select().from(schema.appUser).where(eq(schema.appUser.municipalityId, tenant.municipality.id));
    expect(users.map((user) => user.email)).not.toContain(`${login}@kommune.test`);
  });

  it('with JIT on and roles kept in Lykt, creates the user without access to wait for an administrator', async () => {
    const { tenant, admin, provider } = await entraSetUp((t) => ({ jitEnabled: true, groupsClaim: '', roleMappings: [], jitOrganisationId: t.organisation.id }));
    // Roles kept in Lykt need an organisation for the newcomers.
    const refused = await call(h, admin, 'PATCH', `/api/v1/oidc/providers/${provider.id}`, { jitOrganisationId: null });
    expect(errorCode(refused)).toBe('VALIDATION_ERROR');
    const { login } = entraAccount(['any-group']);
    const { callback } = await browserSignIn(h, provider.id, login);
    expect(errorOf(callback)).toBe('pending');
    const [created] = await h.deps.db.select().from(schema.appUser).where(eq(schema.appUser.email, `${login}@kommune.test`));
    expect(created?.municipalityId).toBe(tenant.municipality.id);
    expect(created?.deactivatedAt).not.toBeNull();
    // Until an administrator reactivates the account and gives a role, every sign-in is blocked.
    expect(errorOf((await browserSignIn(h, provider.id, login)).callback)).toBe('blocked');
    const created_ = (await auditRows(tenant.municipality.id)).find((row) => row.action === 'user.created');
    expect(created_?.details).toEqual({ role: null, via: `oidc:${provider.id}`, awaitingAdministrator: true });
  });

  it('removes access at the next sign-in when the groups no longer map, ending open sessions', async () => {
    const { tenant, admin, provider } = await entraSetUp();
    const { login, oid } = entraAccount(['group-coordinators']);
    await link(admin, provider.id, tenant.users.viewer.id, oid);
    const first = await browserSignIn(h, provider.id, login);
    const firstSession = sessionFrom(first.callback);
    expect((await call(h, firstSession, 'GET', '/api/v1/me')).statusCode).toBe(200);
    const account = entra.accounts.get(login);
    if (!account) throw new Error('no account');
    account.claims.groups = ['group-gone'];
    const second = await browserSignIn(h, provider.id, login);
    expect(errorOf(second.callback)).toBe('no_role');
    expect((await call(h, firstSession, 'GET', '/api/v1/me')).statusCode).toBe(401);
    const failure = (await auditRows(tenant.municipality.id)).filter((row) => row.action === 'auth.oidc.failed').at(-1);
    expect(failure?.details.reason).toBe('no_mapped_group');
  });

  it('blocks a user deactivated in Lykt whatever the provider says', async () => {
    const { tenant, admin, provider } = await entraSetUp();
    const { login, oid } = entraAccount(['group-coordinators']);
    await link(admin, provider.id, tenant.users.partner.id, oid);
    await h.deps.db.update(schema.appUser).set({ deactivatedAt: new Date() }).where(eq(schema.appUser.id, tenant.users.partner.id));
    const { callback } = await browserSignIn(h, provider.id, login);
    expect(errorOf(callback)).toBe('blocked');
  });

  it('refuses a tampered state, a missing state cookie and a replayed callback', async () => {
    const { tenant, admin, provider } = await entraSetUp();
    const { login, oid } = entraAccount(['group-frontline']);
    await link(admin, provider.id, tenant.users.frontline.id, oid);
    const tampered = await browserSignIn(h, provider.id, login, { alterCallback: (url) => url.searchParams.set('state', `${url.searchParams.get('state')}x`) });
    expect(errorOf(tampered.callback)).toBe('state');
    const noCookie = await browserSignIn(h, provider.id, login, { stateCookie: null });
    expect(errorOf(noCookie.callback)).toBe('state');
    const good = await browserSignIn(h, provider.id, login);
    expect(errorOf(good.callback)).toBeNull();
    const replay = await h.app.inject({ method: 'GET', url: `${good.callbackUrl.pathname}${good.callbackUrl.search}`, headers: { cookie: `lykt_oidc=${good.stateCookie}` } });
    expect(errorOf(replay)).toBe('state');
  });

  it('refuses ID tokens with a wrong audience, a wrong nonce, an expired one and one signed by an unknown key', async () => {
    const { tenant, admin, provider } = await entraSetUp();
    const { login, oid } = entraAccount(['group-frontline']);
    await link(admin, provider.id, tenant.users.frontline.id, oid);
    const rogue = await newSigningKey();
    const cases: [string, Parameters<TestProvider['tamperIdToken']>[0]][] = [
      ['aud', (payload, keys) => keys.sign({ ...payload, aud: 'someone-else' }, keys.current)],
      ['nonce', (payload, keys) => keys.sign({ ...payload, nonce: 'not-the-nonce' }, keys.current)],
      ['exp', (payload, keys) => keys.sign({ ...payload, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 }, keys.current)],
      ['kid', (payload, keys) => keys.sign(payload, rogue)],
    ];
    try {
      for (const [name, tamper] of cases) {
        entra.tamperIdToken(tamper);
        const { callback } = await browserSignIn(h, provider.id, login);
        expect(errorOf(callback), name).toBe('token');
      }
    } finally {
      entra.tamperIdToken(null);
    }
    const reasons = (await auditRows(tenant.municipality.id)).filter((row) => row.action === 'auth.oidc.failed').map((row) => String(row.details.reason));
    expect(reasons).toHaveLength(4);
    expect(reasons[0]).toMatch(/aud/);
    expect(reasons[1]).toMatch(/nonce/);
    expect(reasons[2]).toMatch(/exp/);
    // Control: the untampered token signs in.
    expect(errorOf((await browserSignIn(h, provider.id, login)).callback)).toBeNull();
  });

  it('accepts tokens signed with a rotated key once the cached keys are a minute old', async () => {
    const { tenant, admin, provider } = await entraSetUp();
    const { login, oid } = entraAccount(['group-frontline']);
    await link(admin, provider.id, tenant.users.frontline.id, oid);
    expect(errorOf((await browserSignIn(h, provider.id, login)).callback)).toBeNull();
    await entra.rotateKeys({ dropOld: true });
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 });
    try {
      expect(errorOf((await browserSignIn(h, provider.id, login)).callback)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('ends the provider session too (RP-initiated logout)', async () => {
    const { tenant, admin, provider } = await entraSetUp();
    const { login, oid } = entraAccount(['group-frontline']);
    await link(admin, provider.id, tenant.users.frontline.id, oid);
    const { callback } = await browserSignIn(h, provider.id, login);
    const session = sessionFrom(callback);
    const logout = await call(h, session, 'POST', '/api/v1/auth/logout', {});
    expect(logout.statusCode).toBe(200);
    const endSessionUrl = new URL(String(logout.json().endSessionUrl));
    expect(endSessionUrl.origin).toBe(entra.issuer);
    expect(endSessionUrl.searchParams.get('client_id')).toBe(provider.clientId);
    expect(endSessionUrl.searchParams.get('post_logout_redirect_uri')).toBe(provider.postLogoutRedirectUri);
    expect((await call(h, session, 'GET', '/api/v1/me')).statusCode).toBe(401);
    const page = await fetch(endSessionUrl, { redirect: 'manual' });
    expect(page.status).toBe(200);
  });
});

describe('sign-in through an Ansattporten-like provider', () => {
  async function ansattportenSetUp() {
    const tenant = await seedTenant(h);
    const admin = await signIn(h, tenant.users.admin);
    const clientId = `lykt-${crypto.randomUUID()}`;
    const created = await call(h, admin, 'POST', '/api/v1/oidc/providers', {
      name: 'Ansattporten',
      issuer: ansattporten.issuer,
      clientId,
      clientAuthMethod: 'private_key_jwt',
      scopes: 'openid profile',
      mfaAcrValues: ['substantial', 'high'],
    });
    expect(created.statusCode).toBe(201);
    const provider = created.json<OidcProvider>();
    expect(provider.publicJwk).toMatchObject({ kty: 'RSA', alg: 'RS256' });
    expect(provider.publicJwk).not.toHaveProperty('d');
    await addClient(ansattporten, {
      client_id: clientId,
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: { keys: [provider.publicJwk ?? {}] },
      redirect_uris: [provider.redirectUri],
      post_logout_redirect_uris: [provider.postLogoutRedirectUri],
    });
    return { tenant, admin, provider };
  }

  it('signs in with private_key_jwt; an accepted acr replaces TOTP, another acr does not, and the national id is never kept', async () => {
    const { tenant, admin, provider } = await ansattportenSetUp();
    const sub = `pairwise-${crypto.randomUUID()}`;
    ansattporten.accounts.set(sub, { claims: { name: 'Ola Ansatt', pid: '24817298765' }, acr: 'substantial', amr: ['MinID-OTC'] });
    await link(admin, provider.id, tenant.users.caseworker.id, sub);
    const { callback } = await browserSignIn(h, provider.id, sub);
    expect(errorOf(callback)).toBeNull();
    const me = await call(h, sessionFrom(callback), 'GET', '/api/v1/me');
    expect(me.json().session.state).toBe('active');
    expect(me.json().user.role).toBe('caseworker');

    // Roles kept in Lykt: an acr the municipality does not accept leaves the caseworker to enrol TOTP.
    const other = `pairwise-${crypto.randomUUID()}`;
    ansattporten.accounts.set(other, { claims: { name: 'Per Ansatt' }, acr: 'entraid', amr: ['pwd'] });
    await link(admin, provider.id, tenant.users.coordinator.id, other);
    const second = await browserSignIn(h, provider.id, other);
    const meSecond = await call(h, sessionFrom(second.callback), 'GET', '/api/v1/me');
    expect(meSecond.statusCode).toBe(401);
    const enrol = await call(h, sessionFrom(second.callback), 'POST', '/api/v1/auth/mfa/enrolment', {});
    expect(enrol.statusCode).toBe(200);

    const dump = JSON.stringify([
      await h.deps.db.select().from(schema.appUser).where(eq(schema.appUser.municipalityId, tenant.municipality.id)),
      await h.deps.db.select().from(schema.oidcIdentity).where(eq(schema.oidcIdentity.municipalityId, tenant.municipality.id)),
      await auditRows(tenant.municipality.id),
    ]);
    expect(dump).not.toContain('24817298765');
  });
});

describe('password sign-in turned off', () => {
  it('refuses passwords except for a break-glass administrator, and needs an enabled provider first', async () => {
    const tenant = await seedTenant(h);
    const admin = await signIn(h, tenant.users.admin);
    const early = await call(h, admin, 'PUT', '/api/v1/oidc/sign-in-policy', { passwordLoginEnabled: false });
    expect(errorCode(early)).toBe('CONFLICT');
    const { provider } = await entraSetUp();
    expect(provider.id).toBeDefined();
    // entraSetUp made its own tenant; give this one a provider too.
    const created = await call(h, admin, 'POST', '/api/v1/oidc/providers', {
      name: 'Entra ID',
      issuer: entra.issuer,
      clientId: 'break-glass-test',
      clientAuthMethod: 'client_secret_post',
      clientSecret: 'another-secret-0123456789',
    });
    expect(created.statusCode).toBe(201);
    const off = await call(h, admin, 'PUT', '/api/v1/oidc/sign-in-policy', { passwordLoginEnabled: false });
    expect(off.json()).toEqual({ passwordLoginEnabled: false });
    const refused = await call(h, null, 'POST', '/api/v1/auth/login', { email: tenant.users.viewer.email, password: TEST_PASSWORD });
    expect(errorCode(refused)).toBe('LOGIN_FAILED');
    await h.deps.db.update(schema.appUser).set({ isBreakGlass: true }).where(eq(schema.appUser.id, tenant.users.admin.id));
    const breakGlass = await call(h, null, 'POST', '/api/v1/auth/login', { email: tenant.users.admin.email, password: TEST_PASSWORD });
    expect(breakGlass.statusCode).toBe(200);
    const reasons = (await auditRows(tenant.municipality.id)).filter((row) => row.action === 'auth.login.failed').map((row) => row.details);
    expect(reasons).toContainEqual({ method: 'password', reason: 'password_login_disabled' });
  });
});

describe('the sign-in page options', () => {
  it('tells the page that passwords are for break-glass administrators only when no municipality here allows them', async () => {
    const tenant = await seedTenant(h);
    const before = await call(h, null, 'GET', '/api/v1/auth/oidc/providers');
    expect(before.json().passwordSignIn).toBe('offered');
    const everyMunicipality = await h.deps.db.select({ id: schema.municipality.id, settings: schema.municipality.settings }).from(schema.municipality);
    try {
      for (const row of everyMunicipality) {
        await h.deps.db.update(schema.municipality).set({ settings: { ...row.settings, passwordLoginEnabled: false } }).where(eq(schema.municipality.id, row.id));
      }
      const off = await call(h, null, 'GET', '/api/v1/auth/oidc/providers');
      expect(off.json().passwordSignIn).toBe('break_glass_only');
      const one = everyMunicipality.find((row) => row.id === tenant.municipality.id);
      await h.deps.db.update(schema.municipality).set({ settings: { ...one!.settings, passwordLoginEnabled: true } }).where(eq(schema.municipality.id, tenant.municipality.id));
      const oneOn = await call(h, null, 'GET', '/api/v1/auth/oidc/providers');
      expect(oneOn.json().passwordSignIn).toBe('offered');
    } finally {
      for (const row of everyMunicipality) {
        await h.deps.db.update(schema.municipality).set({ settings: row.settings }).where(eq(schema.municipality.id, row.id));
      }
    }
  });
});

describe('break-glass administrator from the CLI', () => {
  it('keeps password sign-in when the municipality has turned it off', async () => {
    const email = `break-glass-${crypto.randomUUID()}@kommune.test`;
    const created = await createAdmin(h.deps, { email, name: 'Nød Admin', municipality: `Breakglass ${crypto.randomUUID()}`, password: 'lantern-harbour-quietly-9', breakGlass: true });
    const [municipality] = await h.deps.db.select().from(schema.municipality).where(eq(schema.municipality.id, created.municipalityId));
    if (!municipality) throw new Error('no municipality');
    await h.deps.db
      .update(schema.municipality)
      .set({ settings: { ...municipality.settings, passwordLoginEnabled: false } })
      .where(eq(schema.municipality.id, created.municipalityId));
    const login = await call(h, null, 'POST', '/api/v1/auth/login', { email, password: 'lantern-harbour-quietly-9' });
    expect(login.statusCode).toBe(200);
    const [row] = await h.deps.db.select().from(schema.appUser).where(eq(schema.appUser.id, created.userId));
    expect(row?.isBreakGlass).toBe(true);
    const audit = (await auditRows(created.municipalityId)).find((event) => event.action === 'user.created');
    expect(audit?.details).toEqual({ role: 'admin', via: 'cli', breakGlass: true });
  });
});

describe('provider administration', () => {
  it('is for administrators of the municipality only, keeps secrets out of answers, and checks discovery', async () => {
    const { tenant, admin, provider } = await entraSetUp();
    expect(JSON.stringify(provider)).not.toContain('a-client-secret-from-entra');
    expect(provider.hasClientSecret).toBe(true);
    expect(provider.redirectUri).toBe(`http://localhost:${h.deps.config.port}/api/v1/auth/oidc/${provider.id}/callback`);
    const stored = await h.deps.db.select().from(schema.oidcProvider).where(eq(schema.oidcProvider.id, provider.id));
    expect(stored[0]?.clientSecretEnc).toMatch(/^v1:/);
    expect((await call(h, null, 'GET', '/api/v1/oidc/providers')).statusCode).toBe(401);
    const coordinator = await signIn(h, tenant.users.coordinator);
    expect(errorCode(await call(h, coordinator, 'GET', '/api/v1/oidc/providers'))).toBe('FORBIDDEN');
    const other = await seedTenant(h);
    const otherAdmin = await signIn(h, other.users.admin);
    expect((await call(h, otherAdmin, 'GET', '/api/v1/oidc/providers')).json()).toEqual({ items: [] });
    expect(errorCode(await call(h, otherAdmin, 'PATCH', `/api/v1/oidc/providers/${provider.id}`, { name: 'Taken over' }))).toBe('NOT_FOUND');
    expect(errorCode(await call(h, otherAdmin, 'POST', `/api/v1/oidc/providers/${provider.id}/identities`, { userId: other.users.viewer.id, subject: 'x' }))).toBe('NOT_FOUND');
    const unreachable = await call(h, admin, 'POST', '/api/v1/oidc/providers', {
      name: 'Nowhere',
      issuer: 'http://127.0.0.1:9/nothing',
      clientId: 'x',
      clientAuthMethod: 'client_secret_basic',
      clientSecret: 'y',
    });
    expect(errorCode(unreachable)).toBe('VALIDATION_ERROR');
    const noSecret = await call(h, admin, 'POST', '/api/v1/oidc/providers', { name: 'No secret', issuer: entra.issuer, clientId: 'x', clientAuthMethod: 'client_secret_basic' });
    expect(errorCode(noSecret)).toBe('VALIDATION_ERROR');
    const foreignOrganisation = await call(h, admin, 'PATCH', `/api/v1/oidc/providers/${provider.id}`, {
      roleMappings: [{ value: 'g', role: 'admin', organisationId: other.organisation.id }],
    });
    expect(errorCode(foreignOrganisation)).toBe('VALIDATION_ERROR');
    const count = await h.deps.db.select().from(schema.oidcProvider).where(eq(schema.oidcProvider.municipalityId, tenant.municipality.id));
    expect(count).toHaveLength(1);
    expect(count[0]?.roleMappings).toHaveLength(2);
    const options = await call(h, null, 'GET', '/api/v1/auth/oidc/providers');
    expect(options.json().providers).toContainEqual({ id: provider.id, name: 'Entra ID' });
  });
});
