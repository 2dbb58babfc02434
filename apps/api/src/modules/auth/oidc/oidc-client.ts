import { generateKeyPairSync, randomUUID, webcrypto } from 'node:crypto';
import * as client from 'openid-client';
import type { Deps } from '../../../platform/deps';
import type { OidcProviderRow } from './oidc.repository';

/**
 * Everything that speaks OpenID Connect goes through openid-client: discovery, the authorization
 * URL with PKCE, state and nonce, the code exchange and the ID token validation (issuer, audience,
 * expiry, nonce, signature against the provider's JWKS). No JOSE is written by hand here.
 */

const configurations = new Map<string, Promise<client.Configuration>>();

/** The base URL the browser reaches Lykt at: LYKT_PUBLIC_URL, else the local address. */
export function publicBaseUrl(deps: Deps): string {
  return (deps.config.publicUrl ?? `http://localhost:${deps.config.port}`).replace(/\/+$/, '');
}

/** The exact redirect URI to register at the provider. */
export function redirectUriFor(deps: Deps, providerId: string): string {
  return `${publicBaseUrl(deps)}/api/v1/auth/oidc/${providerId}/callback`;
}

/** Where the provider sends the browser after RP-initiated logout. */
export function postLogoutRedirectUriFor(deps: Deps): string {
  return `${publicBaseUrl(deps)}/app/sign-in`;
}

/** A new RSA key pair for private_key_jwt: the private JWK (kept encrypted) and the public one (registered at the provider). */
export function generateClientKeyPair(): { privateJwk: Record<string, unknown>; publicJwk: Record<string, unknown> } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  return {
    privateJwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' },
    publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' },
  };
}

/** The public half of a stored private JWK. */
export function publicJwkOf(privateJwk: Record<string, unknown>): Record<string, unknown> {
  const { kty, n, e, kid, alg, use } = privateJwk;
  return { kty, n, e, kid, alg, use };
}

async function clientAuthentication(deps: Deps, provider: OidcProviderRow): Promise<client.ClientAuth> {
  if (provider.clientAuthMethod === 'private_key_jwt') {
    if (!provider.privateKeyEnc) throw new Error('provider without a private key');
    const jwk = JSON.parse(await deps.keyring.decrypt(deps.db, provider.municipalityId, 'oidc_provider.private_key', provider.privateKeyEnc)) as webcrypto.JsonWebKey & { kid: string };
    const key = await webcrypto.subtle.importKey('jwk', jwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
    return client.PrivateKeyJwt({ key, kid: jwk.kid });
  }
  if (!provider.clientSecretEnc) throw new Error('provider without a client secret');
  const secret = await deps.keyring.decrypt(deps.db, provider.municipalityId, 'oidc_provider.client_secret', provider.clientSecretEnc);
  return provider.clientAuthMethod === 'client_secret_post' ? client.ClientSecretPost(secret) : client.ClientSecretBasic(secret);
}

/**
 * The provider's configuration from discovery, kept per provider version in memory. The JWKS is
 * cached inside it by openid-client, which fetches the keys again when a token names a key it does
 * not hold (once the cache is a minute old) and every five minutes, so rotated keys are picked up.
 */
export function providerConfiguration(deps: Deps, provider: OidcProviderRow): Promise<client.Configuration> {
  const cacheKey = `${provider.id}:${provider.updatedAt.getTime()}`;
  const cached = configurations.get(cacheKey);
  if (cached) return cached;
  for (const key of configurations.keys()) if (key.startsWith(`${provider.id}:`)) configurations.delete(key);
  const pending = (async () => {
    const config = await client.discovery(
      new URL(provider.issuer),
      provider.clientId,
      { redirect_uris: [redirectUriFor(deps, provider.id)], response_types: ['code'] },
      await clientAuthentication(deps, provider),
      deps.config.oidcAllowHttp ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
    );
    // openid-client trusts an ID token from the token endpoint on TLS alone unless told otherwise;
    // Lykt also checks its signature against the provider's JWKS.
    client.enableNonRepudiationChecks(config);
    return config;
  })();
  configurations.set(cacheKey, pending);
  // A failed discovery is not cached: the next sign-in tries again.
  pending.catch(() => configurations.delete(cacheKey));
  return pending;
}

export type AuthorizationRequest = { url: URL; state: string; nonce: string; codeVerifier: string };

/** The authorization URL with a fresh state, nonce and PKCE verifier (S256). */
export async function buildAuthorizationRequest(deps: Deps, provider: OidcProviderRow, config: client.Configuration): Promise<AuthorizationRequest> {
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const parameters: Record<string, string> = {
    redirect_uri: redirectUriFor(deps, provider.id),
    scope: provider.scopes,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  };
  if (provider.mfaAcrValues.length > 0) parameters.acr_values = provider.mfaAcrValues.join(' ');
  return { url: client.buildAuthorizationUrl(config, parameters), state, nonce, codeVerifier };
}

/** Exchanges the code and returns the validated ID token claims. Throws on any failed check. */
export async function exchangeCode(
  deps: Deps,
  provider: OidcProviderRow,
  config: client.Configuration,
  callbackQuery: string,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<client.IDToken> {
  const currentUrl = new URL(`${redirectUriFor(deps, provider.id)}?${callbackQuery}`);
  const tokens = await client.authorizationCodeGrant(
    config,
    currentUrl,
    { pkceCodeVerifier: checks.codeVerifier, expectedState: checks.state, expectedNonce: checks.nonce, idTokenExpected: true },
    { redirect_uri: redirectUriFor(deps, provider.id) },
  );
  const claims = tokens.claims();
  if (!claims) throw new Error('no ID token');
  return claims;
}

/** The provider's end-session URL for RP-initiated logout, or null when it has none. */
export async function buildLogoutUrl(deps: Deps, provider: OidcProviderRow): Promise<string | null> {
  const config = await providerConfiguration(deps, provider);
  if (!config.serverMetadata().end_session_endpoint) return null;
  return client.buildEndSessionUrl(config, { client_id: provider.clientId, post_logout_redirect_uri: postLogoutRedirectUriFor(deps) }).href;
}
