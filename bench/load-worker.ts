import autocannon from 'autocannon';

/**
 * The load generator as its own process, so the server under test does not share its event loop
 * (and its CPU time) with the client. Reads one JSON job from argv and prints one JSON line:
 * `{ requestsPerSecond, p50, p99, errors, non2xx }`.
 */
type Job = { url: string; headers: Record<string, string>; seconds: number; connections: number };

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
await autocannon({ url: job.url, headers: job.headers, connections: job.connections, duration: 1 });
const result = await autocannon({ url: job.url, headers: job.headers, connections: job.connections, duration: job.seconds });
process.stdout.write(
  `${JSON.stringify({ requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx })}\n`,
);
process.exit(0);
