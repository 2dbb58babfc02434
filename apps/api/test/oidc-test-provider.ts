import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

/**
 * A real OpenID Provider (oidc-provider, a certified implementation) for tests, on a local port.
 * Two profiles: like Microsoft Entra ID (oid, groups, amr ["pwd","mfa"], client secret) and like
 * Digdir's Ansattporten (pairwise sub, acr substantial/high, pid, no e-mail, private_key_jwt).
 * Tests sign in through its login form, rotate its keys, and may replace the ID token on the way
 * out of its token endpoint (to prove Lykt refuses a wrong audience, nonce, expiry or key).
 */

export type TestAccount = { claims: Record<string, unknown>; acr?: string; amr?: string[] };
export type TestClient = {
  client_id: string;
  client_secret?: string;
  token_endpoint_auth_method: 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';
  redirect_uris: string[];
  post_logout_redirect_uris?: string[];
  jwks?: { keys: Record<string, unknown>[] };
};
export type SigningKey = { privateJwk: JWK & { kid: string }; publicJwk: JWK & { kid: string } };
/** Replaces the ID token the token endpoint returns; gets the real one's payload. */
export type IdTokenTamper = (payload: JWTPayload, keys: { current: SigningKey; sign: (payload: JWTPayload, key: SigningKey) => Promise<string> }) => Promise<string>;

export type TestProvider = {
  issuer: string;
  accounts: Map<string, TestAccount>;
  signingKeys: SigningKey[];
  /** Register or replace clients (the provider is rebuilt with the same keys). */
  setClients: (clients: TestClient[]) => Promise<void>;
  /** A new signing key in front; the old ones stay published. */
  rotateKeys: (options?: { dropOld?: boolean }) => Promise<SigningKey>;
  tamperIdToken: (tamper: IdTokenTamper | null) => void;
  close: () => Promise<void>;
};

export async function newSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
}

export async function signWith(payload: JWTPayload, key: SigningKey): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: key.privateJwk.kid, typ: 'JWT' }).sign(await importJWK(key.privateJwk, 'RS256'));
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

export async function startTestProvider(options: { profile: 'entra' | 'ansattporten'; port?: number; accounts?: Record<string, TestAccount> }): Promise<TestProvider> {
  const accounts = new Map(Object.entries(options.accounts ?? {}));
  const signingKeys: SigningKey[] = [await newSigningKey()];
  let clients: TestClient[] = [];
  let tamper: IdTokenTamper | null = null;
  let provider: Provider | null = null;
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const issuer = `http://127.0.0.1:${address.port}`;
  const isEntra = options.profile === 'entra';

  const build = () => {
    const configuration: Configuration = {
      clients: clients.map((client) => ({ ...client, response_types: ['code'], grant_types: ['authorization_code'] })),
      jwks: { keys: signingKeys.map((key) => key.privateJwk) },
      cookies: { keys: ['lykt-test-provider-cookie-key'] },
      claims: {
        acr: null,
        amr: null,
        auth_time: null,
        sid: null,
        ...(isEntra ? { openid: ['sub', 'amr'], email: ['email'], profile: ['name', 'oid', 'groups', 'tid'] } : { openid: ['sub'], profile: ['name', 'pid'] }),
      },
      acrValues: isEntra ? [] : ['substantial', 'high', 'entraid'],
      conformIdTokenClaims: false,
      pkce: { required: () => true },
      features: {
        devInteractions: { enabled: false },
        rpInitiatedLogout: {
          enabled: true,
          // The default pages load a web font from another host; these load nothing.
          logoutSource: (ctx, form) => {
            ctx.body = `<!doctype html><html lang="en"><head><title>Sign out</title></head><body><main><h1>Sign out of the test provider?</h1>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign out</button></main></body></html>`;
          },
          postLogoutSuccessSource: (ctx) => {
            ctx.body = '<!doctype html><html lang="en"><head><title>Signed out</title></head><body><main><h1>Signed out</h1></main></body></html>';
          },
        },
      },
      interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `/interaction/${interaction.uid}` },
      findAccount: (_ctx, id) => {
        const account = accounts.get(id);
        if (!account) return undefined;
        return { accountId: id, claims: () => ({ sub: id, ...account.claims }) };
      },
      // The test clients are pre-approved, as an organisation's own app is: no consent screen.
      loadExistingGrant: async (ctx) => {
        const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(ctx.oidc.client?.clientId ?? '');
        if (grantId) return ctx.oidc.provider.Grant.find(grantId);
        const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client?.clientId, accountId: ctx.oidc.session?.accountId });
        grant.addOIDCScope('openid email profile');
        await grant.save();
        return grant;
      },
      ttl: { IdToken: 300, AccessToken: 300, Session: 600, Interaction: 600, Grant: 600 },
    };
    provider = new Provider(issuer, configuration);
  };
  build();

  server.on('request', (req, res) => {
    void (async () => {
      const current = provider;
      if (!current) throw new Error('provider not built');
      const url = new URL(req.url ?? '/', issuer);
      const interaction = /^\/interaction\/([\w-]+)$/.exec(url.pathname);
      if (interaction && req.method === 'GET') {
        await current.interactionDetails(req, res);
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(
          `<!doctype html><html lang="en"><head><title>Test provider sign-in</title></head><body><main><h1>Test provider (${escapeHtml(options.profile)})</h1>` +
            `<form method="post" action="/interaction/${escapeHtml(interaction[1] ?? '')}"><label for="login">Username</label><input id="login" name="login" autocomplete="off">` +
            `<button type="submit">Sign in at provider</button></form></main></body></html>`,
        );
        return;
      }
      if (interaction && req.method === 'POST') {
        const login = new URLSearchParams(await readBody(req)).get('login') ?? '';
        const account = accounts.get(login);
        if (!account) {
          await current.interactionFinished(req, res, { error: 'access_denied', error_description: 'unknown test account' }, { mergeWithLastSubmission: false });
          return;
        }
        await current.interactionFinished(req, res, { login: { accountId: login, acr: account.acr, amr: account.amr } }, { mergeWithLastSubmission: false });
        return;
      }
      if (url.pathname === '/token' && tamper) {
        const replace = tamper;
        const originalEnd = res.end.bind(res) as (chunk?: unknown) => http.ServerResponse;
        res.end = ((chunk?: unknown) => {
          void (async () => {
            const body = JSON.parse(String(chunk)) as { id_token?: string };
            if (body.id_token) {
              decodeProtectedHeader(body.id_token);
              const [key] = signingKeys;
              if (!key) throw new Error('no key');
              body.id_token = await replace(decodeJwt(body.id_token), { current: key, sign: signWith });
            }
            const text = JSON.stringify(body);
            res.setHeader('content-length', Buffer.byteLength(text));
            originalEnd(text);
          })();
          return res;
        }) as typeof res.end;
      }
      await current.callback()(req, res);
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  return {
    issuer,
    accounts,
    signingKeys,
    setClients: async (next) => {
      clients = next;
      build();
    },
    rotateKeys: async ({ dropOld = false } = {}) => {
      const key = await newSigningKey();
      if (dropOld) signingKeys.splice(0, signingKeys.length);
      signingKeys.unshift(key);
      build();
      return key;
    },
    tamperIdToken: (next) => {
      tamper = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
