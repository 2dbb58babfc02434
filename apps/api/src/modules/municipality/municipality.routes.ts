import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema, MunicipalitySettingsSchema, SetMunicipalityLogoBodySchema, UpdateMunicipalityBodySchema } from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { actorOf, requirePermission } from '../../platform/http/auth.plugin';
import { getMunicipality, getMunicipalityLogo, removeMunicipalityLogo, setMunicipalityLogo, updateMunicipality } from './municipality.service';

/** The logo travels base64 in JSON: a third larger than the file, over the API's usual body limit. */
const LOGO_BODY_LIMIT = 320 * 1024;
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
    app.get(
      '/municipality/logo',
      { schema: { tags, summary: "The logo on the municipality's documents (PNG or JPEG)", response: { 200: z.any().describe('image/png or image/jpeg'), ...errors } }, preValidation: requirePermission('municipality:read') },
      async (request, reply) => {
        const logo = await getMunicipalityLogo(deps, actorOf(request));
        return reply.header('content-type', logo.contentType).header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff').send(logo.body);
      },
    );
    app.put(
      '/municipality/logo',
      { schema: { tags, summary: "Set the logo on the municipality's documents", body: SetMunicipalityLogoBodySchema, response: { 200: MunicipalitySettingsSchema, ...errors } }, bodyLimit: LOGO_BODY_LIMIT, preValidation: requirePermission('municipality:write') },
      async (request) => setMunicipalityLogo(deps, actorOf(request), request.body),
    );
    app.delete(
      '/municipality/logo',
      { schema: { tags, summary: "Remove the logo from the municipality's documents", response: { 200: MunicipalitySettingsSchema, ...errors } }, preValidation: requirePermission('municipality:write') },
      async (request) => removeMunicipalityLogo(deps, actorOf(request)),
    );
  };
}
