import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type TestHarness } from '../../../test/harness';

const TOKEN = 'a'.repeat(40);
let h: TestHarness;
let off: TestHarness;
beforeAll(async () => {
  h = await createHarness({ metricsToken: TOKEN });
  off = await createHarness();
});
afterAll(async () => {
  await h.close();
  await off.close();
});

describe('metrics and probes', () => {
  it('serves Prometheus metrics only to the bearer of LYKT_METRICS_TOKEN, with routes as patterns', async () => {
    await h.app.inject({ method: 'GET', url: '/api/v1/cases/00000000-0000-4000-8000-000000000000' });
    expect((await h.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${'b'.repeat(40)}` } })).statusCode).toBe(404);
    const response = await h.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('lykt_http_request_duration_seconds_bucket');
    expect(response.body).toContain('route="/api/v1/cases/:id"');
    expect(response.body).not.toContain('00000000-0000-4000-8000-000000000000');
    expect(response.body).toContain('lykt_db_ping_seconds');
  });

  it('counts requests per route and status and times them in a cumulative histogram', async () => {
    const url = '/api/v1/plans/00000000-0000-4000-8000-000000000000';
    for (let i = 0; i < 3; i += 1) await h.app.inject({ method: 'GET', url });
    const body = (await h.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).body;
    const route = 'route="/api/v1/plans/:id"';
    const line = (prefix: string) => body.split('\n').filter((row) => row.startsWith(prefix) && row.includes(route));
    expect(line('lykt_http_requests_total{')).toEqual([`lykt_http_requests_total{method="GET",${route},status="401"} 3`]);
    expect(line('lykt_http_request_duration_seconds_count{')).toEqual([`lykt_http_request_duration_seconds_count{method="GET",${route}} 3`]);
    const buckets = line('lykt_http_request_duration_seconds_bucket{').map((row) => Number(row.split(' ').pop()));
    expect(buckets).toHaveLength(12);
    expect(buckets.at(-1)).toBe(3);
    expect(buckets.every((value, index) => index === 0 || value >= (buckets[index - 1] ?? 0))).toBe(true);
    expect(line('lykt_http_request_duration_seconds_bucket{').at(-1)).toContain('le="+Inf"');
    const sum = Number(line('lykt_http_request_duration_seconds_sum{')[0]?.split(' ').pop());
    expect(sum).toBeGreaterThan(0);
    expect(sum).toBeLessThan(30);
    expect(body).toMatch(/# TYPE lykt_http_request_duration_seconds histogram/);
    expect(body).toMatch(/# TYPE lykt_http_requests_total counter/);
  });

  it('has no metrics endpoint without the setting', async () => {
    expect((await off.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(404);
  });

  it('answers liveness without the database and readiness with it', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/health/live' })).json()).toEqual({ status: 'ok' });
    const ready = await h.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok' });
  });
});
