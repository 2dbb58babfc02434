import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CheckBodySchema,
  CheckResultBodySchema,
  CloseContractBodySchema,
  ContractBodySchema,
  ContractListSchema,
  ContractSchema,
  DeclarationBodySchema,
  DeclarationLinkSchema,
  ErrorResponseSchema,
  FindingBodySchema,
  FindingConcernBodySchema,
  FindingUpdateBodySchema,
  IdParamsSchema,
  MeasureLinkBodySchema,
  ProcurementFiguresSchema,
  ProcurementMeasureListSchema,
  RequirementBodySchema,
  RiskOverrideBodySchema,
  StatisticsReleaseInfoSchema,
  SubcontractorBodySchema,
  TemplateBodySchema,
  TemplateSchema,
} from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { actorOf, requirePermission } from '../../platform/http/auth.plugin';
import * as declarations from './procurement.declarations';
import * as followUp from './procurement.follow-up';
import * as planLinks from './procurement.plan-links';
import * as service from './procurement.service';
import { figuresCsv, figuresForYear } from './procurement.statistics';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['procurement'];
const LangQuerySchema = z.object({ lang: z.enum(['nb', 'en']).default('nb').describe('Language of the shipped template texts') });
const CheckParams = IdParamsSchema.extend({ checkId: z.uuid() });
const FindingParams = IdParamsSchema.extend({ findingId: z.uuid() });
const RequirementParams = IdParamsSchema.extend({ requirementId: z.uuid() });
const SubParams = IdParamsSchema.extend({ subId: z.uuid() });
const DeclarationParams = IdParamsSchema.extend({ declarationId: z.uuid() });
const MeasureParams = IdParamsSchema.extend({ measureId: z.uuid() });
const YearQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).describe('Calendar year') });
const FiguresSchema = z.object({
  year: z.number().int(),
  threshold: z.number().int().describe('Counts below this are withheld'),
  noiseMax: z.number().int().describe('The largest noise (D) the cell-key method adds or takes away'),
  release: StatisticsReleaseInfoSchema.nullable().describe('The statistics release the figures are read from'),
  inRelease: z.boolean().describe('false: that release was published before procurement was part of the statistics; publish a new release'),
  figures: z.record(z.enum(Object.keys(ProcurementFiguresSchema.shape) as [string, ...string[]]), z.number().int().nullable()).describe('Each count, null when withheld'),
});

/** Contracts, suppliers, checklists, checks, findings and self-declaration links (procurement officer and coordinator). */
export function procurementRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const read = requirePermission('procurement:read');
    const write = requirePermission('procurement:write');

    app.get('/procurement/contracts', { schema: { tags, summary: "The municipality's contracts with risk and follow-up counts", response: { 200: ContractListSchema, ...errors } }, preValidation: read }, async (request) =>
      service.findContracts(deps, actorOf(request)),
    );
    app.post(
      '/procurement/contracts',
      { schema: { tags, summary: 'Register a contract; its checklist comes from the template', querystring: LangQuerySchema, body: ContractBodySchema, response: { 201: ContractSchema, ...errors } }, preValidation: write },
      async (request, reply) => reply.code(201).send(await service.createContract(deps, actorOf(request), request.body, request.query.lang)),
    );
    app.get('/procurement/contracts/:id', { schema: { tags, summary: 'One contract with its chain, checklist, checks and findings (the read is audited)', params: IdParamsSchema, response: { 200: ContractSchema, ...errors } }, preValidation: read }, async (request) =>
      service.getContract(deps, actorOf(request), request.params.id),
    );
    app.put('/procurement/contracts/:id', { schema: { tags, summary: 'Change a contract', params: IdParamsSchema, body: ContractBodySchema, response: { 200: ContractSchema, ...errors } }, preValidation: write }, async (request) =>
      service.updateContract(deps, actorOf(request), request.params.id, request.body),
    );
    app.put('/procurement/contracts/:id/risk', { schema: { tags, summary: 'Set or clear the risk level by hand, with a reason', params: IdParamsSchema, body: RiskOverrideBodySchema, response: { 200: ContractSchema, ...errors } }, preValidation: write }, async (request) =>
      service.overrideRisk(deps, actorOf(request), request.params.id, request.body),
    );
    app.post('/procurement/contracts/:id/close', { schema: { tags, summary: 'Close a contract', params: IdParamsSchema, body: CloseContractBodySchema, response: { 200: ContractSchema, ...errors } }, preValidation: write }, async (request) =>
      service.closeContract(deps, actorOf(request), request.params.id, request.body.note),
    );
    app.post('/procurement/contracts/:id/subcontractors', { schema: { tags, summary: 'Add a subcontractor to the chain', params: IdParamsSchema, body: SubcontractorBodySchema, response: { 200: ContractSchema, ...errors } }, preValidation: write }, async (request) =>
      service.addSubcontractor(deps, actorOf(request), request.params.id, request.body),
    );
    app.delete('/procurement/contracts/:id/subcontractors/:subId', { schema: { tags, summary: 'Remove a subcontractor and those under it', params: SubParams, response: { 200: ContractSchema, ...errors } }, preValidation: write }, async (request) =>
      service.removeSubcontractor(deps, actorOf(request), request.params.id, request.params.subId),
    );
    app.put(
      '/procurement/contracts/:id/requirements/:requirementId',
      { schema: { tags, summary: "Mark a checklist requirement", params: RequirementParams, body: RequirementBodySchema, response: { 200: ContractSchema, ...errors } }, preValidation: write },
      async (request) => service.updateRequirement(deps, actorOf(request), request.params.id, request.params.requirementId, request.body.status),
    );
    app.post('/procurement/contracts/:id/checks', { schema: { tags, summary: 'Plan a check', params: IdParamsSchema, body: CheckBodySchema, response: { 200: ContractSchema, ...errors } }, preValidation: write }, async (request) =>
      followUp.planCheck(deps, actorOf(request), request.params.id, request.body),
    );
    app.put('/procurement/contracts/:id/checks/:checkId', { schema: { tags, summary: 'Record what a check saw and its outcome', params: CheckParams, body: CheckResultBodySchema, response: { 200: ContractSchema, ...errors } }, preValidation: write }, async (request) =>
      followUp.recordCheck(deps, actorOf(request), request.params.id, request.params.checkId, request.body),
    );
    app.post('/procurement/contracts/:id/findings', { schema: { tags, summary: 'Add a finding of a done check', params: IdParamsSchema, body: FindingBodySchema, response: { 200: ContractSchema, ...errors } }, preValidation: write }, async (request) =>
      followUp.createFinding(deps, actorOf(request), request.params.id, request.body),
    );
    app.put('/procurement/contracts/:id/findings/:findingId', { schema: { tags, summary: 'Set deadline and sanction, or close a finding', params: FindingParams, body: FindingUpdateBodySchema, response: { 200: ContractSchema, ...errors } }, preValidation: write }, async (request) =>
      followUp.updateFinding(deps, actorOf(request), request.params.id, request.params.findingId, request.body),
    );
    app.post(
      '/procurement/contracts/:id/findings/:findingId/concern',
      { schema: { tags, summary: 'Start a concern from a finding with signs of trafficking (site and supplier linked, no personal data)', params: FindingParams, querystring: LangQuerySchema, body: FindingConcernBodySchema, response: { 200: ContractSchema, ...errors } }, preValidation: write },
      async (request) => followUp.startConcernFromFinding(deps, actorOf(request), request.params.id, request.params.findingId, request.body, request.query.lang),
    );
    app.post('/procurement/contracts/:id/declarations', { schema: { tags, summary: 'Create a self-declaration link for the supplier (shown once)', params: IdParamsSchema, body: DeclarationBodySchema, response: { 201: DeclarationLinkSchema, ...errors } }, preValidation: write }, async (request, reply) =>
      reply.code(201).send(await declarations.createDeclaration(deps, actorOf(request), request.params.id, request.body)),
    );
    app.delete('/procurement/contracts/:id/declarations/:declarationId', { schema: { tags, summary: 'Withdraw an unused self-declaration link', params: DeclarationParams, response: { 200: ContractSchema, ...errors } }, preValidation: write }, async (request) =>
      declarations.revokeDeclaration(deps, actorOf(request), request.params.id, request.params.declarationId),
    );
    app.get('/procurement/measures', { schema: { tags, summary: 'Measures of the plan area for procurement (H) with the checks of their linked contracts', response: { 200: ProcurementMeasureListSchema, ...errors } }, preValidation: read }, async (request) =>
      planLinks.listProcurementMeasures(deps, actorOf(request)),
    );
    app.post('/procurement/contracts/:id/measures', { schema: { tags, summary: 'Link a plan measure (area H) whose progress follows the checks', params: IdParamsSchema, body: MeasureLinkBodySchema, response: { 200: ContractSchema, ...errors } }, preValidation: write }, async (request) =>
      planLinks.linkMeasure(deps, actorOf(request), request.params.id, request.body.measureId),
    );
    app.delete('/procurement/contracts/:id/measures/:measureId', { schema: { tags, summary: 'Unlink a plan measure', params: MeasureParams, response: { 200: ContractSchema, ...errors } }, preValidation: write }, async (request) =>
      planLinks.unlinkMeasure(deps, actorOf(request), request.params.id, request.params.measureId),
    );
    app.get('/procurement/template', { schema: { tags, summary: "The municipality's requirement template", querystring: LangQuerySchema, response: { 200: TemplateSchema, ...errors } }, preValidation: read }, async (request) =>
      service.getTemplate(deps, actorOf(request), request.query.lang),
    );
    app.put('/procurement/template', { schema: { tags, summary: 'Replace the requirement template', querystring: LangQuerySchema, body: TemplateBodySchema, response: { 200: TemplateSchema, ...errors } }, preValidation: write }, async (request) =>
      service.updateTemplate(deps, actorOf(request), request.body, request.query.lang),
    );
    app.get(
      '/procurement/figures',
      { schema: { tags, summary: "Procurement figures for a closed calendar year from its statistics release (noise, small counts withheld)", querystring: YearQuerySchema, response: { 200: FiguresSchema, ...errors } }, preValidation: requirePermission('statistics:read') },
      async (request) => figuresForYear(deps, actorOf(request), request.query.year),
    );
    app.get(
      '/procurement/figures.csv',
      { schema: { tags, summary: 'The same counts as CSV (export)', querystring: YearQuerySchema.extend({ lang: z.enum(['nb', 'en']).default('nb') }), response: { 200: z.any().describe('text/csv'), 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 409: ErrorResponseSchema } }, preValidation: requirePermission('statistics:export') },
      async (request, reply) => {
        const file = await figuresCsv(deps, actorOf(request), request.query.year, request.query.lang);
        return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
      },
    );
  };
}
