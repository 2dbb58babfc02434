import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AttemptResultSchema,
  AttemptSchema,
  CompletionListSchema,
  CoverageQuerySchema,
  CoverageSchema,
  ErrorResponseSchema,
  IdParamsSchema,
  ModuleKeyParamsSchema,
  OkResponseSchema,
  PlanLinkBodySchema,
  PlanLinkListSchema,
  PlanLinkSchema,
  SubmitAttemptBodySchema,
  TrainingLangQuerySchema,
  TrainingModulesQuerySchema,
  TrainingModuleListSchema,
  TrainingModuleSchema,
  TrainingSettingsBodySchema,
  TrainingSettingsSchema,
} from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { actorOf, requirePermission } from '../../platform/http/auth.plugin';
import * as links from './training.plan-links';
import * as service from './training.service';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['training'];
export function trainingRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/training/modules',
      { schema: { tags, summary: "Training modules with the actor's status; those meant for the actor first", querystring: TrainingModulesQuerySchema, response: { 200: TrainingModuleListSchema, ...errors } }, preValidation: requirePermission('training:take') },
      async (request) => service.findModules(deps, actorOf(request), request.query.lang, { dueForMe: request.query.due === 'me' }),
    );
    app.get(
      '/training/modules/:key',
      { schema: { tags, summary: 'One module with its lessons', params: ModuleKeyParamsSchema, querystring: TrainingLangQuerySchema, response: { 200: TrainingModuleSchema, ...errors } }, preValidation: requirePermission('training:take') },
      async (request) => service.getModule(deps, actorOf(request), request.params.key, request.query.lang),
    );
    app.post(
      '/training/modules/:key/attempts',
      {
        schema: { tags, summary: 'Start a quiz attempt: questions drawn from the bank, without the correct answers', params: ModuleKeyParamsSchema, querystring: TrainingLangQuerySchema, response: { 201: AttemptSchema, ...errors } },
        preValidation: requirePermission('training:take'),
      },
      async (request, reply) => reply.code(201).send(await service.startAttempt(deps, actorOf(request), request.params.key, request.query.lang)),
    );
    app.post(
      '/training/attempts/:id/submit',
      {
        schema: { tags, summary: 'Submit the answers; scored on the server, with explanations; a pass records a completion', params: IdParamsSchema, body: SubmitAttemptBodySchema, response: { 200: AttemptResultSchema, ...errors } },
        preValidation: requirePermission('training:take'),
      },
      async (request) => service.submitAttempt(deps, actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/training/completions',
      { schema: { tags, summary: "The actor's own completions", querystring: TrainingLangQuerySchema, response: { 200: CompletionListSchema, ...errors } }, preValidation: requirePermission('training:take') },
      async (request) => service.findMyCompletions(deps, actorOf(request), request.query.lang),
    );
    app.get(
      '/training/completions/:id/certificate',
      { schema: { tags, summary: 'The certificate of one of the actor\'s completions, as PDF', params: IdParamsSchema, querystring: TrainingLangQuerySchema, response: { 200: z.any().describe('application/pdf'), ...errors } }, preValidation: requirePermission('training:take') },
      async (request, reply) => {
        const { pdf, fileName } = await service.getCertificatePdf(deps, actorOf(request), request.params.id, request.query.lang);
        return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store').send(pdf);
      },
    );
    app.get(
      '/training/coverage',
      { schema: { tags, summary: 'Coverage of a module: per organisation and kind, over time, and who is due (audited)', querystring: CoverageQuerySchema, response: { 200: CoverageSchema, ...errors } }, preValidation: requirePermission('training:coverage') },
      async (request) => service.getCoverage(deps, actorOf(request), request.query.moduleKey, request.query.lang),
    );
    app.get(
      '/training/settings',
      { schema: { tags, summary: "The municipality's pass score and refresh period per module", response: { 200: z.object({ items: z.array(TrainingSettingsSchema) }), ...errors } }, preValidation: requirePermission('training:manage') },
      async (request) => service.findSettings(deps, actorOf(request)),
    );
    app.put(
      '/training/settings/:key',
      { schema: { tags, summary: 'Set the pass score and refresh period of a module', params: ModuleKeyParamsSchema, body: TrainingSettingsBodySchema, response: { 200: TrainingSettingsSchema, ...errors } }, preValidation: requirePermission('training:manage') },
      async (request) => service.saveSettings(deps, actorOf(request), request.params.key, request.body),
    );
    app.get(
      '/training/plan-links',
      { schema: { tags, summary: 'Plan measures linked to training targets, with their coverage now', querystring: TrainingLangQuerySchema, response: { 200: PlanLinkListSchema, ...errors } }, preValidation: requirePermission('training:manage') },
      async (request) => links.findPlanLinks(deps, actorOf(request), request.query.lang),
    );
    app.post(
      '/training/plan-links',
      { schema: { tags, summary: 'Link a plan measure to a module and a target share by a date', querystring: TrainingLangQuerySchema, body: PlanLinkBodySchema, response: { 201: PlanLinkSchema, ...errors } }, preValidation: requirePermission('training:manage') },
      async (request, reply) => reply.code(201).send(await links.createPlanLink(deps, actorOf(request), request.body, request.query.lang)),
    );
    app.delete(
      '/training/plan-links/:id',
      { schema: { tags, summary: 'Remove a link (the measure keeps its progress)', params: IdParamsSchema, response: { 200: OkResponseSchema, ...errors } }, preValidation: requirePermission('training:manage') },
      async (request) => links.deletePlanLink(deps, actorOf(request), request.params.id),
    );
    app.post(
      '/training/plan-links/:id/apply',
      { schema: { tags, summary: "Set the measure's progress from the coverage (posts a dated measure update)", params: IdParamsSchema, querystring: TrainingLangQuerySchema, response: { 200: PlanLinkSchema, ...errors } }, preValidation: requirePermission('training:manage') },
      async (request) => links.applyPlanLink(deps, actorOf(request), request.params.id, request.query.lang),
    );
  };
}
