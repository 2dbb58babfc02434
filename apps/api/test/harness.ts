import fs from 'node:fs';
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTenant, migrateDatabase, openDatabase, schema, type DatabaseHandle, TEST_PASSWORD } from '@lykt/db';
import { buildApp } from '../src/app';
import { loadConfig, type Config } from '../src/config';
import { KeyRing } from '../src/platform/crypto';
import type { Deps } from '../src/platform/deps';
import { seedCapabilities } from '../src/platform/seed-capabilities';
import { currentTotp, totpAt } from '../src/platform/totp';

export const TEST_MASTER_KEY = Buffer.alloc(32, 7);
export const ORIGIN = 'http://localhost:80';

export type TestHarness = {
  app: FastifyInstance;
  deps: Deps;
  handle: DatabaseHandle;
  /** Every log line the app wrote, for tests that prove what is never logged. */
  logs: string[];
  close: () => Promise<void>;
};

export type HarnessOptions = {
  /**
   * On PostgreSQL, a database of the file's own instead of the shared one: for a test that runs
   * something over every municipality (a scheduled job), which on the shared database would also act
   * on the tenants other test files are setting up at the same time. Pass the function
   * `freshDatabases(process.env.TEST_DATABASE_URL, prefix)` returned (called at the top of the file,
   * so the database is dropped after the file); the harness migrates the new database. Without
   * TEST_DATABASE_URL it is not called: every PGlite harness is a database of its own already.
   */
  ownDatabase?: () => Promise<string>;
};

/** One database and app per test file: PGlite loaded from the migrated dump, or the shared PostgreSQL (or one of the file's own, see HarnessOptions). */
export async function createHarness(configOverrides: Partial<Config> = {}, options: HarnessOptions = {}): Promise<TestHarness> {
  const shared = process.env.TEST_DATABASE_URL;
  const url = shared && options.ownDatabase ? await options.ownDatabase() : shared;
  const handle = url
    ? await openDatabase({ kind: 'postgres', url, maxConnections: 4 })
    : await openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: new Blob([fs.readFileSync(inject('pgliteDump'))]) });
  if (url && url !== shared) await migrateDatabase(handle);
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test', LYKT_DEMO: 'false', LYKT_LOG_LEVEL: 'info' }),
    masterKey: TEST_MASTER_KEY,
    // Every test signs in from 127.0.0.1; the limit itself is tested with its own harness.
    loginRateLimitPerMinute: 10_000,
    ...configOverrides,
  };
  const deps: Deps = { db: handle.db, dbKind: handle.kind, keyring: new KeyRing(TEST_MASTER_KEY), config };
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  const app = await buildApp(deps, { logStream, serveWeb: false });
  await app.ready();
  return {
    app,
    deps,
    handle,
    logs,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

/** A fresh municipality with one organisation and one user per role. */
export function seedTenant(harness: TestHarness, overrides: Parameters<typeof buildTenant>[2] = {}) {
  return buildTenant(harness.deps.db, seedCapabilities(harness.deps.keyring), overrides);
}

export type Session = { cookie: string };

export function sessionCookieFrom(response: LightMyRequestResponse): string {
  const header = response.headers['set-cookie'];
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  return value.split(';')[0] ?? '';
}

/**
 * Signs in through the API as a browser would, completing MFA when the municipality's policy
 * asks for it (enrolling on first sign-in, then answering challenges with the next code).
 */
export async function signIn(harness: TestHarness, user: { email: string; password?: string }): Promise<Session> {
  const response = await harness.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { origin: ORIGIN },
    payload: { email: user.email, password: user.password ?? TEST_PASSWORD },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed ${response.statusCode}: ${response.body}`);
  const session = { cookie: sessionCookieFrom(response) };
  const { state } = response.json<{ state: string }>();
  if (state === 'mfa_enrolment') {
    const enrolment = await call(harness, session, 'POST', '/api/v1/auth/mfa/enrolment', {});
    const { secret } = enrolment.json<{ secret: string }>();
    const confirm = await call(harness, session, 'POST', '/api/v1/auth/mfa/enrolment/confirm', { code: currentTotp(secret) });
    if (confirm.statusCode !== 200) throw new Error(`MFA enrolment failed: ${confirm.body}`);
  }
  if (state === 'mfa_challenge') {
    const [row] = await harness.deps.db.select().from(schema.appUser).where(sql`lower(${schema.appUser.email}) = ${user.email.toLowerCase()}`);
    if (!row?.mfaSecretEnc) throw new Error('challenge without an MFA secret');
    const secret = await harness.deps.keyring.decrypt(harness.deps.db, row.municipalityId, 'app_user.mfa_secret', row.mfaSecretEnc);
    // The code of the next time step: the one just used for enrolment may not be replayed.
    const verify = await call(harness, session, 'POST', '/api/v1/auth/mfa/verify', { code: totpAt(secret, Date.now() + 30_000) });
    if (verify.statusCode !== 200) throw new Error(`MFA challenge failed: ${verify.body}`);
  }
  return session;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** An API call as a browser on the same site would make it. */
export function call(harness: TestHarness, session: Session | null, method: Method, url: string, payload?: unknown) {
  return harness.app.inject({
    method,
    url,
    headers: { origin: ORIGIN, ...(session ? { cookie: session.cookie } : {}) },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

export type TestEndpoint = { method: Method; url: string; body?: unknown };

/** Calls each endpoint as the session and expects 403 FORBIDDEN with the error shape from every one. */
export async function expectEachForbidden(harness: TestHarness, session: Session, endpoints: readonly TestEndpoint[]): Promise<void> {
  for (const endpoint of endpoints) {
    const response = await call(harness, session, endpoint.method, endpoint.url, 'body' in endpoint ? endpoint.body : undefined);
    if (response.statusCode !== 403) throw new Error(`${endpoint.method} ${endpoint.url}: expected 403, got ${response.statusCode}`);
    if (errorCode(response) !== 'FORBIDDEN') throw new Error(`${endpoint.method} ${endpoint.url}: expected FORBIDDEN, got ${errorCode(response)}`);
  }
}

/** Parses an error response and returns its code (fails the test when the shape is wrong). */
export function errorCode(response: LightMyRequestResponse): string {
  const body: { error?: { code?: unknown; message?: unknown } } = response.json();
  if (typeof body.error?.code !== 'string' || typeof body.error.message !== 'string') {
    throw new Error(`not the error shape: ${response.body}`);
  }
  return body.error.code;
}
