import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponseSchema, HomeQueueSchema } from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { actorOf, signedIn } from '../../platform/http/auth.plugin';
import { getHomeQueue } from './home.service';

const errors = { 401: ErrorResponseSchema, 403: ErrorResponseSchema };

/** The home page's work queue: every signed-in role has one, holding only what its permissions allow. */
export function homeRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/me/queue',
      { schema: { tags: ['me'], summary: "What needs the signed-in user now: counts for the role, each with the filtered list it opens", response: { 200: HomeQueueSchema, ...errors } }, preValidation: signedIn },
      async (request) => getHomeQueue(deps, actorOf(request)),
    );
  };
}
