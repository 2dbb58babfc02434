import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorResponseSchema,
  IdParamsSchema,
  TipAssigneeListSchema,
  TipDetailSchema,
  TipListQuerySchema,
  TipListSchema,
  TipMessageBodySchema,
  TipPublicSettingsSchema,
  TipToConcernBodySchema,
  TipToConcernResultSchema,
  TipUpdateBodySchema,
} from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { actorOf, requirePermission } from '../../platform/http/auth.plugin';
import { addStaffMessage, convertTipToConcern, getPublicSettings, getTip, listAssignees, listTips, updatePublicSettings, updateTip } from './tips.service';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['tips'];
/** The staff tip inbox and the public-page settings. The public form itself lives in src/public. */
export function tipsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/tips',
      { schema: { tags, summary: 'The tip inbox (coordinators: all tips; caseworkers: tips assigned to them)', querystring: TipListQuerySchema, response: { 200: TipListSchema, ...errors } }, preValidation: requirePermission('tips:read') },
      async (request) => listTips(deps, actorOf(request), request.query),
    );
    app.get(
      '/tips/assignees',
      { schema: { tags, summary: 'Who a tip can be assigned to', response: { 200: TipAssigneeListSchema, ...errors } }, preValidation: requirePermission('tips:manage') },
      async (request) => listAssignees(deps, actorOf(request)),
    );
    app.get(
      '/tips/settings',
      { schema: { tags, summary: 'Public pages and tip form settings', response: { 200: TipPublicSettingsSchema, ...errors } }, preValidation: requirePermission('tips:settings') },
      async (request) => getPublicSettings(deps, actorOf(request).municipalityId),
    );
    app.put(
      '/tips/settings',
      { schema: { tags, summary: 'Change the public pages and tip form settings', body: TipPublicSettingsSchema, response: { 200: TipPublicSettingsSchema, ...errors } }, preValidation: requirePermission('tips:settings') },
      async (request) => updatePublicSettings(deps, actorOf(request), request.body),
    );
    app.get(
      '/tips/:id',
      { schema: { tags, summary: 'One tip with its content and conversation (the read is audited)', params: IdParamsSchema, response: { 200: TipDetailSchema, ...errors } }, preValidation: requirePermission('tips:read') },
      async (request) => getTip(deps, actorOf(request), request.params.id),
    );
    app.patch(
      '/tips/:id',
      { schema: { tags, summary: 'Change status, labels or assignment', params: IdParamsSchema, body: TipUpdateBodySchema, response: { 200: TipDetailSchema, ...errors } }, preValidation: requirePermission('tips:read') },
      async (request) => updateTip(deps, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/tips/:id/messages',
      { schema: { tags, summary: 'Reply to the tipster or add an internal note', params: IdParamsSchema, body: TipMessageBodySchema, response: { 201: TipDetailSchema, ...errors } }, preValidation: requirePermission('tips:read') },
      async (request, reply) => reply.code(201).send(await addStaffMessage(deps, actorOf(request), request.params.id, request.body)),
    );
    app.post(
      '/tips/:id/concern',
      {
        schema: { tags, summary: 'Turn a tip into a concern (contact details only with the tipster’s consent)', params: IdParamsSchema, body: TipToConcernBodySchema, response: { 201: TipToConcernResultSchema, ...errors } },
        preValidation: requirePermission('tips:manage'),
      },
      async (request, reply) => reply.code(201).send(await convertTipToConcern(deps, actorOf(request), request.params.id, request.body)),
    );
  };
}
