import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponseSchema, MunicipalitySettingsSchema, UpdateMunicipalityBodySchema } from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { actorOf, requirePermission } from '../../platform/http/auth.plugin';
import { getMunicipality, updateMunicipality } from './municipality.service';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema };
const tags = ['municipality'];

export function municipalityRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/municipality',
      { schema: { tags, summary: "The municipality's settings", response: { 200: MunicipalitySettingsSchema, ...errors } }, preValidation: requirePermission('municipality:read') },
      async (request) => getMunicipality(deps, actorOf(request)),
    );
    app.patch(
      '/municipality',
      { schema: { tags, summary: 'Change name, languages or MFA policy', body: UpdateMunicipalityBodySchema, response: { 200: MunicipalitySettingsSchema, ...errors } }, preValidation: requirePermission('municipality:write') },
      async (request) => updateMunicipality(deps, actorOf(request), request.body),
    );
  };
}
