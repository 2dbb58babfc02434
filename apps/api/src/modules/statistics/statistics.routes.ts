import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorResponseSchema,
  HtcdsExportQuerySchema,
  HtcdsExportSchema,
  KomSummaryQuerySchema,
  KomSummarySchema,
  PublishStatisticsBodySchema,
  PublishStatisticsResultSchema,
  StatisticsExportQuerySchema,
  StatisticsPageSchema,
  StatisticsQuerySchema,
} from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { actorOf, requirePermission } from '../../platform/http/auth.plugin';
import { exportStatistics, htcdsCsv, htcdsExport, komSummary, komSummaryFile, type ExportFile } from './statistics.export';
import { getInternalStatistics, getStatistics, publishStatistics } from './statistics.service';

const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
};
const tags = ['statistics'];
const FileSchema = z.any().describe('text/csv or XLSX');

export function statisticsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const send = (reply: { header: (name: string, value: string) => unknown }, file: ExportFile) => {
      reply.header('content-type', file.contentType);
      reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
      reply.header('cache-control', 'no-store');
      return file.body;
    };
    app.get(
      '/statistics',
      {
        schema: {
          tags,
          summary: 'One year of disclosure-controlled statistics: every table protected together',
          querystring: StatisticsQuerySchema,
          response: { 200: StatisticsPageSchema, ...errors },
        },
        preValidation: requirePermission('statistics:read'),
      },
      async (request) => getStatistics(deps, actorOf(request), request.query),
    );
    app.get(
      '/statistics/internal',
      {
        schema: {
          tags,
          summary: 'Exact figures for the case team (coordinator), marked internal; the read is audited',
          querystring: StatisticsQuerySchema,
          response: { 200: StatisticsPageSchema, ...errors },
        },
        preValidation: requirePermission('statistics:internal'),
      },
      async (request) => getInternalStatistics(deps, actorOf(request), request.query),
    );
    app.post(
      '/statistics/releases',
      {
        schema: {
          tags,
          summary: 'Publish a closed period (one year, or 3 or 5 pooled years) as a new stored release; unchanged figures make no new release (audited)',
          body: PublishStatisticsBodySchema,
          response: { 200: PublishStatisticsResultSchema, 409: ErrorResponseSchema, ...errors },
        },
        preValidation: requirePermission('statistics:publish'),
      },
      async (request) => publishStatistics(deps, actorOf(request), request.body),
    );
    app.get(
      '/statistics/export',
      {
        schema: {
          tags,
          summary: 'CSV or XLSX of one protected table, or all of them (audited)',
          querystring: StatisticsExportQuerySchema,
          response: { 200: FileSchema, ...errors },
        },
        preValidation: requirePermission('statistics:export'),
      },
      async (request, reply) => send(reply, await exportStatistics(deps, actorOf(request), request.query)),
    );
    app.get(
      '/statistics/kom',
      {
        schema: {
          tags,
          summary: "The yearly summary in KOM's categories, protected; json, csv or xlsx",
          querystring: KomSummaryQuerySchema,
          response: { 200: KomSummarySchema.or(FileSchema), ...errors },
        },
        preValidation: requirePermission('statistics:export'),
      },
      async (request, reply) => {
        if (request.query.format === 'json') return komSummary(deps, actorOf(request), request.query);
        return send(reply, await komSummaryFile(deps, actorOf(request), request.query));
      },
    );
    app.get(
      '/statistics/htcds',
      {
        schema: {
          tags,
          summary: 'HTCDS-shaped case data: coded fields only, k-anonymised by default, with a report of what was generalised (audited)',
          querystring: HtcdsExportQuerySchema,
          response: { 200: HtcdsExportSchema.or(FileSchema), ...errors },
        },
        preValidation: requirePermission('statistics:htcds'),
      },
      async (request, reply) => {
        const data = await htcdsExport(deps, actorOf(request), request.query);
        if (request.query.format === 'json') return data;
        return send(reply, htcdsCsv(data));
      },
    );
  };
}
