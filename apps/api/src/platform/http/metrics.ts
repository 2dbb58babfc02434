import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type Metric } from 'prom-client';
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

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** One route and method: requests by status, and the latency histogram (counts per bucket, not yet cumulative). */
type RouteTally = { method: string; route: string; byStatus: Map<number, number>; buckets: number[]; sum: number; count: number };
const tallies = new Map<string, RouteTally>();

/**
 * Counts a finished request. prom-client hashes the label object on every inc and observe (even
 * through `labels()`), which cost about 1.7 µs of a 34 µs request in a CPU profile of GET /me; the
 * request counter and latency histogram are plain tallies here, turned into Prometheus series at
 * scrape time by the two metrics below.
 */
function countRequest(method: string, route: string, status: number, seconds: number): void {
  const key = `${method} ${route}`;
  let tally = tallies.get(key);
  if (!tally) {
    tally = { method, route, byStatus: new Map(), buckets: new Array<number>(LATENCY_BUCKETS.length + 1).fill(0), sum: 0, count: 0 };
    tallies.set(key, tally);
  }
  tally.byStatus.set(status, (tally.byStatus.get(status) ?? 0) + 1);
  let bucket = 0;
  while (bucket < LATENCY_BUCKETS.length && seconds > (LATENCY_BUCKETS[bucket] ?? Infinity)) bucket += 1;
  tally.buckets[bucket] = (tally.buckets[bucket] ?? 0) + 1;
  tally.sum += seconds;
  tally.count += 1;
}

type MetricValue = { labels: Record<string, string | number>; value: number; metricName?: string };

/** A metric prom-client's registry formats like its own (the registry asks any registered metric for get()). */
function talliedMetric(name: string, help: string, type: 'counter' | 'histogram', values: () => MetricValue[]): Metric {
  const get = async () => ({ name, help, type, aggregator: 'sum' as const, values: values() });
  return { name, help, type, aggregator: 'sum', get, reset: () => tallies.clear() } as unknown as Metric;
}

registry.registerMetric(
  talliedMetric('lykt_http_requests_total', 'HTTP requests by route pattern, method and status', 'counter', () =>
    [...tallies.values()].flatMap((tally) => [...tally.byStatus].map(([status, value]) => ({ labels: { method: tally.method, route: tally.route, status: String(status) }, value }))),
  ),
);
registry.registerMetric(
  talliedMetric('lykt_http_request_duration_seconds', 'HTTP request duration by route pattern and method', 'histogram', () =>
    [...tallies.values()].flatMap((tally) => {
      const labels = { method: tally.method, route: tally.route };
      let cumulative = 0;
      const buckets = tally.buckets.map((count, index) => {
        cumulative += count;
        return { labels: { ...labels, le: LATENCY_BUCKETS[index] ?? '+Inf' }, value: cumulative, metricName: 'lykt_http_request_duration_seconds_bucket' };
      });
      return [
        ...buckets,
        { labels, value: tally.sum, metricName: 'lykt_http_request_duration_seconds_sum' },
        { labels, value: tally.count, metricName: 'lykt_http_request_duration_seconds_count' },
      ];
    }),
  ),
);
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

  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route !== '/metrics') countRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
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
