import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ArticleBodySchema,
  ArticleLangQuerySchema,
  ArticleListQuerySchema,
  ArticleListSchema,
  ArticleParamsSchema,
  ArticleSchema,
  ArticleVersionListSchema,
  CreateArticleBodySchema,
  ErrorResponseSchema,
  OkResponseSchema,
  PosterParamsSchema,
} from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { actorOf, requirePermission } from '../../platform/http/auth.plugin';
import * as service from './knowledge.service';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['knowledge'];

export function knowledgeRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/knowledge/articles',
      {
        schema: { tags, summary: 'Articles in one language, searched with full-text ranking and filtered by service and form', querystring: ArticleListQuerySchema, response: { 200: ArticleListSchema, ...errors } },
        preValidation: requirePermission('knowledge:read'),
      },
      async (request) => service.findArticles(deps, actorOf(request), request.query),
    );
    app.post(
      '/knowledge/articles',
      { schema: { tags, summary: "Add one of the municipality's own articles (versioned)", body: CreateArticleBodySchema, response: { 201: ArticleSchema, ...errors } }, preValidation: requirePermission('knowledge:write') },
      async (request, reply) => reply.code(201).send(await service.createArticle(deps, actorOf(request), request.body)),
    );
    app.get(
      '/knowledge/articles/:slug',
      {
        schema: { tags, summary: "One article: the municipality's text, the shipped one, or the generated own routine", params: ArticleParamsSchema, querystring: ArticleLangQuerySchema, response: { 200: ArticleSchema, ...errors } },
        preValidation: requirePermission('knowledge:read'),
      },
      async (request) => service.getArticle(deps, actorOf(request), request.params.slug, request.query.lang),
    );
    app.put(
      '/knowledge/articles/:slug',
      {
        schema: { tags, summary: "Change the municipality's article, or override a shipped text (a new version)", params: ArticleParamsSchema, body: ArticleBodySchema, response: { 200: ArticleSchema, ...errors } },
        preValidation: requirePermission('knowledge:write'),
      },
      async (request) => service.updateArticle(deps, actorOf(request), request.params.slug, request.body),
    );
    app.delete(
      '/knowledge/articles/:slug',
      {
        schema: { tags, summary: "Withdraw the municipality's text (an override falls back to the shipped article)", params: ArticleParamsSchema, querystring: ArticleLangQuerySchema, response: { 200: OkResponseSchema, ...errors } },
        preValidation: requirePermission('knowledge:write'),
      },
      async (request) => service.revertArticle(deps, actorOf(request), request.params.slug, request.query.lang),
    );
    app.get(
      '/knowledge/articles/:slug/versions',
      {
        schema: { tags, summary: "The versions of the municipality's text for an article, newest first", params: ArticleParamsSchema, querystring: ArticleLangQuerySchema, response: { 200: ArticleVersionListSchema, ...errors } },
        preValidation: requirePermission('knowledge:write'),
      },
      async (request) => service.findArticleVersions(deps, actorOf(request), request.params.slug, request.query.lang),
    );
    app.get(
      '/knowledge/posters/:service',
      {
        schema: { tags, summary: 'The one-page "signs and whom to call" for a staff room, as PDF', params: PosterParamsSchema, querystring: ArticleLangQuerySchema, response: { 200: z.any().describe('application/pdf'), ...errors } },
        preValidation: requirePermission('knowledge:read'),
      },
      async (request, reply) => {
        const { pdf, fileName } = await service.getPosterPdf(deps, actorOf(request), request.params.service, request.query.lang);
        return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(pdf);
      },
    );
  };
}
