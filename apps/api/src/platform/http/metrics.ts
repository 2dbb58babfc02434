import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Deps } from '../deps';
import type { JobReport } from '../jobs/jobs';
import { sendNotFound } from './errors.plugin';

/** The pool size openDatabase gives an API process on PostgreSQL. */
const POSTGRES_POOL_SIZE = 10;

/**
 * Prometheus metrics of this process: requests per route (the route's pattern, never its ids or
 * query), job runs, the database pool and Node's own figures. No labels carry personal data.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'lykt_' });

const requests = new Counter({ name: 'lykt_http_requests_total', help: 'HTTP requests by route pattern, method and status', labelNames: ['method', 'route', 'status'], registers: [registry] });
const latency = new Histogram({
  name: 'lykt_http_request_duration_seconds',
  help: 'HTTP request duration by route pattern and method',
  labelNames: ['method', 'route'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});
const jobRuns = new Counter({ name: 'lykt_job_runs_total', help: 'Scheduled job runs by job and outcome (succeeded, failed, skipped)', labelNames: ['job', 'outcome'], registers: [registry] });
const jobDuration = new Histogram({ name: 'lykt_job_duration_seconds', help: 'Scheduled job run time', labelNames: ['job'], buckets: [0.1, 1, 10, 60, 300, 1800], registers: [registry] });
const jobLastSuccess = new Gauge({ name: 'lykt_job_last_success_timestamp_seconds', help: 'When each job last succeeded in this process', labelNames: ['job'], registers: [registry] });

/** Counts a job run (called by the job runners through main.ts). */
export function recordJobRun(report: JobReport): void {
  jobRuns.inc({ job: report.name, outcome: report.outcome });
  if (report.outcome === 'skipped') return;
  jobDuration.observe({ job: report.name }, report.durationMs / 1000);
  if (report.outcome === 'succeeded') jobLastSuccess.set({ job: report.name }, Date.now() / 1000);
}

function tokenMatches(header: string | undefined, token: string): boolean {
  if (!header?.startsWith('Bearer ')) return false;
  // Hash both sides so the comparison takes the same time whatever the length.
  const given = createHash('sha256').update(header.slice(7)).digest();
  const wanted = createHash('sha256').update(token).digest();
  return timingSafeEqual(given, wanted);
}

/**
 * Times every request, and serves GET /metrics to a scraper that sends LYKT_METRICS_TOKEN as a
 * bearer token. Without the setting the endpoint does not exist (404), and a wrong token gets 404 too.
 */
export function registerMetrics(app: FastifyInstance, deps: Deps): void {
  const pool = new Gauge({
    name: 'lykt_db_pool_connections',
    help: 'Database connections this process may open (PGlite: 1)',
    registers: [],
  });
  pool.set(deps.dbKind === 'pglite' ? 1 : POSTGRES_POOL_SIZE);
  const ping = new Gauge({ name: 'lykt_db_ping_seconds', help: 'Round trip of select 1 at scrape time (includes waiting for a free pooled connection)', registers: [] });
  const scrapeRegistry = Registry.merge([registry, new Registry()]);
  scrapeRegistry.registerMetric(pool);
  scrapeRegistry.registerMetric(ping);

  // The labelled series per route, method and status, looked up once: prom-client hashes the label
  // object on every inc/observe, which costs more than the counting itself on a fast route.
  const series = new Map<string, { count: Counter.Internal; time: Histogram.Internal<'method' | 'route'> }>();
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return done();
    const method = request.method;
    const status = reply.statusCode;
    const key = `${method} ${status} ${route}`;
    let found = series.get(key);
    if (!found) {
      found = { count: requests.labels({ method, route, status: String(status) }), time: latency.labels({ method, route }) };
      series.set(key, found);
    }
    found.count.inc();
    found.time.observe(reply.elapsedTime / 1000);
    done();
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!deps.config.metricsToken || !tokenMatches(request.headers.authorization, deps.config.metricsToken)) {
      return sendNotFound(reply);
    }
    const started = performance.now();
    try {
      await deps.db.execute(sql`select 1`);
      ping.set((performance.now() - started) / 1000);
    } catch {
      ping.set(-1);
    }
    return reply.header('content-type', scrapeRegistry.contentType).header('cache-control', 'no-store').send(await scrapeRegistry.metrics());
  });
}
