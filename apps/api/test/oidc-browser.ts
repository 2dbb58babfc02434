import type { LightMyRequestResponse } from 'fastify';
import type { TestHarness } from './harness';

/**
 * Plays the browser in an OpenID Connect sign-in against a test provider: starts at Lykt, signs in
 * on the provider's form with a cookie jar, and brings the provider's redirect back to Lykt's
 * callback with the state cookie Lykt set. `alterCallback` lets a test tamper with the redirect.
 */
export async function browserSignIn(
  h: TestHarness,
  providerId: string,
  login: string,
  options: { alterCallback?: (url: URL) => void; stateCookie?: string | null; sessionCookie?: string } = {},
): Promise<{ callback: LightMyRequestResponse; callbackUrl: URL; stateCookie: string }> {
  const start = await h.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/${providerId}/start` });
  if (start.statusCode !== 303) throw new Error(`start answered ${start.statusCode}: ${start.body}`);
  const setCookie = String(start.headers['set-cookie'] ?? '');
  const stateCookie = /lykt_oidc=([^;]+)/.exec(setCookie)?.[1];
  if (!stateCookie) throw new Error('no state cookie');
  const jar = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string> | undefined), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) jar.set(name.trim(), value.join('='));
    }
    return response;
  };
  let url = String(start.headers.location);
  let response = await go(url);
  for (let hop = 0; hop < 10; hop += 1) {
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider stopped at ${url} with ${response.status}: ${await response.text()}`);
    url = new URL(location, url).href;
    if (url.includes('/api/v1/auth/oidc/')) break;
    if (/\/interaction\/[\w-]+$/.test(url)) {
      response = await go(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ login }).toString() });
    } else {
      response = await go(url);
    }
  }
  const callbackUrl = new URL(url);
  options.alterCallback?.(callbackUrl);
  const cookies = [
    ...(options.stateCookie === null ? [] : [`lykt_oidc=${options.stateCookie ?? stateCookie}`]),
    ...(options.sessionCookie ? [options.sessionCookie] : []),
  ];
  const callback = await h.app.inject({
    method: 'GET',
    url: `${callbackUrl.pathname}${callbackUrl.search}`,
    headers: cookies.length > 0 ? { cookie: cookies.join('; ') } : {},
  });
  return { callback, callbackUrl, stateCookie };
}
