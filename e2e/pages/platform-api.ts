import { randomUUID } from 'node:crypto';
import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, E2E_BASE_URL } from '../playwright.config';
import { demoEmail, type DemoRole } from '../support/fixtures';
import { currentCode } from './platform-totp';

/** A password the server's strength check accepts (long, unrelated words). */
export const STRONG_PASSWORD = 'kobber-tindved-rullator-fiolin-83';

/** The demo organisation new users are placed in unless a test says otherwise. */
export const DEMO_STAFF_ORGANISATION = 'Eksempel kommune – kommunedirektørens stab';

/**
 * Where the users the tests create get their e-mail. Not the demo accounts' domain: demo mode
 * exempts addresses there from MFA (see platform-mfa-policy.spec.ts).
 */
export const E2E_USER_DOMAIN = 'e2e.lykt.no';

/** An e-mail address no other test (or earlier run against the same database) uses. */
export function uniqueEmail(label: string, domain = E2E_USER_DOMAIN): string {
  return `e2e-${label}-${randomUUID().slice(0, 8)}@${domain}`;
}

export interface CreatedUser {
  id: string;
  name: string;
  email: string;
  password: string;
}

/**
 * An API client signed in as some user, in its own cookie jar (so it never shares a session with
 * a page). State-changing calls carry the app's origin, as the server's CSRF check requires.
 */
export class PlatformApi {
  private constructor(readonly request: APIRequestContext) {}

  static async signIn(email: string, password = DEMO_PASSWORD): Promise<PlatformApi> {
    const request = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { origin: E2E_BASE_URL } });
    const response = await request.post('/api/v1/auth/login', { data: { email, password } });
    expect(response.status(), await response.text()).toBe(200);
    return new PlatformApi(request);
  }

  static asDemo(role: DemoRole): Promise<PlatformApi> {
    return PlatformApi.signIn(demoEmail(role));
  }

  async organisationId(name: string): Promise<string> {
    const response = await this.request.get('/api/v1/organisations');
    expect(response.status(), await response.text()).toBe(200);
    const body: unknown = await response.json();
    const items = typeof body === 'object' && body !== null && 'items' in body && Array.isArray(body.items) ? body.items : [];
    const found: unknown = items.find((item: unknown) => typeof item === 'object' && item !== null && 'name' in item && item.name === name);
    if (typeof found !== 'object' || found === null || !('id' in found) || typeof found.id !== 'string') throw new Error(`no organisation named ${name}`);
    return found.id;
  }

  /** Creates a user (as an admin); roles without an MFA requirement can sign in by API right away. */
  async createUser(role: DemoRole, label: string = role): Promise<CreatedUser> {
    const name = `E2E ${label} ${randomUUID().slice(0, 6)}`;
    const email = uniqueEmail(label);
    const organisationId = await this.organisationId(DEMO_STAFF_ORGANISATION);
    const response = await this.request.post('/api/v1/users', { data: { name, email, role, organisationId, password: STRONG_PASSWORD } });
    expect(response.status(), await response.text()).toBe(201);
    const body: unknown = await response.json();
    if (typeof body !== 'object' || body === null || !('id' in body) || typeof body.id !== 'string') throw new Error('no user id in the response');
    return { id: body.id, name, email, password: STRONG_PASSWORD };
  }

  /** Ends all of a user's sessions, as "Avslutt alle økter" does. */
  async endSessions(userId: string): Promise<number> {
    const response = await this.request.delete(`/api/v1/users/${userId}/sessions`);
    expect(response.status(), await response.text()).toBe(200);
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null && 'ended' in body && typeof body.ended === 'number' ? body.ended : -1;
  }

  /**
   * Signs a new user in and sets up MFA for them in a separate cookie jar, as their first sign-in
   * would; returns the TOTP secret. Their next sign-in needs a code for a later time step.
   */
  static async enrolMfa(user: CreatedUser): Promise<string> {
    const api = await PlatformApi.signIn(user.email, user.password);
    try {
      const start = await api.request.post('/api/v1/auth/mfa/enrolment', { data: {} });
      expect(start.status(), await start.text()).toBe(200);
      const body: unknown = await start.json();
      if (typeof body !== 'object' || body === null || !('secret' in body) || typeof body.secret !== 'string') throw new Error('no secret in the response');
      const confirm = await api.request.post('/api/v1/auth/mfa/enrolment/confirm', { data: { code: currentCode(body.secret) } });
      expect(confirm.status(), await confirm.text()).toBe(200);
      return body.secret;
    } finally {
      await api.dispose();
    }
  }

  async dispose(): Promise<void> {
    await this.request.dispose();
  }
}
