import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChangePasswordBodySchema,
  ErrorResponseSchema,
  LoginBodySchema,
  LoginResponseSchema,
  LogoutResponseSchema,
  MeResponseSchema,
  MfaCodeBodySchema,
  MfaEnrolmentResponseSchema,
  OkResponseSchema,
  UpdateMeBodySchema,
} from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { actorOf, clearSessionCookie, inSessionState, sessionCookieName, setSessionCookie, signedIn } from '../../platform/http/auth.plugin';
import { changePassword, confirmMfaEnrolment, login, logout, startMfaEnrolment, updatePreferences, verifyMfa } from './auth.service';
import { getMe, getMeCached } from './me.service';
import { oidcRoutes } from './oidc/oidc.routes';
import { fastSerializerFor } from '../../platform/http/fast-serializer';

const meSerializer = fastSerializerFor(200, MeResponseSchema);

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 409: ErrorResponseSchema, 429: ErrorResponseSchema };
const EmptyBodySchema = z.object({}).optional();

export function authRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(oidcRoutes(deps));

    app.post(
      '/auth/login',
      {
        schema: { tags: ['auth'], summary: 'Sign in with e-mail and password', body: LoginBodySchema, response: { 200: LoginResponseSchema, ...errors } },
        config: { rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const { token, state } = await login(deps, request.body, request.cookies[sessionCookieName(deps.config.secureCookies)]);
        setSessionCookie(reply, deps, token);
        return { state };
      },
    );

    app.post(
      '/auth/mfa/verify',
      {
        schema: { tags: ['auth'], summary: 'Finish sign-in with a TOTP code', body: MfaCodeBodySchema, response: { 200: LoginResponseSchema, ...errors } },
        preValidation: inSessionState('mfa_challenge'),
        config: { rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      },
      async (request) => verifyMfa(deps, actorOf(request), request.body.code),
    );

    app.post(
      '/auth/mfa/enrolment',
      {
        schema: { tags: ['auth'], summary: 'Start TOTP enrolment (returns the secret for a QR code)', body: EmptyBodySchema, response: { 200: MfaEnrolmentResponseSchema, ...errors } },
        preValidation: inSessionState('mfa_enrolment', 'active'),
      },
      async (request) => startMfaEnrolment(deps, actorOf(request)),
    );

    app.post(
      '/auth/mfa/enrolment/confirm',
      {
        schema: { tags: ['auth'], summary: 'Confirm TOTP enrolment with a first code', body: MfaCodeBodySchema, response: { 200: LoginResponseSchema, ...errors } },
        preValidation: inSessionState('mfa_enrolment', 'active'),
        config: { rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      },
      async (request) => confirmMfaEnrolment(deps, actorOf(request), request.body.code),
    );

    app.post(
      '/auth/logout',
      {
        schema: { tags: ['auth'], summary: 'Sign out and end the session', body: EmptyBodySchema, response: { 200: LogoutResponseSchema, ...errors } },
        preValidation: inSessionState('active', 'mfa_challenge', 'mfa_enrolment'),
      },
      async (request, reply) => {
        const { endSessionUrl } = await logout(deps, actorOf(request), request.auth?.session.oidcProviderId ?? null);
        clearSessionCookie(reply, deps);
        return { ok: true as const, endSessionUrl };
      },
    );

    app.get(
      '/me',
      {
        schema: { tags: ['me'], summary: 'The signed-in user, role, organisation, municipality and permissions', response: { 200: MeResponseSchema, ...errors } },
        preValidation: signedIn,
        // Asked on every page load: serialised by fast-json-stringify, compiled once from the zod schema.
        serializerCompiler: meSerializer,
      },
      (request, reply) => {
        const auth = request.auth;
        if (!auth) throw new Error('guarded route without auth');
        // Asked on every page load: answered without a promise when the settings are cached.
        const cached = getMeCached(deps, auth.user, auth.session);
        if (!cached) return getMe(deps, auth.user, auth.session);
        void reply.send(cached);
        return undefined;
      },
    );

    app.patch(
      '/me',
      { schema: { tags: ['me'], summary: 'Update own preferences', body: UpdateMeBodySchema, response: { 200: OkResponseSchema, ...errors } }, preValidation: signedIn },
      async (request) => {
        await updatePreferences(deps, actorOf(request), request.body);
        return { ok: true as const };
      },
    );

    app.post(
      '/me/password',
      { schema: { tags: ['me'], summary: 'Change own password (other sessions end)', body: ChangePasswordBodySchema, response: { 200: OkResponseSchema, ...errors } }, preValidation: signedIn },
      async (request) => {
        await changePassword(deps, actorOf(request), request.body);
        return { ok: true as const };
      },
    );
  };
}
