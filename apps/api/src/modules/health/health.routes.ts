import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';

const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

const ProbeSchema = z.object({ status: z.enum(['ok', 'unavailable']) });

export function healthRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    let closing = false;
    app.addHook('preClose', async () => {
      closing = true;
    });
    // Liveness: the process answers (a reverse proxy or orchestrator restarts it when this fails). No database call.
    app.get('/health/live', { schema: { tags: ['health'], summary: 'Liveness: the process is up', response: { 200: ProbeSchema } } }, async () => ({ status: 'ok' as const }));
    // Readiness: send traffic here only when the database answers and the process is not shutting down.
    app.get('/health/ready', { schema: { tags: ['health'], summary: 'Readiness: the database answers and the process is not shutting down', response: { 200: ProbeSchema, 503: ProbeSchema } } }, async (_request, reply) => {
      if (closing) return reply.code(503).send({ status: 'unavailable' as const });
      try {
        await deps.db.execute(sql`select 1`);
        return { status: 'ok' as const };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const });
      }
    });
    app.get('/health', { schema: { tags: ['health'], summary: 'Liveness and database check', response: { 200: HealthSchema, 503: HealthSchema } } }, async (_request, reply) => {
      try {
        await deps.db.execute(sql`select 1`);
        return { status: 'ok' as const, database: deps.dbKind, version: deps.config.version };
      } catch {
        return reply.code(503).send({ status: 'degraded' as const, database: deps.dbKind, version: deps.config.version });
      }
    });
  };
}
