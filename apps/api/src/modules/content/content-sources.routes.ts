import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ContentSourceReviewSchema, ErrorResponseSchema } from '@lykt/shared';
import { requirePermission } from '../../platform/http/auth.plugin';
import { findContentSourceReview } from './content-sources.service';

const errors = { 401: ErrorResponseSchema, 403: ErrorResponseSchema };
const tags = ['content'];

/** The administrator's and coordinator's list of content sources, with those due for review first. */
export function contentSourceRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/content/sources',
      { schema: { tags, summary: 'Sources behind the shipped content, the ones due for review first', response: { 200: ContentSourceReviewSchema, ...errors } }, preValidation: requirePermission('content:review') },
      async () => findContentSourceReview(),
    );
  };
}
