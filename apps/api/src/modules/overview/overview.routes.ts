import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ConcernBodySchema,
  ErrorResponseSchema,
  IdParamsSchema,
  InspectionBodySchema,
  MapSchema,
  MapSettingsBodySchema,
  MaturityBodySchema,
  MaturitySchema,
  PatternBodySchema,
  PatternSchema,
  RiskGroupBodySchema,
  RiskGroupSchema,
  ServiceBodySchema,
  ServiceSchema,
  SiteBodySchema,
  SiteLinkBodySchema,
  SiteSchema,
} from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { actorOf, requirePermission } from '../../platform/http/auth.plugin';
import { getMaturity, rateMaturity } from './maturity.service';
import * as service from './overview.service';

const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  409: ErrorResponseSchema,
};
const tags = ['overview'];
const InspectionParamsSchema = z.object({
  id: z.uuid().describe('Site id'),
  inspectionId: z.uuid().describe('Inspection id'),
});
const Archived = z.object({ archived: z.literal(true) });

export function overviewRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const read = requirePermission('overview:read');
    const write = requirePermission('overview:write');
    app.get(
      '/overview/map',
      {
        schema: {
          tags,
          summary: 'The local situation map',
          response: { 200: MapSchema, ...errors },
        },
        preValidation: read,
      },
      async (request) => service.getMap(deps, actorOf(request)),
    );
    app.put(
      '/overview/settings',
      {
        schema: {
          tags,
          summary: 'Whether partners may read the map',
          body: MapSettingsBodySchema,
          response: { 200: MapSettingsBodySchema, ...errors },
        },
        preValidation: write,
      },
      async (request) => service.setMapSettings(deps, actorOf(request), request.body.partnersMayRead),
    );

    app.post(
      '/overview/risk-groups',
      {
        schema: {
          tags,
          summary: 'Add a risk group',
          body: RiskGroupBodySchema,
          response: { 201: RiskGroupSchema, ...errors },
        },
        preValidation: write,
      },
      async (request, reply) => reply.code(201).send(await service.createRiskGroup(deps, actorOf(request), request.body)),
    );
    app.put(
      '/overview/risk-groups/:id',
      {
        schema: {
          tags,
          summary: 'Change a risk group',
          params: IdParamsSchema,
          body: RiskGroupBodySchema,
          response: { 200: RiskGroupSchema, ...errors },
        },
        preValidation: write,
      },
      async (request) => service.updateRiskGroup(deps, actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/overview/risk-groups/:id',
      {
        schema: {
          tags,
          summary: 'Archive a risk group',
          params: IdParamsSchema,
          response: { 200: Archived, ...errors },
        },
        preValidation: write,
      },
      async (request) => {
        await service.archiveRiskGroup(deps, actorOf(request), request.params.id);
        return { archived: true as const };
      },
    );

    app.post(
      '/overview/sites',
      {
        schema: {
          tags,
          summary: 'Add a site or business',
          body: SiteBodySchema,
          response: { 201: SiteSchema, ...errors },
        },
        preValidation: write,
      },
      async (request, reply) => reply.code(201).send(await service.createSite(deps, actorOf(request), request.body)),
    );
    app.get(
      '/overview/sites/:id',
      {
        schema: {
          tags,
          summary: 'One site with inspections and links (the read is audited)',
          params: IdParamsSchema,
          response: { 200: SiteSchema, ...errors },
        },
        preValidation: read,
      },
      async (request) => service.getSite(deps, actorOf(request), request.params.id),
    );
    app.put(
      '/overview/sites/:id',
      {
        schema: {
          tags,
          summary: 'Change a site',
          params: IdParamsSchema,
          body: SiteBodySchema,
          response: { 200: SiteSchema, ...errors },
        },
        preValidation: write,
      },
      async (request) => service.updateSite(deps, actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/overview/sites/:id',
      {
        schema: {
          tags,
          summary: 'Archive a site',
          params: IdParamsSchema,
          response: { 200: Archived, ...errors },
        },
        preValidation: write,
      },
      async (request) => {
        await service.archiveSite(deps, actorOf(request), request.params.id);
        return { archived: true as const };
      },
    );
    app.post(
      '/overview/sites/:id/inspections',
      {
        schema: {
          tags,
          summary: 'Record an inspection of a site',
          params: IdParamsSchema,
          body: InspectionBodySchema,
          response: { 201: SiteSchema, ...errors },
        },
        preValidation: write,
      },
      async (request, reply) => reply.code(201).send(await service.addInspection(deps, actorOf(request), request.params.id, request.body)),
    );
    app.post(
      '/overview/sites/:id/links',
      {
        schema: {
          tags,
          summary: 'Link a site to a concern or a tip',
          params: IdParamsSchema,
          body: SiteLinkBodySchema,
          response: { 200: SiteSchema, ...errors },
        },
        preValidation: write,
      },
      async (request) => service.linkSite(deps, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/overview/sites/:id/inspections/:inspectionId/concern',
      {
        schema: {
          tags,
          summary: 'Start a concern from an inspection finding (linked to the inspection and the site)',
          params: InspectionParamsSchema,
          body: ConcernBodySchema,
          response: { 201: SiteSchema, ...errors },
        },
        preValidation: write,
      },
      async (request, reply) => reply.code(201).send(await service.startConcernFromInspection(deps, actorOf(request), request.params.id, request.params.inspectionId, request.body)),
    );

    app.post(
      '/overview/services',
      {
        schema: {
          tags,
          summary: 'Add a service to the inventory',
          body: ServiceBodySchema,
          response: { 201: ServiceSchema, ...errors },
        },
        preValidation: write,
      },
      async (request, reply) => reply.code(201).send(await service.createService(deps, actorOf(request), request.body)),
    );
    app.put(
      '/overview/services/:id',
      {
        schema: {
          tags,
          summary: 'Change a service',
          params: IdParamsSchema,
          body: ServiceBodySchema,
          response: { 200: ServiceSchema, ...errors },
        },
        preValidation: write,
      },
      async (request) => service.updateService(deps, actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/overview/services/:id',
      {
        schema: {
          tags,
          summary: 'Archive a service',
          params: IdParamsSchema,
          response: { 200: Archived, ...errors },
        },
        preValidation: write,
      },
      async (request) => {
        await service.archiveService(deps, actorOf(request), request.params.id);
        return { archived: true as const };
      },
    );

    app.post(
      '/overview/patterns',
      {
        schema: {
          tags,
          summary: 'Add a known pattern',
          body: PatternBodySchema,
          response: { 201: PatternSchema, ...errors },
        },
        preValidation: write,
      },
      async (request, reply) => reply.code(201).send(await service.createPattern(deps, actorOf(request), request.body)),
    );
    app.put(
      '/overview/patterns/:id',
      {
        schema: {
          tags,
          summary: 'Change a pattern',
          params: IdParamsSchema,
          body: PatternBodySchema,
          response: { 200: PatternSchema, ...errors },
        },
        preValidation: write,
      },
      async (request) => service.updatePattern(deps, actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/overview/patterns/:id',
      {
        schema: {
          tags,
          summary: 'Archive a pattern',
          params: IdParamsSchema,
          response: { 200: Archived, ...errors },
        },
        preValidation: write,
      },
      async (request) => {
        await service.archivePattern(deps, actorOf(request), request.params.id);
        return { archived: true as const };
      },
    );

    app.get(
      '/overview/maturity',
      {
        schema: {
          tags,
          summary: 'Maturity self-assessments, every year',
          response: { 200: MaturitySchema, ...errors },
        },
        preValidation: read,
      },
      async (request) => getMaturity(deps, actorOf(request)),
    );
    app.put(
      '/overview/maturity',
      {
        schema: {
          tags,
          summary: "Record a year's maturity levels per plan area",
          body: MaturityBodySchema,
          response: { 200: MaturitySchema, ...errors },
        },
        preValidation: write,
      },
      async (request) => rateMaturity(deps, actorOf(request), request.body),
    );
  };
}
