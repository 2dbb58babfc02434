import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AddCasesListBodySchema,
  AddPrevalenceListBodySchema,
  AddPrevalenceListResultSchema,
  CreatePrevalenceStudyBodySchema,
  ErrorResponseSchema,
  EstimatePrevalenceBodySchema,
  FinalisePrevalenceBodySchema,
  OverlapTableBodySchema,
  PrevalenceEstimateSchema,
  PrevalenceStudySchema,
  PrevalenceStudySummarySchema,
} from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { actorOf, requirePermission } from '../../platform/http/auth.plugin';
import { addCasesList, addUploadedList, createStudy, enterOverlapTable, estimateStudy, finaliseStudy, findStudies, getStudy } from './prevalence.service';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['prevalence'];
const Params = z.object({ id: z.uuid().describe('The study') });
const guard = requirePermission('prevalence:manage');

export function prevalenceRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/prevalence/studies',
      { schema: { tags, summary: 'Prevalence studies (coordinator)', response: { 200: z.array(PrevalenceStudySummarySchema), ...errors } }, preValidation: guard },
      async (request) => findStudies(deps, actorOf(request)),
    );
    app.post(
      '/prevalence/studies',
      { schema: { tags, summary: 'Start a prevalence study for a period', body: CreatePrevalenceStudyBodySchema, response: { 201: PrevalenceStudySummarySchema, ...errors } }, preValidation: guard },
      async (request, reply) => reply.code(201).send(await createStudy(deps, actorOf(request), request.body)),
    );
    app.get(
      '/prevalence/studies/:id',
      { schema: { tags, summary: 'A study: lists, the exact overlap table (never published) and the estimate history; the read is audited', params: Params, response: { 200: PrevalenceStudySchema, ...errors } }, preValidation: guard },
      async (request) => getStudy(deps, actorOf(request), request.params.id),
    );
    app.post(
      '/prevalence/studies/:id/lists',
      {
        schema: { tags, summary: "Add a partner's list (CSV); rows become keyed pseudonyms and the identifiers are discarded in this request", params: Params, body: AddPrevalenceListBodySchema, response: { 201: AddPrevalenceListResultSchema, ...errors } },
        preValidation: guard,
        bodyLimit: 3 * 1024 * 1024,
      },
      async (request, reply) => reply.code(201).send(await addUploadedList(deps, actorOf(request), request.params.id, request.body)),
    );
    app.post(
      '/prevalence/studies/:id/lists/cases',
      { schema: { tags, summary: "Add Lykt's own cases opened in the period as a list", params: Params, body: AddCasesListBodySchema, response: { 201: AddPrevalenceListResultSchema, ...errors } }, preValidation: guard },
      async (request, reply) => reply.code(201).send(await addCasesList(deps, actorOf(request), request.params.id, request.body)),
    );
    app.put(
      '/prevalence/studies/:id/table',
      { schema: { tags, summary: 'Enter an aggregated overlap table (a count per pattern of lists)', params: Params, body: OverlapTableBodySchema, response: { 200: PrevalenceStudySummarySchema, ...errors } }, preValidation: guard },
      async (request) => enterOverlapTable(deps, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/prevalence/studies/:id/estimates',
      { schema: { tags, summary: 'Estimate the total by multiple-systems estimation and keep it in the history', params: Params, body: EstimatePrevalenceBodySchema, response: { 201: PrevalenceEstimateSchema, ...errors } }, preValidation: guard },
      async (request, reply) => reply.code(201).send(await estimateStudy(deps, actorOf(request), request.params.id, request.body)),
    );
    app.post(
      '/prevalence/studies/:id/finalise',
      { schema: { tags, summary: 'Make the study final; its pseudonyms are erased unless kept until a stated day', params: Params, body: FinalisePrevalenceBodySchema, response: { 200: PrevalenceStudySummarySchema, ...errors } }, preValidation: guard },
      async (request) => finaliseStudy(deps, actorOf(request), request.params.id, request.body),
    );

    // Kept pseudonyms are erased by the daily job 'prevalence-retention' (platform/jobs/definitions.ts).
  };
}
