import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateUserBodySchema,
  EndSessionsResponseSchema,
  ErrorResponseSchema,
  IdParamsSchema,
  SessionListSchema,
  UpdateUserBodySchema,
  UserListQuerySchema,
  UserListSchema,
  UserSchema,
} from '@lykt/shared';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf, requirePermission } from '../../platform/http/auth.plugin';
import { createUser, endUserSessionsAsAdmin, findUserSessions, findUsers, getUser, resetUserMfa, updateUser } from './user.service';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['users'];

export function userRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/users',
      { schema: { tags, summary: 'List users', querystring: UserListQuerySchema, response: { 200: UserListSchema, ...errors } }, preValidation: requirePermission('users:read') },
      async (request) => findUsers(deps, actorOf(request), request.query),
    );
    app.post(
      '/users',
      { schema: { tags, summary: 'Create a user', body: CreateUserBodySchema, response: { 201: UserSchema, ...errors } }, preValidation: requirePermission('users:write') },
      async (request, reply) => reply.code(201).send(await createUser(deps, actorOf(request), request.body)),
    );
    app.get(
      '/users/:id',
      { schema: { tags, summary: 'Get a user', params: IdParamsSchema, response: { 200: UserSchema, ...errors } }, preValidation: requirePermission('users:read') },
      async (request) => getUser(deps, actorOf(request), request.params.id),
    );
    app.patch(
      '/users/:id',
      {
        schema: { tags, summary: 'Change role, organisation or name; deactivate or reactivate', params: IdParamsSchema, body: UpdateUserBodySchema, response: { 200: UserSchema, ...errors } },
        preValidation: requirePermission('users:write'),
      },
      async (request) => updateUser(deps, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/users/:id/mfa-reset',
      {
        schema: { tags, summary: "Reset a user's MFA", params: IdParamsSchema, body: z.object({}).optional(), response: { 200: UserSchema, ...errors } },
        preValidation: requirePermission('users:write'),
      },
      async (request) => resetUserMfa(deps, actorOf(request), request.params.id),
    );
    app.get(
      '/users/:id/sessions',
      { schema: { tags, summary: "A user's open sessions", params: IdParamsSchema, response: { 200: SessionListSchema, ...errors } }, preValidation: requirePermission('sessions:manage') },
      async (request) => findUserSessions(deps, actorOf(request), request.params.id),
    );
    app.delete(
      '/users/:id/sessions',
      { schema: { tags, summary: "End all of a user's sessions", params: IdParamsSchema, response: { 200: EndSessionsResponseSchema, ...errors } }, preValidation: requirePermission('sessions:manage') },
      async (request) => endUserSessionsAsAdmin(deps, actorOf(request), request.params.id),
    );
  };
}
