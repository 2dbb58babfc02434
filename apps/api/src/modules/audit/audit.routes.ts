import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditListQuerySchema, AuditListSchema, ErrorResponseSchema } from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { actorOf, requirePermission } from '../../platform/http/auth.plugin';
import { findAuditEvents } from './audit.service';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema };

export function auditRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      { schema: { tags: ['audit'], summary: 'Browse and filter the audit log', querystring: AuditListQuerySchema, response: { 200: AuditListSchema, ...errors } }, preValidation: requirePermission('audit:read') },
      async (request) => findAuditEvents(deps, actorOf(request), request.query),
    );
  };
}
