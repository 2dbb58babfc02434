import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorResponseSchema,
  ReportCaseFieldsSchema,
  ReportCreateBodySchema,
  ReportExportParamsSchema,
  ReportListSchema,
  ReportNarrativeSchema,
  ReportParamsSchema,
  ReportSummarySchema,
  ReportVersionDetailSchema,
  ReportVersionParamsSchema,
  PublicPlanSettingBodySchema,
  PublicPlanSettingSchema,
} from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { actorOf, requirePermission } from '../../platform/http/auth.plugin';
import * as publicPlan from './public-plan.service';
import * as service from './reports.service';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['reports'];

export function reportsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/public-plan-setting',
      { schema: { tags, summary: 'Whether the adopted action plan is published on the public pages', response: { 200: PublicPlanSettingSchema, ...errors } }, preValidation: requirePermission('tips:settings') },
      async (request) => publicPlan.getPublicPlanSetting(deps, actorOf(request)),
    );
    app.put(
      '/public-plan-setting',
      { schema: { tags, summary: 'Publish or withdraw the adopted action plan on the public pages', body: PublicPlanSettingBodySchema, response: { 200: PublicPlanSettingSchema, ...errors } }, preValidation: requirePermission('tips:settings') },
      async (request) => publicPlan.setPublicPlanSetting(deps, actorOf(request), request.body),
    );
    app.get(
      '/reports',
      { schema: { tags, summary: 'Council reports, newest year first (viewers see final versions only)', response: { 200: ReportListSchema, ...errors } }, preValidation: requirePermission('reports:read') },
      async (request) => service.listReports(deps, actorOf(request)),
    );
    app.post(
      '/reports',
      { schema: { tags, summary: 'Create the council report for a year, starting with draft version 1', body: ReportCreateBodySchema, response: { 201: ReportSummarySchema, ...errors } }, preValidation: requirePermission('reports:write') },
      async (request, reply) => reply.code(201).send(await service.createReport(deps, actorOf(request), request.body)),
    );
    app.get(
      '/reports/:reportId',
      { schema: { tags, summary: 'One council report with its versions', params: ReportParamsSchema, response: { 200: ReportSummarySchema, ...errors } }, preValidation: requirePermission('reports:read') },
      async (request) => service.getReport(deps, actorOf(request), request.params.reportId),
    );
    app.post(
      '/reports/:reportId/versions',
      { schema: { tags, summary: 'Start the next version as a draft (carries the latest narrative over)', params: ReportParamsSchema, response: { 201: ReportVersionDetailSchema, ...errors } }, preValidation: requirePermission('reports:write') },
      async (request, reply) => reply.code(201).send(await service.createVersion(deps, actorOf(request), request.params.reportId)),
    );
    app.get(
      '/reports/:reportId/versions/:number',
      {
        schema: { tags, summary: 'A report version as a document: a draft generated from live data now, a final version as frozen', params: ReportVersionParamsSchema, response: { 200: ReportVersionDetailSchema, ...errors } },
        preValidation: requirePermission('reports:read'),
      },
      async (request) => service.getVersion(deps, actorOf(request), request.params.reportId, request.params.number),
    );
    app.put(
      '/reports/:reportId/versions/:number/narrative',
      {
        schema: { tags, summary: "Replace a draft's narrative (background, summary, answers per council question, assessment, proposals)", params: ReportVersionParamsSchema, body: ReportNarrativeSchema, response: { 200: ReportVersionDetailSchema, ...errors } },
        preValidation: requirePermission('reports:write'),
      },
      async (request) => service.updateNarrative(deps, actorOf(request), request.params.reportId, request.params.number, request.body),
    );
    app.put(
      '/reports/:reportId/versions/:number/case',
      {
        schema: {
          tags,
          summary: "Replace a draft's saksframlegg fields (case number, archive code, committee, meeting date, case officer, recommendation, attachments)",
          params: ReportVersionParamsSchema,
          body: ReportCaseFieldsSchema,
          response: { 200: ReportVersionDetailSchema, ...errors },
        },
        preValidation: requirePermission('reports:write'),
      },
      async (request) => service.updateCaseFields(deps, actorOf(request), request.params.reportId, request.params.number, request.body),
    );
    app.post(
      '/reports/:reportId/versions/:number/finalise',
      { schema: { tags, summary: 'Make a draft final: the document is frozen and never regenerated', params: ReportVersionParamsSchema, response: { 200: ReportVersionDetailSchema, ...errors } }, preValidation: requirePermission('reports:write') },
      async (request) => service.finaliseVersion(deps, actorOf(request), request.params.reportId, request.params.number),
    );
    app.get(
      '/reports/:reportId/versions/:number/export/:format',
      {
        schema: { tags, summary: 'Download a report version as PDF (tagged) or DOCX, rendered from the same document (audited)', params: ReportExportParamsSchema, response: { 200: z.any().describe('application/pdf or DOCX'), ...errors } },
        preValidation: requirePermission('reports:read'),
      },
      async (request, reply) => {
        const file = await service.exportVersion(deps, actorOf(request), request.params.reportId, request.params.number, request.params.format);
        return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'no-store').send(file.body);
      },
    );
  };
}
