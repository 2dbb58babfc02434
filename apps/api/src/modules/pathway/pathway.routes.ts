import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponseSchema, PathwayBodySchema, PathwaySchema } from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { actorOf, requirePermission } from '../../platform/http/auth.plugin';
import { getPathway, savePathway } from './pathway.service';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema };
const tags = ['identification'];

export function pathwayRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/pathway',
      {
        schema: { tags, summary: "The municipality's referral pathway: rules over a screening, with contacts from the partner registry", response: { 200: PathwaySchema, ...errors } },
        preValidation: requirePermission('pathway:read'),
      },
      async (request) => getPathway(deps, actorOf(request)),
    );
    app.put(
      '/pathway',
      { schema: { tags, summary: 'Replace the referral pathway (coordinator)', body: PathwayBodySchema, response: { 200: PathwaySchema, ...errors } }, preValidation: requirePermission('pathway:write') },
      async (request) => savePathway(deps, actorOf(request), request.body),
    );
  };
}
