import type { FastifyInstance, FastifyReply, FastifyRequest, preValidationHookHandler } from 'fastify';
import type { Permission, SessionState } from '@lykt/shared';
import { can, ROLES, type Role } from '@lykt/shared';
import { authenticate } from '../../modules/auth/auth.service';
import type { SessionRow } from '../../modules/auth/session.repository';
import type { UserRow } from '../../modules/users/user.repository';
import { currentContext, runWithContext, type UserActor } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors';

export type AuthInfo = { actor: UserActor; state: SessionState; session: SessionRow; user: UserRow };

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthInfo | null;
    authError: AppError | null;
  }
}

export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-lykt_session' : 'lykt_session';
}

export function setSessionCookie(reply: FastifyReply, deps: Deps, token: string): void {
  reply.setCookie(sessionCookieName(deps.config.secureCookies), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: deps.config.secureCookies,
  });
}

export function clearSessionCookie(reply: FastifyReply, deps: Deps): void {
  reply.clearCookie(sessionCookieName(deps.config.secureCookies), { path: '/', secure: deps.config.secureCookies, sameSite: 'strict', httpOnly: true });
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Opens a request context for every request and, when a session cookie is present,
 * resolves the session. A bad or expired session is remembered, not thrown: only
 * routes that need a session fail with it.
 */
export function registerAuth(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('authError', null);
  app.addHook('onRequest', (request, _reply, done) => {
    runWithContext({ requestId: request.id, actor: null }, done);
  });
  // Callback style, not async: a request without a session (public pages, assets) passes without a
  // promise, and a signed-in one waits only for the session lookup (usually the in-process cache).
  app.addHook('onRequest', (request, _reply, done) => {
    if (!request.url.startsWith('/api/')) return done();
    const token = request.cookies[sessionCookieName(deps.config.secureCookies)];
    if (!token) return done();
    authenticate(deps, token).then(
      ({ session, user }) => {
        if (!isRole(user.role)) {
          request.authError = new AppError('FORBIDDEN', 'This account has no valid role.');
          return done();
        }
        const actor: UserActor = {
          kind: 'user',
          userId: user.id,
          municipalityId: user.municipalityId,
          organisationId: user.organisationId,
          role: user.role,
          sessionId: session.id,
          name: user.name,
        };
        request.auth = { actor, state: session.state as SessionState, session, user };
        currentContext().actor = actor;
        done();
      },
      (error: unknown) => {
        if (!(error instanceof AppError)) return done(error as Error);
        request.authError = error;
        done();
      },
    );
  });
}

function requireAuth(request: FastifyRequest, states: readonly SessionState[]): AuthInfo {
  if (!request.auth) throw request.authError ?? new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  if (!states.includes(request.auth.state)) {
    if (request.auth.state !== 'active') {
      throw new AppError('MFA_REQUIRED', 'Finish signing in with your authenticator code.', { state: request.auth.state });
    }
    throw new AppError('MFA_NOT_PENDING', 'You are already signed in.');
  }
  return request.auth;
}

/** The signed-in actor of a request that passed a guard below. */
export function actorOf(request: FastifyRequest): UserActor {
  if (!request.auth) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return request.auth.actor;
}

/**
 * The guards below are synchronous (callback style): they only read what the onRequest hook
 * resolved, so they need no promise per request.
 */
function guard(check: (request: FastifyRequest) => void): preValidationHookHandler {
  return (request, _reply, done) => {
    try {
      check(request);
    } catch (error) {
      return done(error as Error);
    }
    done();
  };
}

/** Guard: a fully signed-in user (MFA done where required). */
export const signedIn: preValidationHookHandler = guard((request) => {
  requireAuth(request, ['active']);
});

/** Guard: a session in one of the given states (the MFA steps of sign-in). */
export function inSessionState(...states: SessionState[]): preValidationHookHandler {
  return guard((request) => {
    requireAuth(request, states);
  });
}

/** Guard: a fully signed-in user whose role grants the permission. Deny by default. */
export function requirePermission(permission: Permission): preValidationHookHandler {
  return guard((request) => {
    const { actor } = requireAuth(request, ['active']);
    if (!can(actor.role, permission)) throw new AppError('FORBIDDEN', 'Your role does not give access to this.');
  });
}
