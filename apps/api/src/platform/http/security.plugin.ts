import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Deps } from '../deps';
import { AppError } from '../errors';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The origins allowed to send state-changing requests: the configured public URL (else the
 * request's own host), and the origins configured for passkeys (LYKT_WEBAUTHN_ORIGINS), which name
 * the addresses this installation is served at.
 */
function isAllowedOrigin(origin: string, host: string | undefined, publicUrl: string | null, servedAt: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (servedAt.includes(parsed.origin)) return true;
  if (publicUrl) return parsed.origin === new URL(publicUrl).origin;
  if (host === undefined) return false;
  try {
    // Normalise the Host header the way URL normalises the origin (a default port is dropped).
    return parsed.host === new URL(`${parsed.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

/** Adds origins to the img-src and connect-src directives of a policy. */
export function withExtraOrigins(policy: string, origins: readonly string[]): string {
  if (origins.length === 0) return policy;
  const extra = origins.join(' ');
  return policy
    .split(';')
    .map((directive) => {
      const trimmed = directive.trim();
      return trimmed.startsWith('img-src ') || trimmed.startsWith('connect-src ') ? `${trimmed} ${extra}` : trimmed;
    })
    .join(';');
}

export type SecurityOptions = {
  /** Further origins the staff app (/app) may load images from and fetch (the map's tile server). */
  staffAppOrigins?: () => Promise<readonly string[]>;
};

/** The helmet options: Lykt's content security policy and helmet's other defaults. */
function helmetOptions(deps: Deps): FastifyHelmetOptions {
  return {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: deps.config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * The security headers helmet sets with these options, worked out once at start: @fastify/helmet
 * rebuilds its whole middleware (and re-parses the CSP directives) on every request, which was a
 * visible share of a small API response's CPU time. The headers do not depend on the request.
 */
export async function securityHeaders(deps: Deps): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  await probe.register(helmet, helmetOptions(deps));
  probe.get('/', async (_request, reply) => reply.send(''));
  const response = await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  const bare = Fastify({ logger: false });
  bare.get('/', async (_request, reply) => reply.send(''));
  const without = await bare.inject({ method: 'GET', url: '/' });
  await bare.close();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (name in without.headers || typeof value !== 'string') continue;
    headers[name] = value;
  }
  return headers;
}

/**
 * The headers of a JSON API response (OWASP REST Security Cheat Sheet, "Security headers"): the
 * document policy helmet builds for pages (fonts, styles, forms, opener and agent isolation) has
 * nothing to act on in JSON, so the API sends the short set that does: nothing may be loaded or
 * run from it and no site may frame it (CSP default-src 'none'; frame-ancestors 'none', and
 * X-Frame-Options for browsers without CSP level 2), no MIME sniffing, no referrer, no reading by
 * other sites' no-cors requests (CORP same-origin), HSTS behind HTTPS, and never stored in a cache.
 * The API docs (/api/docs, an HTML page) keep the page headers.
 */
export function apiSecurityHeaders(pageHeaders: Record<string, string>): Record<string, string> {
  const hsts = pageHeaders['strict-transport-security'];
  return {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    ...(hsts === undefined ? {} : { 'strict-transport-security': hsts }),
    'cache-control': 'no-store',
  };
}

/**
 * Security headers on every response (built once), the request id, no-store on the API, and the
 * Origin check on state-changing API requests: one synchronous hook per request.
 */
export async function registerSecurity(app: FastifyInstance, deps: Deps, options: SecurityOptions = {}): Promise<void> {
  const headers = await securityHeaders(deps);
  const apiHeaders = apiSecurityHeaders(headers);
  // The API docs are an HTML page with scripts: the page headers, and not stored like the rest of /api/.
  const docsHeaders = { ...headers, 'cache-control': 'no-store' };
  app.addHook('onRequest', (request, reply, done) => {
    const url = request.url;
    if (!url.startsWith('/api/')) {
      reply.headers(headers);
      reply.header('x-request-id', request.id);
      return done();
    }
    reply.headers(url.startsWith('/api/docs') ? docsHeaders : apiHeaders);
    reply.header('x-request-id', request.id);
    if (!STATE_CHANGING.has(request.method)) return done();
    const origin = request.headers.origin;
    if (origin) {
      if (!isAllowedOrigin(origin, request.headers.host, deps.config.publicUrl, deps.config.webauthn.origins)) {
        return done(new AppError('ORIGIN_MISMATCH', 'The request came from another site and was refused.'));
      }
      return done();
    }
    if (request.headers['sec-fetch-site'] !== 'same-origin') {
      return done(new AppError('ORIGIN_MISMATCH', 'State-changing requests must carry an Origin header from this site.'));
    }
    done();
  });
  const staffAppOrigins = options.staffAppOrigins;
  const basePolicy = headers['content-security-policy'];
  if (staffAppOrigins && basePolicy !== undefined) {
    // Only the staff app's pages (not the API, not the public pages) may reach the tile server.
    // Callback style: every other request passes without a promise.
    app.addHook('onRequest', (request, reply, done) => {
      if (!(request.url === '/app' || request.url.startsWith('/app/') || request.url.startsWith('/app?'))) return done();
      staffAppOrigins().then(
        (origins) => {
          reply.header('content-security-policy', withExtraOrigins(basePolicy, origins));
          done();
        },
        (error: unknown) => done(error as Error),
      );
    });
  }
}
