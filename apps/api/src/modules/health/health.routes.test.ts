import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@lykt/db';
import { call, createHarness, errorCode, ORIGIN, seedTenant, signIn, type TestHarness } from '../../../test/harness';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const seed = () => seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });

type Route = { method: string; path: string };

/** Every route in the app's router, from printRoutes' tree (HEAD routes are added by Fastify for each GET). */
function registeredRoutes(): Route[] {
  const fullPaths: string[] = [];
  const routes: Route[] = [];
  for (const line of h.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^(.*?)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    const [, indent = '', segment = '', methods = ''] = match;
    const depth = indent.length / 4;
    fullPaths.length = depth;
    const fullPath = `${fullPaths[depth - 1] ?? ''}${segment}`;
    fullPaths[depth] = fullPath;
    for (const method of methods.split(', ').filter((m) => m && m !== 'HEAD')) routes.push({ method, path: fullPath });
  }
  return routes;
}

describe('health', () => {
  it('answers 200 with status, database kind and version, without a session', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite', version: h.deps.config.version });
    expect(h.deps.config.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('OpenAPI document', () => {
  it('is OpenAPI 3 and documents every /api/v1 route the app registers, and no other', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document: { openapi: string; info: { version: string }; paths: Record<string, Record<string, unknown>> } = response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.version).toBe(h.deps.config.version);

    const registered = registeredRoutes().filter((route) => route.path.startsWith('/api/v1/'));
    expect(registered.length).toBeGreaterThanOrEqual(23);
    const documented = Object.entries(document.paths)
      .filter(([url]) => url.startsWith('/api/v1/'))
      .flatMap(([url, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${url}`));
    const asOpenApi = (route: Route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`;
    expect(documented.sort()).toEqual(registered.map(asOpenApi).sort());
    // A sanity check on the reading of the router tree itself.
    for (const known of ['GET /api/v1/users/{id}/sessions', 'PUT /api/v1/organisations/{id}', 'PATCH /api/v1/municipality', 'GET /api/v1/audit']) {
      expect(registered.map(asOpenApi)).toContain(known);
    }
  });
});

describe('errors outside the modules', () => {
  it('answers an unknown route with 404 NOT_FOUND in the error shape', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const response = await call(h, null, method, '/api/v1/nope', method === 'POST' ? {} : undefined);
      expect(response.statusCode).toBe(404);
      expect(errorCode(response)).toBe('NOT_FOUND');
    }
  });

  it('refuses a body over 256 KiB with 413 PAYLOAD_TOO_LARGE and writes nothing', async () => {
    const tenant = await seed();
    const admin = await signIn(h, tenant.users.admin);
    const countOrganisations = async () => (await h.deps.db.select().from(schema.organisation).where(eq(schema.organisation.municipalityId, tenant.municipality.id))).length;
    const before = await countOrganisations();
    const body = { name: 'Stor', kind: 'ngo', isInternal: false, notes: 'x'.repeat(256 * 1024) };
    const response = await call(h, admin, 'POST', '/api/v1/organisations', body);
    expect(response.statusCode).toBe(413);
    expect(errorCode(response)).toBe('PAYLOAD_TOO_LARGE');
    expect(await countOrganisations()).toBe(before);
    const justUnder = await call(h, admin, 'POST', '/api/v1/organisations', { ...body, notes: 'x'.repeat(2000) });
    expect(justUnder.statusCode).toBe(201);
  });
});

describe('security headers', () => {
  function expectSecurityHeaders(response: LightMyRequestResponse, what: string) {
    const csp = String(response.headers['content-security-policy'] ?? '');
    const directives = new Map(
      csp
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .filter(([name]) => name)
        .map(([name = '', ...values]) => [name, values]),
    );
    expect(directives.get('frame-ancestors'), `${what}: ${csp}`).toEqual(["'none'"]);
    const scriptSrc = directives.get('script-src') ?? directives.get('default-src');
    expect(scriptSrc, `${what}: ${csp}`).toBeDefined();
    expect(scriptSrc, `${what}: ${csp}`).not.toContain("'unsafe-inline'");
    expect(response.headers['x-content-type-options'], what).toBe('nosniff');
    expect(response.headers['referrer-policy'], what).toBe('no-referrer');
  }

  it('sets CSP without framing or inline scripts, nosniff and no-referrer on every kind of response', async () => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.admin);
    const responses: [string, LightMyRequestResponse][] = [
      ['health', await h.app.inject({ method: 'GET', url: '/api/health' })],
      ['openapi', await h.app.inject({ method: 'GET', url: '/api/openapi.json' })],
      ['docs', await h.app.inject({ method: 'GET', url: '/api/docs' })],
      ['docs static', await h.app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' })],
      ['root', await h.app.inject({ method: 'GET', url: '/' })],
      ['not found', await call(h, null, 'GET', '/api/v1/nope')],
      ['unauthenticated', await call(h, null, 'GET', '/api/v1/me')],
      ['signed in', await call(h, session, 'GET', '/api/v1/me')],
      ['forbidden', await call(h, await signIn(h, tenant.users.viewer), 'GET', '/api/v1/users')],
      ['validation error', await call(h, session, 'PATCH', '/api/v1/municipality', {})],
      ['origin mismatch', await h.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { origin: 'https://evil.example', cookie: session.cookie }, payload: {} })],
      ['too large', await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: ORIGIN }, payload: { email: 'a@b.invalid', password: 'x'.repeat(300 * 1024) } })],
    ];
    for (const [what, response] of responses) expectSecurityHeaders(response, `${what} (${response.statusCode})`);
  });

  it('sends JSON API responses the short API set, and pages and the API docs the page policy', async () => {
    const tenant = await seed();
    const session = await signIn(h, tenant.users.admin);
    const api: [string, LightMyRequestResponse][] = [
      ['health', await h.app.inject({ method: 'GET', url: '/api/health' })],
      ['openapi', await h.app.inject({ method: 'GET', url: '/api/openapi.json' })],
      ['signed in', await call(h, session, 'GET', '/api/v1/me')],
      ['unauthenticated', await call(h, null, 'GET', '/api/v1/me')],
      ['not found', await call(h, null, 'GET', '/api/v1/nope')],
      ['origin mismatch', await h.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { origin: 'https://evil.example', cookie: session.cookie }, payload: {} })],
    ];
    for (const [what, response] of api) {
      expect(response.headers['content-security-policy'], what).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers['x-frame-options'], what).toBe('DENY');
      expect(response.headers['cross-origin-resource-policy'], what).toBe('same-origin');
      expect(response.headers['cache-control'], what).toBe('no-store');
      expect(response.headers['x-request-id'], what).toMatch(/^[0-9a-f-]{36}$/);
      // The page-only headers are not sent with JSON.
      expect(response.headers['cross-origin-opener-policy'], what).toBeUndefined();
    }
    const docs = await h.app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    const root = await h.app.inject({ method: 'GET', url: '/' });
    for (const [what, response] of [['docs', docs], ['root', root]] as const) {
      expect(response.headers['cross-origin-opener-policy'], what).toBe('same-origin');
      expect(String(response.headers['content-security-policy']), what).toContain("script-src 'self'");
    }
    expect(docs.headers['cache-control']).toBe('no-store');
  });
});
