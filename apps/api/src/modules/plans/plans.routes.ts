import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AdoptBodySchema,
  CompareQuerySchema,
  DeadlineQuerySchema,
  DeadlinesSchema,
  ErrorResponseSchema,
  IdParamsSchema,
  MeasureBodySchema,
  MeasureDetailSchema,
  MeasureUpdateBodySchema,
  OkResponseSchema,
  PlanCompareSchema,
  PlanCreateBodySchema,
  PlanListSchema,
  PlanSummarySchema,
  PlanTemplateQuerySchema,
  PlanTemplateViewSchema,
  PlanVersionDetailSchema,
  PlanVersionParamsSchema,
} from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { actorOf, requirePermission } from '../../platform/http/auth.plugin';
import * as service from './plans.service';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['plans'];

export function planRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/plan-template',
      { schema: { tags, summary: 'The action-plan template: areas A-I with suggested measures', querystring: PlanTemplateQuerySchema, response: { 200: PlanTemplateViewSchema, ...errors } }, preValidation: requirePermission('plans:write') },
      async (request) => service.getTemplate(request.query.language),
    );
    app.get(
      '/plans',
      { schema: { tags, summary: 'The plans the caller may see', response: { 200: PlanListSchema, ...errors } }, preValidation: requirePermission('plans:read') },
      async (request) => service.listPlans(deps, actorOf(request)),
    );
    app.post(
      '/plans',
      { schema: { tags, summary: 'Create a plan (version 1, draft), empty or from the template', body: PlanCreateBodySchema, response: { 201: PlanSummarySchema, ...errors } }, preValidation: requirePermission('plans:write') },
      async (request, reply) => reply.code(201).send(await service.createPlan(deps, actorOf(request), request.body)),
    );
    app.get(
      '/plans/deadlines',
      { schema: { tags, summary: 'Overdue and soon-due open measures in the adopted plans (a partner: its own)', querystring: DeadlineQuerySchema, response: { 200: DeadlinesSchema, ...errors } }, preValidation: requirePermission('plans:read') },
      async (request) => service.findDeadlines(deps, actorOf(request), request.query.days),
    );
    app.get(
      '/plans/:id',
      { schema: { tags, summary: 'One plan with the versions the caller may see', params: IdParamsSchema, response: { 200: PlanSummarySchema, ...errors } }, preValidation: requirePermission('plans:read') },
      async (request) => service.getPlan(deps, actorOf(request), request.params.id),
    );
    app.get(
      '/plans/:id/compare',
      { schema: { tags, summary: 'Compare two versions: measures added, removed and changed fields', params: IdParamsSchema, querystring: CompareQuerySchema, response: { 200: PlanCompareSchema, ...errors } }, preValidation: requirePermission('plans:read') },
      async (request) => service.compareVersions(deps, actorOf(request), request.params.id, request.query.from, request.query.to),
    );
    app.post(
      '/plans/:id/revisions',
      { schema: { tags, summary: 'Start the next version as a draft copy of the adopted one', params: IdParamsSchema, response: { 201: PlanVersionDetailSchema, ...errors } }, preValidation: requirePermission('plans:write') },
      async (request, reply) => reply.code(201).send(await service.startRevision(deps, actorOf(request), request.params.id)),
    );
    app.get(
      '/plans/:id/versions/:version',
      { schema: { tags, summary: 'A plan version with its measures and progress roll-up', params: PlanVersionParamsSchema, response: { 200: PlanVersionDetailSchema, ...errors } }, preValidation: requirePermission('plans:read') },
      async (request) => service.getVersion(deps, actorOf(request), request.params.id, request.params.version),
    );
    app.post(
      '/plans/:id/versions/:version/adopt',
      { schema: { tags, summary: 'Adopt a draft (council decision); freezes the version', params: PlanVersionParamsSchema, body: AdoptBodySchema, response: { 200: PlanVersionDetailSchema, ...errors } }, preValidation: requirePermission('plans:write') },
      async (request) => service.adoptVersion(deps, actorOf(request), request.params.id, request.params.version, request.body),
    );
    app.post(
      '/plans/:id/versions/:version/measures',
      { schema: { tags, summary: 'Add a measure or sub-measure to a draft', params: PlanVersionParamsSchema, body: MeasureBodySchema, response: { 201: MeasureDetailSchema, ...errors } }, preValidation: requirePermission('plans:write') },
      async (request, reply) => reply.code(201).send(await service.createMeasure(deps, actorOf(request), request.params.id, request.params.version, request.body)),
    );
    app.get(
      '/measures/:id',
      { schema: { tags, summary: 'One measure with sub-measures, milestones and its timeline', params: IdParamsSchema, response: { 200: MeasureDetailSchema, ...errors } }, preValidation: requirePermission('plans:read') },
      async (request) => service.getMeasure(deps, actorOf(request), request.params.id),
    );
    app.put(
      '/measures/:id',
      { schema: { tags, summary: 'Replace a measure of a draft', params: IdParamsSchema, body: MeasureBodySchema, response: { 200: MeasureDetailSchema, ...errors } }, preValidation: requirePermission('plans:write') },
      async (request) => service.updateMeasure(deps, actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/measures/:id',
      { schema: { tags, summary: 'Remove a measure (and its sub-measures) from a draft', params: IdParamsSchema, response: { 200: OkResponseSchema, ...errors } }, preValidation: requirePermission('plans:write') },
      async (request) => service.deleteMeasure(deps, actorOf(request), request.params.id),
    );
    app.post(
      '/measures/:id/updates',
      {
        schema: { tags, summary: 'Post a dated update (and status/progress change) on a measure of the adopted version', params: IdParamsSchema, body: MeasureUpdateBodySchema, response: { 201: MeasureDetailSchema, ...errors } },
        preValidation: requirePermission('plans:progress'),
      },
      async (request, reply) => reply.code(201).send(await service.postUpdate(deps, actorOf(request), request.params.id, request.body)),
    );
  };
}
