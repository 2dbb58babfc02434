import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorResponseSchema,
  IdParamsSchema,
  ScreeningBodySchema,
  ScreeningListQuerySchema,
  ScreeningListSchema,
  ScreeningSchema,
} from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { actorOf, requirePermission } from '../../platform/http/auth.plugin';
import { createScreening, findScreenings, getScreening } from './screening.service';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema };
const tags = ['identification'];

export function screeningRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/screenings',
      {
        schema: {
          tags,
          summary: 'Save a screening: coded facts and answers. The server scores it with the shared code and records the catalogue version and next steps',
          body: ScreeningBodySchema,
          response: { 201: ScreeningSchema, ...errors },
        },
        preValidation: requirePermission('screenings:create'),
      },
      async (request, reply) => reply.code(201).send(await createScreening(deps, actorOf(request), request.body)),
    );
    app.get(
      '/screenings',
      {
        schema: { tags, summary: "Screenings: the coordinator sees all, others their own", querystring: ScreeningListQuerySchema, response: { 200: ScreeningListSchema, ...errors } },
        preValidation: requirePermission('screenings:read'),
      },
      async (request) => findScreenings(deps, actorOf(request), request.query),
    );
    app.get(
      '/screenings/:id',
      { schema: { tags, summary: 'One screening', params: IdParamsSchema, response: { 200: ScreeningSchema, ...errors } }, preValidation: requirePermission('screenings:read') },
      async (request) => getScreening(deps, actorOf(request), request.params.id),
    );
  };
}
