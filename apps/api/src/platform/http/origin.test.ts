import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type TestHarness } from '../../../test/harness';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness({
    publicUrl: 'https://lykt.test.kommune.no',
    secureCookies: true,
    webauthn: { rpId: 'test.kommune.no', rpName: 'Lykt', origins: ['https://lykt.test.kommune.no', 'https://ansatt.test.kommune.no'] },
  });
});
afterAll(async () => {
  await h.close();
});

const login = (origin: string) =>
  h.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin }, payload: { email: 'nobody@test.kommune.no', password: 'not-the-password-at-all' } });

describe('the Origin check on state-changing requests', () => {
  it('takes the public URL and the origins configured for passkeys, and refuses every other site', async () => {
    for (const origin of ['https://lykt.test.kommune.no', 'https://ansatt.test.kommune.no']) {
      const answer = await login(origin);
      // Past the Origin check: the sign-in itself fails.
      expect(answer.statusCode, origin).toBe(401);
    }
    for (const origin of ['https://evil.example', 'https://test.kommune.no', 'http://lykt.test.kommune.no', 'null']) {
      const answer = await login(origin);
      expect(answer.statusCode, origin).toBe(403);
      expect(answer.json().error.code).toBe('ORIGIN_MISMATCH');
    }
  });
});

describe('security headers behind HTTPS', () => {
  it('sends HSTS with the API set and with pages', async () => {
    for (const url of ['/api/health', '/api/v1/me', '/']) {
      const answer = await h.app.inject({ method: 'GET', url });
      expect(answer.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
    }
  });
});
