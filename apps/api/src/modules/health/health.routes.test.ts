import { afterAll, beforeAll, it } from 'vitest';
import { call, createHarness, seedTenant, signIn, type TestHarness } from '../../../test/harness';

let h: TestHarness;
beforeAll(async () => { h = await createHarness(); });
afterAll(async () => { await h.close(); });

it('probe', async () => {
  const t = await seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
  const s = await signIn(h, t.users.admin);
  for (const [m, u, p] of [
    ['POST', '/api/v1/organisations', { name: 'X', kind: 'police', isInternal: false, phone: 'abc', contacts: [{ name: 'A', email: 'bad' }] }],
    ['GET', '/api/v1/users?limit=0&role=boss', undefined],
    ['GET', '/api/v1/users/not-a-uuid', undefined],
    ['PATCH', '/api/v1/municipality', {}],
    ['PATCH', '/api/v1/municipality', { languages: ['en'], defaultLanguage: 'nb' }],
    ['PATCH', '/api/v1/municipality', { defaultLanguage: 'en' }],
    ['POST', '/api/v1/users/' + t.users.viewer.id + '/mfa-reset', undefined],
    ['GET', '/api/v1/audit?from=yesterday', undefined],
    ['GET', '/api/v1/audit', undefined],
    ['GET', '/api/v1/nope', undefined],
  ] as const) {
    const r = await call(h, s, m as any, u, p);
    console.log(m, u, r.statusCode, r.body.slice(0, 600));
  }
  for (const u of ['/api/docs', '/api/docs/', '/api/docs/static/index.html', '/api/health', '/api/openapi.json', '/']) {
    const r = await h.app.inject({ method: 'GET', url: u });
    console.log(u, r.statusCode, JSON.stringify(r.headers));
  }
  console.log(h.app.printRoutes({ commonPrefix: false }));
  console.log(Object.keys((await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths));
});
