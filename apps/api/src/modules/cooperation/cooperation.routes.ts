import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ActionParamsSchema,
  CompleteActionBodySchema,
  ErrorResponseSchema,
  IdParamsSchema,
  MeetingBodySchema,
  MeetingListSchema,
  MeetingSchema,
  MemberBodySchema,
  MemberListSchema,
  MemberSchema,
  MinutesExportParamsSchema,
  MinutesExportQuerySchema,
  OkResponseSchema,
  RoutingCardBodySchema,
  RoutingCardSchema,
} from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { actorOf, requirePermission } from '../../platform/http/auth.plugin';
import * as service from './cooperation.service';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['cooperation'];

export function cooperationRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/cooperation/members',
      { schema: { tags, summary: 'The cooperation group: named members and their roles', response: { 200: MemberListSchema, ...errors } }, preValidation: requirePermission('cooperation:read') },
      async (request) => service.listMembers(deps, actorOf(request)),
    );
    app.post(
      '/cooperation/members',
      { schema: { tags, summary: 'Add a member to the group', body: MemberBodySchema, response: { 201: MemberSchema, ...errors } }, preValidation: requirePermission('cooperation:write') },
      async (request, reply) => reply.code(201).send(await service.createMember(deps, actorOf(request), request.body)),
    );
    app.put(
      '/cooperation/members/:id',
      { schema: { tags, summary: 'Replace a member', params: IdParamsSchema, body: MemberBodySchema, response: { 200: MemberSchema, ...errors } }, preValidation: requirePermission('cooperation:write') },
      async (request) => service.updateMember(deps, actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/cooperation/members/:id',
      { schema: { tags, summary: 'Remove a member from the group', params: IdParamsSchema, response: { 200: OkResponseSchema, ...errors } }, preValidation: requirePermission('cooperation:write') },
      async (request) => service.removeMember(deps, actorOf(request), request.params.id),
    );
    app.get(
      '/cooperation/routing-card',
      { schema: { tags, summary: 'The "who to call" routing card for frontline staff', response: { 200: RoutingCardSchema, ...errors } }, preValidation: requirePermission('routing:read') },
      async (request) => service.getRoutingCard(deps, actorOf(request)),
    );
    app.put(
      '/cooperation/routing-card',
      { schema: { tags, summary: 'Replace the routing card', body: RoutingCardBodySchema, response: { 200: RoutingCardSchema, ...errors } }, preValidation: requirePermission('cooperation:write') },
      async (request) => service.replaceRoutingCard(deps, actorOf(request), request.body),
    );
    app.get(
      '/cooperation/meetings',
      { schema: { tags, summary: "The group's meetings (members' organisations and coordinators)", response: { 200: MeetingListSchema, ...errors } }, preValidation: requirePermission('cooperation:read') },
      async (request) => service.listMeetings(deps, actorOf(request)),
    );
    app.post(
      '/cooperation/meetings',
      { schema: { tags, summary: 'Record a meeting with attendance, agenda items, minutes, decisions and action items', body: MeetingBodySchema, response: { 201: MeetingSchema, ...errors } }, preValidation: requirePermission('cooperation:write') },
      async (request, reply) => reply.code(201).send(await service.createMeeting(deps, actorOf(request), request.body)),
    );
    app.get(
      '/cooperation/meetings/:id',
      { schema: { tags, summary: 'One meeting with its minutes (the read is audited)', params: IdParamsSchema, response: { 200: MeetingSchema, ...errors } }, preValidation: requirePermission('cooperation:read') },
      async (request) => service.getMeeting(deps, actorOf(request), request.params.id),
    );
    app.get(
      '/cooperation/meetings/:id/minutes/:format',
      {
        schema: { tags, summary: "A meeting's minutes as PDF or DOCX (audited)", params: MinutesExportParamsSchema, querystring: MinutesExportQuerySchema, response: { 200: z.any().describe('application/pdf or DOCX'), ...errors } },
        preValidation: requirePermission('cooperation:read'),
      },
      async (request, reply) => {
        const file = await service.exportMinutes(deps, actorOf(request), request.params.id, request.params.format, request.query.lang);
        return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'no-store').send(file.body);
      },
    );
    app.put(
      '/cooperation/meetings/:id',
      { schema: { tags, summary: 'Replace a meeting (completed action items are kept)', params: IdParamsSchema, body: MeetingBodySchema, response: { 200: MeetingSchema, ...errors } }, preValidation: requirePermission('cooperation:write') },
      async (request) => service.updateMeeting(deps, actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/cooperation/meetings/:id',
      { schema: { tags, summary: 'Delete a meeting without completed action items', params: IdParamsSchema, response: { 200: OkResponseSchema, ...errors } }, preValidation: requirePermission('cooperation:write') },
      async (request) => service.deleteMeeting(deps, actorOf(request), request.params.id),
    );
    app.post(
      '/cooperation/meetings/:id/actions/:actionId/complete',
      { schema: { tags, summary: "Complete an action item (shows on the linked measure's timeline)", params: ActionParamsSchema, body: CompleteActionBodySchema, response: { 200: MeetingSchema, ...errors } }, preValidation: requirePermission('cooperation:write') },
      async (request) => service.completeAction(deps, actorOf(request), request.params.id, request.params.actionId, request.body.completedOn),
    );
  };
}
