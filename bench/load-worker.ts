import fs from 'node:fs';
import autocannon from 'autocannon';
import { figuresOf, type Stream, type StreamResult, type Variant } from './figures';

/**
 * The load generator as its own process, so the server under test does not share its event loop
 * (and its CPU time) with the client. Reads one JSON job from argv and prints one JSON line.
 *
 * - A single job `{ url, headers, seconds, connections }` prints `{ requestsPerSecond, p50, p99, errors, non2xx }`.
 * - A mixed load `{ mix: [stream…], seconds }` runs every stream at the same time (warm-up of one
 *   second first) and prints one such object per stream, with `statusCodes`. A stream spreads its
 *   connections over `urls` (one per server process) and takes each request's path and headers
 *   from `variants` in turn (many users, many municipalities).
 */
type Job = { url: string; headers: Record<string, string>; seconds: number; connections: number };

type MixJob = { mix: Stream[]; seconds: number };

function runStream(stream: Stream, seconds: number, counter: { next: number }): Promise<autocannon.Result> {
  let turn = 0;
  const url = stream.urls.length === 1 ? stream.urls[0] : stream.urls;
  return autocannon({
    // autocannon spreads connections over an array of URLs (its types name a string only).
    url: url as string,
    connections: stream.connections,
    duration: seconds,
    method: stream.method ?? 'GET',
    headers: stream.headers ?? {},
    ...(stream.body !== undefined ? { body: stream.body } : {}),
    requests: [
      {
        setupRequest: (request) => {
          const variant = stream.variants[turn % stream.variants.length] as Variant;
          turn += 1;
          const address = stream.forwardedFor ? (counter.next += 1) : 0;
          const forwarded = stream.forwardedFor ? { 'x-forwarded-for': `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}` } : {};
          return { ...request, path: variant.path, headers: { ...request.headers, ...variant.headers, ...forwarded } };
        },
      },
    ],
  });
}

function summarise(name: string, result: autocannon.Result): StreamResult {
  const statusCodes: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = Number(stats?.count ?? 0);
  return { name, ...figuresOf(result), total: result.requests.total, statusCodes };
}

const argument = process.argv[2] ?? '{}';
// `@file`: the job is in that file (a mixed load can be larger than a command-line argument).
const job = JSON.parse(argument.startsWith('@') ? fs.readFileSync(argument.slice(1), 'utf8') : argument) as Job | MixJob;
if ('mix' in job) {
  const counter = { next: Math.floor(Math.random() * 1_000_000) };
  await Promise.all(job.mix.map((stream) => runStream(stream, 1, counter)));
  const results = await Promise.all(job.mix.map((stream) => runStream(stream, job.seconds, counter)));
  process.stdout.write(`${JSON.stringify(results.map((result, index) => summarise(job.mix[index]?.name ?? '', result)))}\n`);
} else {
  await autocannon({ url: job.url, headers: job.headers, connections: job.connections, duration: 1 });
  const result = await autocannon({ url: job.url, headers: job.headers, connections: job.connections, duration: job.seconds });
  process.stdout.write(`${JSON.stringify(figuresOf(result))}\n`);
}
process.exit(0);
