import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, schema } from '@lykt/db';
import { call, createHarness, errorCode, ORIGIN, seedTenant, signIn, type TestHarness } from '../../../test/harness';
import { errorForLog } from './logging';
import { findInvalidText, hasInvalidText } from './text-integrity';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const seed = () => seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });

describe('invalid text', () => {
  it('is found in strings, keys and nested values, and valid Unicode (emoji, Thai, Arabic) passes', () => {
    expect(hasInvalidText('Nora\u0000')).toBe(true);
    expect(hasInvalidText('broken \ud800 pair')).toBe(true);
    expect(hasInvalidText('lone \udc00 low')).toBe(true);
    expect(hasInvalidText('emoji 😀, ภาษาไทย, العربية, æøå')).toBe(false);
    expect(findInvalidText({ a: [{ b: 'ok' }, { c: 'x\u0000' }] }, 'body')).toBe('body.a.1.c');
    expect(findInvalidText({ 'bad\u0000key': 'fine' }, 'body')).toBe('body.bad?key');
    expect(findInvalidText({ a: 'ok', n: 3, m: null }, 'body')).toBeNull();
  });

  it('answers 400 INVALID_TEXT in a body, writes nothing, and logs no 500', async () => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.admin);
    const email = 'nul-byte-person@test.lykt.invalid';
    const before = await h.deps.db.select({ id: schema.auditEvent.id }).from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, tenant.municipality.id));
    const response = await call(h, session, 'POST', '/api/v1/users', {
      email,
      name: 'Nora\u0000Nyansatt',
      role: 'caseworker',
      organisationId: tenant.organisation.id,
      password: 'violet-tractor-sings-loudly',
    });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('INVALID_TEXT');
    expect(response.json().error.details).toEqual([{ field: 'name', message: 'Contains a NUL byte or broken Unicode' }]);
    expect(await h.deps.db.select().from(schema.appUser).where(eq(schema.appUser.email, email))).toEqual([]);
    const after = await h.deps.db.select({ id: schema.auditEvent.id }).from(schema.auditEvent).where(eq(schema.auditEvent.municipalityId, tenant.municipality.id));
    expect(after.length).toBe(before.length);
    expect(h.logs.join('')).not.toContain(email);
  });

  it('answers 400 INVALID_TEXT for a lone surrogate sent as a JSON escape', async () => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.admin);
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { origin: ORIGIN, cookie: session.cookie, 'content-type': 'application/json' },
      payload: `{"email":"surrogate@test.lykt.invalid","name":"Nora \\ud800","role":"caseworker","organisationId":"${tenant.organisation.id}","password":"violet-tractor-sings-loudly"}`,
    });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('INVALID_TEXT');
  });

  it('answers 400 INVALID_TEXT in a query string: knowledge search and audit filters', async () => {
    const tenant = await seed();
    const coordinator = await signIn(h, tenant.users.coordinator);
    const search = await call(h, coordinator, 'GET', '/api/v1/knowledge/articles?lang=nb&q=menneske%00handel');
    expect(search.statusCode).toBe(400);
    expect(errorCode(search)).toBe('INVALID_TEXT');
    const admin = await signIn(h, tenant.users.admin);
    const audit = await call(h, admin, 'GET', '/api/v1/audit?entityType=user%00');
    expect(audit.statusCode).toBe(400);
    expect(errorCode(audit)).toBe('INVALID_TEXT');
  });

  it('refuses a NUL in the sign-in e-mail before the database sees it', async () => {
    const response = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: ORIGIN }, payload: { email: 'a\u0000@test.lykt.invalid', password: 'whatever-long-enough' } });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('INVALID_TEXT');
  });

  it('never reaches the logs from a failed query: only the SQLSTATE and stack frames', async () => {
    const secret = 'nora.secret@test.lykt.invalid';
    const error: unknown = await h.deps.db.execute(sql`select ${secret}::int as n`).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message) + String((error as Error).cause)).toContain(secret); // the raw error does carry it
    const logged = errorForLog(error);
    expect(JSON.stringify(logged)).not.toContain(secret);
    expect(logged.sqlState).toBe('22P02');
    expect(logged.message).toBeUndefined();
  });

  it('names a query that would wait for its own transaction (embedded PGlite), without the query text', async () => {
    const embedded = await openDatabase({ kind: 'pglite', dataDir: null });
    try {
      const secret = 'nora.secret@test.lykt.invalid';
      const error: unknown = await embedded.db
        .transaction(async () => {
          await embedded.db.execute(sql`select ${secret} as email`);
        })
        .then(
          () => null,
          (failure: unknown) => failure,
        );
      const logged = errorForLog(error);
      expect(logged.causeType).toBe('SelfDeadlockError');
      expect(JSON.stringify(logged)).not.toContain(secret);
      expect(logged.frames?.length).toBeGreaterThan(0);
    } finally {
      await embedded.close();
    }
  });
});
