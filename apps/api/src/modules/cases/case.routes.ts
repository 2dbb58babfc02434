import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CandidateListSchema,
  CaseCloseBodySchema,
  CaseCreateBodySchema,
  CaseExportQuerySchema,
  CaseFactsBodySchema,
  CaseListQuerySchema,
  CaseListSchema,
  CaseMemberBodySchema,
  CaseMemberParamsSchema,
  CasePersonBodySchema,
  CaseReadLogSchema,
  CaseRecipientExportBodySchema,
  CaseReminderListSchema,
  CaseSchema,
  CaseSettingsBodySchema,
  CaseSettingsSchema,
  CaseStatusBodySchema,
  DuplicateListSchema,
  ErrorResponseSchema,
  IdParamsSchema,
  JournalBodySchema,
  NeedBodySchema,
  NeedParamsSchema,
  OrganisationOptionListSchema,
  ReasonBodySchema,
  SafetyPlanBodySchema,
  SubIdParamsSchema,
  TaskBodySchema,
  TaskUpdateBodySchema,
} from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { actorOf, requirePermission } from '../../platform/http/auth.plugin';
import { exportCase, exportCaseToRecipient } from './case-export';
import { breakGlass, eraseCase, getCaseReads, getCaseReminders, getCaseSettings, getDuplicates, updateCaseSettings } from './case-protection.service';
import { addJournalEntry, createTask, updateNeed, updateSafetyPlan, updateTask } from './case-work.service';
import {
  addCaseMember,
  changeCaseStatus,
  closeCase,
  createCase,
  findCases,
  getCase,
  listOrganisationOptions,
  listTeamCandidates,
  removeCaseMember,
  reopenCase,
  updateCaseFacts,
  updateCasePerson,
} from './case.service';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['cases'];
const one = { 200: CaseSchema, ...errors };
export function caseRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const read = requirePermission('cases:read');
    const write = requirePermission('cases:write');
    const coordinate = requirePermission('cases:coordinate');

    app.post(
      '/cases',
      { schema: { tags, summary: 'Open a case from a concern, a tip or directly. The opener owns the case team', body: CaseCreateBodySchema, response: { 201: CaseSchema, ...errors } }, preValidation: write },
      async (request, reply) => reply.code(201).send(await createCase(deps, actorOf(request), request.body)),
    );
    app.get(
      '/cases',
      { schema: { tags, summary: 'Cases: the coordinator sees all; others the cases whose team they are on', querystring: CaseListQuerySchema, response: { 200: CaseListSchema, ...errors } }, preValidation: read },
      async (request) => findCases(deps, actorOf(request), request.query),
    );
    app.get(
      '/cases/reminders',
      { schema: { tags, summary: 'Deadlines for the home page: reflection period, child-welfare review, overdue referrals, tasks, retention, break-glass', response: { 200: CaseReminderListSchema, ...errors } }, preValidation: read },
      async (request) => getCaseReminders(deps, actorOf(request)),
    );
    app.get(
      '/cases/team-candidates',
      { schema: { tags, summary: 'Staff who can join a case team', response: { 200: CandidateListSchema, ...errors } }, preValidation: write },
      async (request) => listTeamCandidates(deps, actorOf(request)),
    );
    app.get(
      '/cases/organisations',
      { schema: { tags, summary: 'Organisations a consent or referral can name', response: { 200: OrganisationOptionListSchema, ...errors } }, preValidation: write },
      async (request) => listOrganisationOptions(deps, actorOf(request)),
    );
    app.get(
      '/cases/settings',
      { schema: { tags, summary: 'Case settings: retention of personal data after closing', response: { 200: CaseSettingsSchema, ...errors } }, preValidation: coordinate },
      async (request) => getCaseSettings(deps, actorOf(request)),
    );
    app.put(
      '/cases/settings',
      { schema: { tags, summary: 'Change the retention period (audited)', body: CaseSettingsBodySchema, response: { 200: CaseSettingsSchema, ...errors } }, preValidation: coordinate },
      async (request) => updateCaseSettings(deps, actorOf(request), request.body),
    );
    app.get(
      '/cases/:id',
      { schema: { tags, summary: 'One case. Personal data only for the team or under break-glass; every read is audited', params: IdParamsSchema, response: one }, preValidation: read },
      async (request) => getCase(deps, actorOf(request), request.params.id),
    );
    app.patch(
      '/cases/:id/facts',
      { schema: { tags, summary: 'Change coded facts (statistics)', params: IdParamsSchema, body: CaseFactsBodySchema, response: one }, preValidation: write },
      async (request) => updateCaseFacts(deps, actorOf(request), request.params.id, request.body),
    );
    app.put(
      '/cases/:id/person',
      { schema: { tags, summary: 'Replace the personal data (encrypted; duplicate check by keyed hash)', params: IdParamsSchema, body: CasePersonBodySchema, response: one }, preValidation: write },
      async (request) => updateCasePerson(deps, actorOf(request), request.params.id, request.body),
    );
    app.put(
      '/cases/:id/status',
      { schema: { tags, summary: 'Move an active case between open and follow-up', params: IdParamsSchema, body: CaseStatusBodySchema, response: one }, preValidation: write },
      async (request) => changeCaseStatus(deps, actorOf(request), request.params.id, request.body.status),
    );
    app.post(
      '/cases/:id/members',
      { schema: { tags, summary: 'Add a caseworker or coordinator to the case team', params: IdParamsSchema, body: CaseMemberBodySchema, response: one }, preValidation: write },
      async (request) => addCaseMember(deps, actorOf(request), request.params.id, request.body.userId),
    );
    app.delete(
      '/cases/:id/members/:userId',
      { schema: { tags, summary: 'Remove a member from the case team', params: CaseMemberParamsSchema, response: one }, preValidation: write },
      async (request) => removeCaseMember(deps, actorOf(request), request.params.id, request.params.userId),
    );
    app.put(
      '/cases/:id/needs/:kind',
      { schema: { tags, summary: 'Assess one need', params: NeedParamsSchema, body: NeedBodySchema, response: one }, preValidation: write },
      async (request) => updateNeed(deps, actorOf(request), request.params.id, request.params.kind, request.body),
    );
    app.put(
      '/cases/:id/safety-plan',
      { schema: { tags, summary: 'Replace the safety plan (encrypted)', params: IdParamsSchema, body: SafetyPlanBodySchema, response: one }, preValidation: write },
      async (request) => updateSafetyPlan(deps, actorOf(request), request.params.id, request.body.text),
    );
    app.post(
      '/cases/:id/tasks',
      { schema: { tags, summary: 'Add a task with an owner and a due date', params: IdParamsSchema, body: TaskBodySchema, response: one }, preValidation: write },
      async (request) => createTask(deps, actorOf(request), request.params.id, request.body),
    );
    app.patch(
      '/cases/:id/tasks/:subId',
      { schema: { tags, summary: 'Mark a task done or not done', params: SubIdParamsSchema, body: TaskUpdateBodySchema, response: one }, preValidation: write },
      async (request) => updateTask(deps, actorOf(request), request.params.id, request.params.subId, request.body.done),
    );
    app.post(
      '/cases/:id/journal',
      { schema: { tags, summary: 'Add a dated journal entry (encrypted)', params: IdParamsSchema, body: JournalBodySchema, response: one }, preValidation: write },
      async (request) => addJournalEntry(deps, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/cases/:id/closure',
      { schema: { tags, summary: 'Close the case with a reason', params: IdParamsSchema, body: CaseCloseBodySchema, response: one }, preValidation: write },
      async (request) => closeCase(deps, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/cases/:id/reopening',
      { schema: { tags, summary: 'Reopen a closed case with a reason', params: IdParamsSchema, body: ReasonBodySchema, response: one }, preValidation: write },
      async (request) => reopenCase(deps, actorOf(request), request.params.id, request.body.reason),
    );
    app.get(
      '/cases/:id/reads',
      { schema: { tags, summary: 'Who has read or exported this case (coordinator)', params: IdParamsSchema, response: { 200: CaseReadLogSchema, ...errors } }, preValidation: coordinate },
      async (request) => getCaseReads(deps, actorOf(request), request.params.id),
    );
    app.get(
      '/cases/:id/duplicates',
      { schema: { tags, summary: 'Possible duplicates by keyed hash of name and date of birth (coordinator)', params: IdParamsSchema, response: { 200: DuplicateListSchema, ...errors } }, preValidation: coordinate },
      async (request) => getDuplicates(deps, actorOf(request), request.params.id),
    );
    app.post(
      '/cases/:id/break-glass',
      { schema: { tags, summary: 'Time-limited access for a coordinator not on the team; needs a reason; flagged', params: IdParamsSchema, body: ReasonBodySchema, response: one }, preValidation: coordinate },
      async (request) => breakGlass(deps, actorOf(request), request.params.id, request.body.reason),
    );
    app.post(
      '/cases/:id/erasure',
      { schema: { tags, summary: "Erase the personal data now (a data subject's request); coded facts stay", params: IdParamsSchema, body: ReasonBodySchema, response: one }, preValidation: coordinate },
      async (request) => eraseCase(deps, actorOf(request), request.params.id, request.body.reason),
    );
    app.get(
      '/cases/:id/export',
      {
        schema: {
          tags,
          summary: "The person's own copy as PDF (GDPR art. 15: the data, purposes, recipients, retention, rights, complaint). Audited",
          params: IdParamsSchema,
          querystring: CaseExportQuerySchema,
          response: { 200: z.any().describe('application/pdf'), ...errors },
        },
        preValidation: read,
      },
      async (request, reply) => {
        const { pdf, fileName } = await exportCase(deps, actorOf(request), request.params.id, request.query.lang);
        return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store').send(pdf);
      },
    );
    app.post(
      '/cases/:id/exports',
      {
        schema: {
          tags,
          summary: 'Export to a named organisation as PDF: only what valid consent to it or the stated legal basis covers; the first page says what was left out and why. 409 NO_SHARING_BASIS when nothing is covered. Audited',
          params: IdParamsSchema,
          body: CaseRecipientExportBodySchema,
          response: { 200: z.any().describe('application/pdf'), ...errors },
        },
        preValidation: read,
      },
      async (request, reply) => {
        const { pdf, fileName } = await exportCaseToRecipient(deps, actorOf(request), request.params.id, request.body);
        return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store').send(pdf);
      },
    );
  };
}
