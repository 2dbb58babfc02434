import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponseSchema, IdParamsSchema, OrganisationBodySchema, OrganisationListQuerySchema, OrganisationListSchema, OrganisationSchema } from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { actorOf, requirePermission } from '../../platform/http/auth.plugin';
import { archiveOrganisation, createOrganisation, findOrganisations, getOrganisation, updateOrganisation } from './organisation.service';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['organisations'];

export function organisationRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/organisations',
      { schema: { tags, summary: 'The partner registry', querystring: OrganisationListQuerySchema, response: { 200: OrganisationListSchema, ...errors } }, preValidation: requirePermission('organisations:read') },
      async (request) => findOrganisations(deps, actorOf(request), request.query.includeArchived, { q: request.query.q, kind: request.query.kind, sort: request.query.sort }),
    );
    app.post(
      '/organisations',
      { schema: { tags, summary: 'Add an organisation with its contact persons', body: OrganisationBodySchema, response: { 201: OrganisationSchema, ...errors } }, preValidation: requirePermission('organisations:write') },
      async (request, reply) => reply.code(201).send(await createOrganisation(deps, actorOf(request), request.body)),
    );
    app.get(
      '/organisations/:id',
      { schema: { tags, summary: 'One organisation', params: IdParamsSchema, response: { 200: OrganisationSchema, ...errors } }, preValidation: requirePermission('organisations:read') },
      async (request) => getOrganisation(deps, actorOf(request), request.params.id),
    );
    app.put(
      '/organisations/:id',
      {
        schema: { tags, summary: 'Replace an organisation and its contact persons', params: IdParamsSchema, body: OrganisationBodySchema, response: { 200: OrganisationSchema, ...errors } },
        preValidation: requirePermission('organisations:write'),
      },
      async (request) => updateOrganisation(deps, actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/organisations/:id',
      { schema: { tags, summary: 'Archive an organisation', params: IdParamsSchema, response: { 200: OrganisationSchema, ...errors } }, preValidation: requirePermission('organisations:write') },
      async (request) => archiveOrganisation(deps, actorOf(request), request.params.id),
    );
  };
}
