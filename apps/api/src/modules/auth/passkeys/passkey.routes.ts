import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ErrorResponseSchema,
  IdParamsSchema,
  LoginResponseSchema,
  MfaMethodsSchema,
  OkResponseSchema,
  PasskeyAuthenticationBodySchema,
  PasskeyListSchema,
  PasskeyOptionsSchema,
  PasskeySchema,
  RegisterPasskeyBodySchema,
  RenamePasskeyBodySchema,
  SESSION_STATES,
  type SessionState,
} from '@lykt/shared';
import type { Deps } from '../../../platform/deps';
import { AppError } from '../../../platform/errors';
import { actorOf, inSessionState, requirePermission, sessionCookieName, setSessionCookie, signedIn } from '../../../platform/http/auth.plugin';
import { finishPasskeySecondFactor, finishPasskeySignIn, findMfaMethods, startPasskeySecondFactor, startPasskeySignIn } from './passkey-sign-in.service';
import { findMyPasskeys, finishPasskeyRegistration, removePasskey, renamePasskey, resetUserPasskeys, startPasskeyRegistration } from './passkey.service';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema, 429: ErrorResponseSchema };
const EmptyBodySchema = z.object({}).optional();
const tags = ['passkeys'];
/** Registering is allowed when signed in, and as the enrolment step of a sign-in. */
const registrationStates = inSessionState('active', 'mfa_enrolment', 'passkey_enrolment');

function stateOf(request: FastifyRequest): SessionState {
  if (!request.auth) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return request.auth.state;
}

/** Passkeys (WebAuthn): passwordless sign-in, a second factor, the user's own list and the administrator's reset. */
export function passkeyRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const signInLimit = { rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' } };

    app.post(
      '/auth/passkey/options',
      { schema: { tags, summary: 'Start a passwordless sign-in with a passkey (single-use challenge)', body: EmptyBodySchema, response: { 200: PasskeyOptionsSchema, ...errors } }, config: signInLimit },
      async () => startPasskeySignIn(deps),
    );

    app.post(
      '/auth/passkey/verify',
      { schema: { tags, summary: 'Sign in with a passkey (user verification required)', body: PasskeyAuthenticationBodySchema, response: { 200: LoginResponseSchema, ...errors } }, config: signInLimit },
      async (request, reply) => {
        const { token, state } = await finishPasskeySignIn(deps, request.body, request.cookies[sessionCookieName(deps.config.secureCookies)]);
        setSessionCookie(reply, deps, token);
        return { state };
      },
    );

    app.get(
      '/auth/mfa/methods',
      { schema: { tags, summary: 'The second factors this sign-in may be finished with', response: { 200: MfaMethodsSchema, ...errors } }, preValidation: inSessionState('mfa_challenge') },
      async (request) => findMfaMethods(deps, actorOf(request)),
    );

    app.post(
      '/auth/mfa/passkey/options',
      { schema: { tags, summary: 'Start the passkey second factor', body: EmptyBodySchema, response: { 200: PasskeyOptionsSchema, ...errors } }, preValidation: inSessionState('mfa_challenge'), config: signInLimit },
      async (request) => startPasskeySecondFactor(deps, actorOf(request)),
    );

    app.post(
      '/auth/mfa/passkey/verify',
      { schema: { tags, summary: 'Finish sign-in with a passkey as the second factor', body: PasskeyAuthenticationBodySchema, response: { 200: LoginResponseSchema, ...errors } }, preValidation: inSessionState('mfa_challenge'), config: signInLimit },
      async (request) => finishPasskeySecondFactor(deps, actorOf(request), request.body),
    );

    app.get(
      '/me/passkeys',
      { schema: { tags, summary: 'Own passkeys', response: { 200: PasskeyListSchema, ...errors } }, preValidation: signedIn },
      async (request) => findMyPasskeys(deps, actorOf(request)),
    );

    app.post(
      '/me/passkeys/options',
      { schema: { tags, summary: 'Start registering a passkey (needs a recent sign-in)', body: EmptyBodySchema, response: { 200: PasskeyOptionsSchema, ...errors } }, preValidation: registrationStates },
      async (request) => startPasskeyRegistration(deps, actorOf(request), stateOf(request)),
    );

    app.post(
      '/me/passkeys',
      {
        schema: {
          tags,
          summary: 'Register a passkey; during sign-in this completes it',
          body: RegisterPasskeyBodySchema,
          response: { 201: z.object({ passkey: PasskeySchema, state: z.enum(SESSION_STATES) }), ...errors },
        },
        preValidation: registrationStates,
      },
      async (request, reply) => reply.code(201).send(await finishPasskeyRegistration(deps, actorOf(request), stateOf(request), request.body)),
    );

    app.patch(
      '/me/passkeys/:id',
      { schema: { tags, summary: 'Rename an own passkey', params: IdParamsSchema, body: RenamePasskeyBodySchema, response: { 200: PasskeySchema, ...errors } }, preValidation: signedIn },
      async (request) => renamePasskey(deps, actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/me/passkeys/:id',
      { schema: { tags, summary: 'Remove an own passkey (needs a recent sign-in)', params: IdParamsSchema, response: { 200: OkResponseSchema, ...errors } }, preValidation: signedIn },
      async (request) => {
        await removePasskey(deps, actorOf(request), request.params.id);
        return { ok: true as const };
      },
    );

    app.post(
      '/users/:id/passkeys-reset',
      {
        schema: { tags: ['users'], summary: "Remove all of a user's passkeys (recovery); their sessions end", params: IdParamsSchema, body: EmptyBodySchema, response: { 200: z.object({ removed: z.number().int() }), ...errors } },
        preValidation: requirePermission('users:write'),
      },
      async (request) => resetUserPasskeys(deps, actorOf(request), request.params.id),
    );
  };
}
