import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AssigneeListSchema,
  ConcernAssignBodySchema,
  ConcernBodySchema,
  ConcernCloseBodySchema,
  ConcernIdentifyingDetailsSchema,
  ConcernListQuerySchema,
  ConcernListSchema,
  ConcernMessageBodySchema,
  ConcernSchema,
  ErrorResponseSchema,
  IdParamsSchema,
} from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { actorOf, requirePermission } from '../../platform/http/auth.plugin';
import { answerQuestion, askReporter, assignConcern, closeConcern, createConcern, findConcerns, getConcern, getIdentifyingDetails, listAssignees } from './concern.service';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['identification'];

export function concernRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/concerns',
      {
        schema: { tags, summary: 'Send a concern to the coordinator, from a screening or directly. Identifying details are encrypted', body: ConcernBodySchema, response: { 201: ConcernSchema, ...errors } },
        preValidation: requirePermission('concerns:create'),
      },
      async (request, reply) => reply.code(201).send(await createConcern(deps, actorOf(request), request.body)),
    );
    app.get(
      '/concerns',
      {
        schema: { tags, summary: 'Concerns: the coordinator sees all; others those they reported or are assigned', querystring: ConcernListQuerySchema, response: { 200: ConcernListSchema, ...errors } },
        preValidation: requirePermission('concerns:read'),
      },
      async (request) => findConcerns(deps, actorOf(request), request.query),
    );
    app.get(
      '/concerns/assignees',
      { schema: { tags, summary: 'Who a concern can be assigned to', response: { 200: AssigneeListSchema, ...errors } }, preValidation: requirePermission('concerns:triage') },
      async (request) => listAssignees(deps, actorOf(request)),
    );
    app.get(
      '/concerns/:id',
      { schema: { tags, summary: 'One concern with its questions and answers (audited read)', params: IdParamsSchema, response: { 200: ConcernSchema, ...errors } }, preValidation: requirePermission('concerns:read') },
      async (request) => getConcern(deps, actorOf(request), request.params.id),
    );
    app.get(
      '/concerns/:id/identifying-details',
      {
        schema: { tags, summary: 'Identifying details: coordinator and assigned caseworker only; every read is audited', params: IdParamsSchema, response: { 200: ConcernIdentifyingDetailsSchema, ...errors } },
        preValidation: requirePermission('concerns:read'),
      },
      async (request) => getIdentifyingDetails(deps, actorOf(request), request.params.id),
    );
    app.post(
      '/concerns/:id/assignment',
      { schema: { tags, summary: 'Assign a caseworker (triage)', params: IdParamsSchema, body: ConcernAssignBodySchema, response: { 200: ConcernSchema, ...errors } }, preValidation: requirePermission('concerns:triage') },
      async (request) => assignConcern(deps, actorOf(request), request.params.id, request.body.caseworkerId),
    );
    app.post(
      '/concerns/:id/questions',
      { schema: { tags, summary: 'Ask the reporter a question (triage)', params: IdParamsSchema, body: ConcernMessageBodySchema, response: { 200: ConcernSchema, ...errors } }, preValidation: requirePermission('concerns:triage') },
      async (request) => askReporter(deps, actorOf(request), request.params.id, request.body.text),
    );
    app.post(
      '/concerns/:id/answers',
      { schema: { tags, summary: "The reporter answers the coordinator's question", params: IdParamsSchema, body: ConcernMessageBodySchema, response: { 200: ConcernSchema, ...errors } }, preValidation: requirePermission('concerns:create') },
      async (request) => answerQuestion(deps, actorOf(request), request.params.id, request.body.text),
    );
    app.post(
      '/concerns/:id/closure',
      { schema: { tags, summary: 'Close the concern with a reason (triage)', params: IdParamsSchema, body: ConcernCloseBodySchema, response: { 200: ConcernSchema, ...errors } }, preValidation: requirePermission('concerns:triage') },
      async (request) => closeConcern(deps, actorOf(request), request.params.id, request.body.reason),
    );
  };
}
