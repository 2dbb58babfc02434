import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
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

/** Security headers on every response, and the Origin check on state-changing API requests. */
export async function registerSecurity(app: FastifyInstance, deps: Deps, options: SecurityOptions = {}): Promise<void> {
  await app.register(helmet, {
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
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const staffAppOrigins = options.staffAppOrigins;
    if (staffAppOrigins && (request.url === '/app' || request.url.startsWith('/app/'))) {
      const policy = reply.getHeader('content-security-policy');
      if (typeof policy === 'string') reply.header('content-security-policy', withExtraOrigins(policy, await staffAppOrigins()));
    }
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  app.addHook('onRequest', async (request) => {
    if (!STATE_CHANGING.has(request.method) || !request.url.startsWith('/api/')) return;
    const origin = request.headers.origin;
    if (origin) {
      if (!isAllowedOrigin(origin, request.headers.host, deps.config.publicUrl, deps.config.webauthn.origins)) {
        throw new AppError('ORIGIN_MISMATCH', 'The request came from another site and was refused.');
      }
      return;
    }
    if (request.headers['sec-fetch-site'] !== 'same-origin') {
      throw new AppError('ORIGIN_MISMATCH', 'State-changing requests must carry an Origin header from this site.');
    }
  });
}
