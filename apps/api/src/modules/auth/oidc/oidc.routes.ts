import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  CreateOidcProviderBodySchema,
  ErrorResponseSchema,
  LinkOidcIdentityBodySchema,
  OidcCallbackQuerySchema,
  OidcIdentityListSchema,
  OidcProviderListSchema,
  OidcProviderParamsSchema,
  OidcProviderSchema,
  OidcSignInOptionsSchema,
  OkResponseSchema,
  SignInPolicySchema,
  UpdateOidcProviderBodySchema,
} from '@lykt/shared';
import type { Deps } from '../../../platform/deps';
import { actorOf, requirePermission, sessionCookieName, setSessionCookie } from '../../../platform/http/auth.plugin';
import { anyMunicipalityAllowsPasswords, listEnabledProviders } from './oidc.repository';
import {
  createOidcProvider,
  findOidcIdentities,
  findOidcProviders,
  getSignInPolicy,
  linkOidcIdentity,
  removeOidcProvider,
  setSignInPolicy,
  unlinkOidcIdentity,
  updateOidcProvider,
} from './oidc-admin.service';
import { LOGIN_ATTEMPT_MINUTES, OidcSignInFailure, finishOidcSignIn, startOidcSignIn } from './oidc-sign-in.service';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema, 429: ErrorResponseSchema };
const tags = ['auth'];
const adminTags = ['sign-in providers'];
const SIGN_IN_PAGE = '/app/sign-in';

/** The cookie that ties the provider's answer to the browser that asked (SameSite=Lax: it must come back on the redirect). */
export function oidcStateCookieName(secure: boolean): string {
  return secure ? '__Host-lykt_oidc' : 'lykt_oidc';
}

function clearStateCookie(reply: FastifyReply, deps: Deps): void {
  reply.clearCookie(oidcStateCookieName(deps.config.secureCookies), { path: '/', secure: deps.config.secureCookies, sameSite: 'lax', httpOnly: true });
}

function failureRedirect(reply: FastifyReply, error: unknown) {
  if (!(error instanceof OidcSignInFailure)) throw error;
  return reply.redirect(`${SIGN_IN_PAGE}?oidc_error=${error.code}`, 303);
}

const IdentityParamsSchema = OidcProviderParamsSchema.extend({ identityId: z.uuid().describe('The link id') });

export function oidcRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const rateLimit = { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' };

    app.get(
      '/auth/oidc/providers',
      { schema: { tags, summary: 'The sign-in providers offered on the sign-in page', response: { 200: OidcSignInOptionsSchema } } },
      async () => ({
        providers: await listEnabledProviders(deps.db),
        passwordSignIn: (await anyMunicipalityAllowsPasswords(deps.db)) ? ('offered' as const) : ('break_glass_only' as const),
      }),
    );

    app.get(
      '/auth/oidc/:providerId/start',
      { schema: { tags, summary: "Start signing in at the provider (redirects there)", params: OidcProviderParamsSchema }, config: { rateLimit } },
      async (request, reply) => {
        try {
          const { url, state } = await startOidcSignIn(deps, request.params.providerId);
          reply.setCookie(oidcStateCookieName(deps.config.secureCookies), state, {
            path: '/',
            httpOnly: true,
            sameSite: 'lax',
            secure: deps.config.secureCookies,
            maxAge: LOGIN_ATTEMPT_MINUTES * 60,
          });
          return reply.redirect(url, 303);
        } catch (error) {
          return failureRedirect(reply, error);
        }
      },
    );

    app.get(
      '/auth/oidc/:providerId/callback',
      { schema: { tags, summary: 'Where the provider sends the browser back (the redirect URI)', params: OidcProviderParamsSchema, querystring: OidcCallbackQuerySchema }, config: { rateLimit } },
      async (request, reply) => {
        const cookieName = oidcStateCookieName(deps.config.secureCookies);
        clearStateCookie(reply, deps);
        try {
          const { token } = await finishOidcSignIn(deps, {
            providerId: request.params.providerId,
            query: request.url.split('?')[1] ?? '',
            stateFromQuery: request.query.state,
            stateFromCookie: request.cookies[cookieName],
            error: request.query.error,
            previousToken: request.cookies[sessionCookieName(deps.config.secureCookies)],
          });
          setSessionCookie(reply, deps, token);
          // The app reads the session's state (/me) and asks for a TOTP code when one is still due.
          return reply.redirect(SIGN_IN_PAGE, 303);
        } catch (error) {
          return failureRedirect(reply, error);
        }
      },
    );

    app.get(
      '/oidc/providers',
      { schema: { tags: adminTags, summary: "The municipality's sign-in providers", response: { 200: OidcProviderListSchema, ...errors } }, preValidation: requirePermission('municipality:write') },
      async (request) => findOidcProviders(deps, actorOf(request)),
    );
    app.post(
      '/oidc/providers',
      { schema: { tags: adminTags, summary: 'Add a sign-in provider (checks its discovery document)', body: CreateOidcProviderBodySchema, response: { 201: OidcProviderSchema, ...errors } }, preValidation: requirePermission('municipality:write') },
      async (request, reply) => reply.code(201).send(await createOidcProvider(deps, actorOf(request), request.body)),
    );
    app.patch(
      '/oidc/providers/:providerId',
      { schema: { tags: adminTags, summary: 'Change a sign-in provider', params: OidcProviderParamsSchema, body: UpdateOidcProviderBodySchema, response: { 200: OidcProviderSchema, ...errors } }, preValidation: requirePermission('municipality:write') },
      async (request) => updateOidcProvider(deps, actorOf(request), request.params.providerId, request.body),
    );
    app.delete(
      '/oidc/providers/:providerId',
      { schema: { tags: adminTags, summary: 'Remove a sign-in provider and its links', params: OidcProviderParamsSchema, response: { 200: OkResponseSchema, ...errors } }, preValidation: requirePermission('municipality:write') },
      async (request) => {
        await removeOidcProvider(deps, actorOf(request), request.params.providerId);
        return { ok: true as const };
      },
    );
    app.get(
      '/oidc/providers/:providerId/identities',
      { schema: { tags: adminTags, summary: 'Users linked to the provider', params: OidcProviderParamsSchema, response: { 200: OidcIdentityListSchema, ...errors } }, preValidation: requirePermission('users:write') },
      async (request) => findOidcIdentities(deps, actorOf(request), request.params.providerId),
    );
    app.post(
      '/oidc/providers/:providerId/identities',
      { schema: { tags: adminTags, summary: "Link a user to their subject at the provider", params: OidcProviderParamsSchema, body: LinkOidcIdentityBodySchema, response: { 201: OkResponseSchema, ...errors } }, preValidation: requirePermission('users:write') },
      async (request, reply) => {
        await linkOidcIdentity(deps, actorOf(request), request.params.providerId, request.body);
        return reply.code(201).send({ ok: true as const });
      },
    );
    app.delete(
      '/oidc/providers/:providerId/identities/:identityId',
      { schema: { tags: adminTags, summary: 'Remove a link', params: IdentityParamsSchema, response: { 200: OkResponseSchema, ...errors } }, preValidation: requirePermission('users:write') },
      async (request) => {
        await unlinkOidcIdentity(deps, actorOf(request), request.params.providerId, request.params.identityId);
        return { ok: true as const };
      },
    );
    app.get(
      '/oidc/sign-in-policy',
      { schema: { tags: adminTags, summary: 'Whether local password sign-in is on', response: { 200: SignInPolicySchema, ...errors } }, preValidation: requirePermission('municipality:write') },
      async (request) => getSignInPolicy(deps, actorOf(request)),
    );
    app.put(
      '/oidc/sign-in-policy',
      { schema: { tags: adminTags, summary: 'Turn local password sign-in on or off', body: SignInPolicySchema, response: { 200: SignInPolicySchema, ...errors } }, preValidation: requirePermission('municipality:write') },
      async (request) => setSignInPolicy(deps, actorOf(request), request.body),
    );
  };
}
