import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
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
  TileSourceBodySchema,
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

type App = Parameters<FastifyPluginAsyncZod>[0];
type Guard = ReturnType<typeof requirePermission>;

/** One map entry kind's create (201), change and archive routes: same guard, same error shapes, same answers. */
function entryRoutes<Body extends z.ZodType, Response extends z.ZodType>(
  app: App,
  write: Guard,
  entry: {
    path: string;
    body: Body;
    response: Response;
    summaries: [create: string, update: string, archive: string];
    create: (request: FastifyRequest, body: z.output<Body>) => Promise<z.output<Response>>;
    update: (request: FastifyRequest, id: string, body: z.output<Body>) => Promise<z.output<Response>>;
    archive: (request: FastifyRequest, id: string) => Promise<void>;
  },
): void {
  const [createSummary, updateSummary, archiveSummary] = entry.summaries;
  // Widened so the type provider does not try to resolve a generic schema; the callbacks keep the precise types.
  const body: z.ZodType = entry.body;
  const response: z.ZodType = entry.response;
  app.post(
    entry.path,
    { schema: { tags, summary: createSummary, body, response: { 201: response, ...errors } }, preValidation: write },
    async (request, reply) => reply.code(201).send(await entry.create(request, request.body as z.output<Body>)),
  );
  app.put(
    `${entry.path}/:id`,
    { schema: { tags, summary: updateSummary, params: IdParamsSchema, body, response: { 200: response, ...errors } }, preValidation: write },
    async (request) => entry.update(request, request.params.id, request.body as z.output<Body>),
  );
  app.delete(
    `${entry.path}/:id`,
    { schema: { tags, summary: archiveSummary, params: IdParamsSchema, response: { 200: Archived, ...errors } }, preValidation: write },
    async (request) => {
      await entry.archive(request, request.params.id);
      return { archived: true as const };
    },
  );
}

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

    // The tile source is the administrator's (the coordinator uses the map, the administrator chooses where its tiles come from).
    const administer = requirePermission('municipality:write');
    app.get(
      '/overview/tile-source',
      {
        schema: { tags, summary: "The map's tile source (administrator)", response: { 200: TileSourceBodySchema, ...errors } },
        preValidation: administer,
      },
      async (request) => service.getTileSource(deps, actorOf(request)),
    );
    app.put(
      '/overview/tile-source',
      {
        schema: {
          tags,
          summary: "Set or remove the map's tile source: an https URL template with {z}, {x} and {y}, its attribution and highest zoom",
          body: TileSourceBodySchema,
          response: { 200: TileSourceBodySchema, ...errors },
        },
        preValidation: administer,
      },
      async (request) => service.setTileSource(deps, actorOf(request), request.body.tileSource),
    );

    entryRoutes(app, write, {
      path: '/overview/risk-groups',
      body: RiskGroupBodySchema,
      response: RiskGroupSchema,
      summaries: ['Add a risk group', 'Change a risk group', 'Archive a risk group'],
      create: (request, body) => service.createRiskGroup(deps, actorOf(request), body),
      update: (request, id, body) => service.updateRiskGroup(deps, actorOf(request), id, body),
      archive: (request, id) => service.archiveRiskGroup(deps, actorOf(request), id),
    });
    entryRoutes(app, write, {
      path: '/overview/sites',
      body: SiteBodySchema,
      response: SiteSchema,
      summaries: ['Add a site or business', 'Change a site', 'Archive a site'],
      create: (request, body) => service.createSite(deps, actorOf(request), body),
      update: (request, id, body) => service.updateSite(deps, actorOf(request), id, body),
      archive: (request, id) => service.archiveSite(deps, actorOf(request), id),
    });
    entryRoutes(app, write, {
      path: '/overview/services',
      body: ServiceBodySchema,
      response: ServiceSchema,
      summaries: ['Add a service to the inventory', 'Change a service', 'Archive a service'],
      create: (request, body) => service.createService(deps, actorOf(request), body),
      update: (request, id, body) => service.updateService(deps, actorOf(request), id, body),
      archive: (request, id) => service.archiveService(deps, actorOf(request), id),
    });
    entryRoutes(app, write, {
      path: '/overview/patterns',
      body: PatternBodySchema,
      response: PatternSchema,
      summaries: ['Add a known pattern', 'Change a pattern', 'Archive a pattern'],
      create: (request, body) => service.createPattern(deps, actorOf(request), body),
      update: (request, id, body) => service.updatePattern(deps, actorOf(request), id, body),
      archive: (request, id) => service.archivePattern(deps, actorOf(request), id),
    });

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
