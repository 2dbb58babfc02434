import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { DestinationStream } from 'pino';
import type { Deps } from './platform/deps';
import { sharedRateLimitStore } from './platform/cluster/rate-limit';
import { registerAuth } from './platform/http/auth.plugin';
import { registerMetrics } from './platform/http/metrics';
import { registerErrorHandling, sendNotFound } from './platform/http/errors.plugin';
import { loggerOptions } from './platform/http/logging';
import { registerSecurity } from './platform/http/security.plugin';
import { registerTextIntegrity } from './platform/http/text-integrity';
import { registerOpenApiComponents } from './platform/http/openapi-components';
import { auditRoutes } from './modules/audit/audit.routes';
import { cooperationRoutes } from './modules/cooperation/cooperation.routes';
import { planRoutes } from './modules/plans/plans.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { passkeyRoutes } from './modules/auth/passkeys/passkey.routes';
import { healthRoutes } from './modules/health/health.routes';
import { municipalityRoutes } from './modules/municipality/municipality.routes';
import { contentSourceRoutes } from './modules/content/content-sources.routes';
import { organisationRoutes } from './modules/organisations/organisation.routes';
import { userRoutes } from './modules/users/user.routes';
import { concernRoutes } from './modules/concerns/concern.routes';
import { pathwayRoutes } from './modules/pathway/pathway.routes';
import { caseRoutes } from './modules/cases/case.routes';
import { referralRoutes } from './modules/cases/referral.routes';
import { screeningRoutes } from './modules/screening/screening.routes';
import { tipsRoutes } from './modules/tips/tips.routes';
import { knowledgeRoutes } from './modules/knowledge/knowledge.routes';
import { trainingRoutes } from './modules/training/training.routes';
import { reportsRoutes } from './modules/reports/reports.routes';
import { publicRoutes } from './public/public.routes';
import { procurementRoutes } from './modules/procurement/procurement.routes';
import { declarationRoutes } from './public/declaration.routes';
import { statisticsRoutes } from './modules/statistics/statistics.routes';
import { overviewRoutes } from './modules/overview/overview.routes';
import { mapTileOrigins } from './modules/overview/tile-origins';
import { prevalenceRoutes } from './modules/prevalence/prevalence.routes';
import { downloadRoutes } from './modules/downloads/downloads.routes';
import { notificationRoutes } from './modules/notifications/notification.routes';
import { homeRoutes } from './modules/home/home.routes';
import { renderPool } from './platform/documents/render-pool';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
const BODY_LIMIT_BYTES = 256 * 1024;

export type BuildAppOptions = {
  /** Where logs go (tests capture them); stdout when omitted. */
  logStream?: DestinationStream;
  /** Serve the built staff app from apps/web/dist when it exists. */
  serveWeb?: boolean;
};

/** Builds the HTTP server: platform first, then the modules under /api/v1. */
export async function buildApp(deps: Deps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const logger = options.logStream
    ? { ...loggerOptions(deps.config.logLevel), stream: options.logStream }
    : loggerOptions(deps.config.logLevel);
  const app = Fastify({
    logger,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  // Documents render in worker threads with these limits (LYKT_RENDER_*; platform/documents/render-pool.ts).
  renderPool.configure(deps.config.render);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  registerErrorHandling(app);
  registerTextIntegrity(app);
  await registerSecurity(app, deps, { staffAppOrigins: () => mapTileOrigins(deps.db) });
  // Every text response is compressed (Brotli, else gzip) when the client accepts it; binary
  // downloads (PDF, DOCX, XLSX, PNG, fonts) are left alone by their media type.
  await app.register(compress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } },
  });
  await app.register(cookie);
  // Login attempts are limited per client address, counted in the database so every process shares the
  // limit; the address is kept only as a per-window keyed hash (platform/cluster/rate-limit.ts), never logged.
  await app.register(rateLimit, { global: false, store: sharedRateLimitStore(deps) });
  registerAuth(app, deps);

  registerOpenApiComponents();
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lykt API',
        description: 'The API of Lykt. Every state-changing request needs an Origin header from the same site and a session cookie from /api/v1/auth/login.',
        version: deps.config.version,
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lykt_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // The docs page replaces helmet's CSP with its own: keep frame-ancestors 'none', allow nothing
    // from other hosts, and do not upgrade to HTTPS (the embedded mode serves plain HTTP on localhost).
    transformStaticCSP: (header) =>
      header
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
        .replace(/upgrade-insecure-requests;?/, '')
        .replace(/ validator\.swagger\.io/, '')
        .replace(/ https:/g, ''),
    // Operations stay folded until opened: the document has hundreds of them, and rendering them all
    // made the page take seconds on a busy machine.
    uiConfig: { docExpansion: 'none', validatorUrl: null },
  });

  registerMetrics(app, deps);
  await app.register(healthRoutes(deps), { prefix: '/api' });
  await app.register(
    async (v1) => {
      await v1.register(authRoutes(deps));
      await v1.register(passkeyRoutes(deps));
      await v1.register(userRoutes(deps));
      await v1.register(organisationRoutes(deps));
      await v1.register(municipalityRoutes(deps));
      await v1.register(contentSourceRoutes());
      await v1.register(auditRoutes(deps));
      await v1.register(tipsRoutes(deps));
      await v1.register(planRoutes(deps));
      await v1.register(cooperationRoutes(deps));
      await v1.register(screeningRoutes(deps));
      await v1.register(concernRoutes(deps));
      await v1.register(pathwayRoutes(deps));
      await v1.register(knowledgeRoutes(deps));
      await v1.register(trainingRoutes(deps));
      await v1.register(reportsRoutes(deps));
      await v1.register(caseRoutes(deps));
      await v1.register(referralRoutes(deps));
      await v1.register(statisticsRoutes(deps));
      await v1.register(overviewRoutes(deps));
      await v1.register(prevalenceRoutes(deps));
      await v1.register(notificationRoutes(deps));
      await v1.register(procurementRoutes(deps));
      await v1.register(homeRoutes(deps));
      await v1.register(downloadRoutes(deps));
    },
    { prefix: '/api/v1' },
  );
  // The document is built once (fastify-swagger caches it; main.ts builds it at start) and sent as one string.
  let openApiJson: string | undefined;
  app.get('/api/openapi.json', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('application/json; charset=utf-8').send((openApiJson ??= JSON.stringify(app.swagger()))),
  );

  const hasWeb = (options.serveWeb ?? true) && fs.existsSync(`${WEB_DIST}/index.html`);
  if (hasWeb) {
    // The build writes .br and .gz beside every text asset; they are sent as they are.
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/app/', index: ['index.html'], wildcard: false, preCompressed: true });
  }
  // The public pages and the anonymous tip form: / negotiates the language, /{lang}/... serves them.
  await app.register(declarationRoutes(deps));
  await app.register(publicRoutes(deps));

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (hasWeb && request.method === 'GET' && (path === '/app' || path.startsWith('/app/'))) {
      if (path === '/app') return reply.redirect('/app/');
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return sendNotFound(reply);
  });
  return app;
}
