import { spawn, execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildOrganisation, buildTenant, migrateDatabase, openDatabase, schema, TEST_PASSWORD } from '@lykt/db';
import { PLAN_AREA_CODES } from '@lykt/shared';
import { loadConfig } from '../apps/api/src/config';
import { KeyRing } from '../apps/api/src/platform/crypto';
import type { Deps } from '../apps/api/src/platform/deps';
import { seedCapabilities } from '../apps/api/src/platform/seed-capabilities';
import { serverNodeOptions } from '../apps/api/src/start-command';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.BENCH_REPORTS_PORT ?? 3991);
const EXPORTS = Number(process.env.BENCH_REPORTS_EXPORTS ?? 20);
const METRICS_TOKEN = randomBytes(24).toString('hex');
/** The server ends an idle document worker after this many seconds (LYKT_RENDER_IDLE_SECONDS); the bench then reads RSS again. */
const IDLE_SECONDS = Number(process.env.BENCH_REPORTS_IDLE_SECONDS ?? 10);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** VmRSS and VmHWM (the highest RSS since the process started) of a process, in MiB. Worker threads are part of the process. */
function memory(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { rss: kib('VmRSS') / 1024, hwm: kib('VmHWM') / 1024 };
}

/** The main thread's V8 heap (used, total) and external memory in MiB, from the server's own /metrics (prom-client default metrics). */
async function mainHeap(url: string): Promise<{ used: number; total: number; external: number }> {
  const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1] ?? Number.NaN) / 2 ** 20;
  return { used: value('lykt_nodejs_heap_size_used_bytes'), total: value('lykt_nodejs_heap_size_total_bytes'), external: value('lykt_nodejs_external_memory_bytes') };
}

function threads(pid: number): number {
  return fs.readdirSync(`/proc/${pid}/task`).length;
}

/** The plan of 60 measures (15 sub-measures) with 600 updates, 6 meetings and 40 tips, written straight into the data directory before the server starts. */
async function seed(dataDir: string, masterKey: Buffer): Promise<{ email: string }> {
  const handle = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pgdata') });
  try {
    await migrateDatabase(handle);
    const config = loadConfig({ NODE_ENV: 'test', LYKT_DEMO: 'false', LYKT_LOG_LEVEL: 'silent' });
    const deps: Deps = { db: handle.db, dbKind: handle.kind, keyring: new KeyRing(masterKey), config };
    const tenant = await buildTenant(deps.db, seedCapabilities(deps.keyring), { settings: { mfaPolicy: 'off', languages: ['nb'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
    const municipalityId = tenant.municipality.id;
    const owners = await Promise.all(Array.from({ length: 6 }, (_, index) => buildOrganisation(deps.db, municipalityId, { name: `Partner ${index + 1}` })));
    const [plan] = await deps.db.insert(schema.plan).values({ municipalityId, title: 'Bench plan', periodStart: '2026-01-01', periodEnd: '2029-12-31' }).returning();
    if (!plan) throw new Error('plan insert returned nothing');
    const [version] = await deps.db
      .insert(schema.planVersion)
      .values({ municipalityId, planId: plan.id, number: 1, status: 'adopted', decisionRef: 'KS 1/26', decisionDate: '2026-01-15', adoptedAt: new Date('2026-01-15T12:00:00Z') })
      .returning();
    if (!version) throw new Error('version insert returned nothing');
    const measures: Array<{ id: string; lineageId: string }> = [];
    const parents: Array<{ id: string; area: string }> = [];
    for (let index = 0; index < 60; index++) {
      const parent = index % 4 === 3 ? parents.at(-1) : undefined;
      const [row] = await deps.db
        .insert(schema.planMeasure)
        .values({
          municipalityId,
          planVersionId: version.id,
          lineageId: randomUUID(),
          parentId: parent?.id ?? null,
          area: parent?.area ?? PLAN_AREA_CODES[index % PLAN_AREA_CODES.length] ?? 'A',
          position: index,
          title: `Tiltak ${index + 1}: et tiltak med en tittel av vanlig lengde for en handlingsplan`,
          ownerOrganisationId: owners[index % owners.length]?.id ?? null,
          dueDate: '2026-12-31',
          status: ['not_started', 'in_progress', 'delayed', 'done'][index % 4] ?? 'in_progress',
          progress: (index * 7) % 100,
        })
        .returning();
      if (!row) throw new Error('measure insert returned nothing');
      measures.push({ id: row.id, lineageId: row.lineageId });
      if (!parent) parents.push({ id: row.id, area: row.area });
    }
    await deps.db.insert(schema.planMeasureUpdate).values(
      measures.flatMap((measure, index) =>
        Array.from({ length: 10 }, (_, n) => ({
          municipalityId,
          planId: plan.id,
          lineageId: measure.lineageId,
          measureId: measure.id,
          source: 'update',
          occurredOn: `2026-${String((n % 12) + 1).padStart(2, '0')}-15`,
          text: `Oppdatering ${n + 1} for tiltak ${index + 1}.`,
        })),
      ),
    );
    for (let month = 1; month <= 12; month += 2) {
      await deps.db.insert(schema.coopMeeting).values({ municipalityId, startsAt: new Date(`2026-${String(month).padStart(2, '0')}-10T08:00:00Z`), place: 'Rådhuset' });
    }
    await deps.db.insert(schema.tip).values(
      Array.from({ length: 40 }, (_, index) => ({
        municipalityId,
        receiptHash: randomUUID(),
        language: 'nb',
        placeKind: 'workplace',
        minor: 'no',
        immediateDanger: index % 9 === 0,
        anonymous: true,
        contentEnc: 'x',
        submittedOn: `2026-${String((index % 12) + 1).padStart(2, '0')}-03`,
        lastActivityOn: '2026-12-01',
      })),
    );
    return { email: tenant.users.coordinator.email };
  } finally {
    await handle.close();
  }
}

type Server = { pid: number; url: string; output: () => string; stop: () => Promise<void> };

/** The compiled server (node apps/api/dist/main.js) as its own process on the data directory; resolves when /api/health answers. */
async function startServer(dataDir: string, masterKey: Buffer): Promise<Server> {
  // The options npm start gives the server; BENCH_SERVER_NODE_FLAGS adds further Node/V8 flags (e.g. heap tuning to compare).
  const flags = (process.env.BENCH_SERVER_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...serverNodeOptions(ROOT), ...flags, 'apps/api/dist/main.js'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LYKT_DATA_DIR: dataDir,
      LYKT_MASTER_KEY: masterKey.toString('base64'),
      LYKT_DEMO: 'false',
      LYKT_LOG_LEVEL: 'warn',
      LYKT_LOGIN_RATE_LIMIT: '10000',
      LYKT_RENDER_IDLE_SECONDS: String(IDLE_SECONDS),
      LYKT_METRICS_TOKEN: METRICS_TOKEN,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on('exit', () => ((exited = true), resolve())));
  const url = `http://127.0.0.1:${PORT}`;
  const started = performance.now();
  for (;;) {
    if (exited) throw new Error(`the server ended before /api/health answered:\n${output.slice(-2000)}`);
    if (performance.now() - started > 180_000) throw new Error('no /api/health within 180 s');
    try {
      if ((await fetch(`${url}/api/health`)).status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  if (!child.pid) throw new Error('the server has no pid');
  return {
    pid: child.pid,
    url,
    output: () => output,
    stop: async () => {
      if (exited) return;
      child.kill('SIGTERM');
      await Promise.race([exit, sleep(30_000)]);
      if (!exited) child.kill('SIGKILL');
    },
  };
}

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * `npm run bench reports`: the council report for a plan of 60 measures (15 sub-measures) with
 * 600 updates, 6 meetings and 40 tips, exported by the compiled server running as its own process
 * on PGlite on disk. 20 consecutive PDF + DOCX exports through GET
 * /api/v1/reports/:id/versions/1/export/:format (gathering the live data, rendering in the
 * document worker, audit), timed from the bench; the server's RSS (VmRSS of the process: the
 * worker threads are in it) after each export, its peak (VmHWM), /api/health/live latency during the
 * exports (the event loop is not blocked), and RSS after the idle worker has ended.
 * BENCH_REPORTS_EXPORTS (default 20) sets the number of export pairs, BENCH_REPORTS_IDLE_SECONDS
 * (default 10) the server's LYKT_RENDER_IDLE_SECONDS.
 */
export async function benchReports(): Promise<void> {
  await promisify(execFile)(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lykt-bench-reports-'));
  const masterKey = randomBytes(32);
  let server: Server | null = null;
  try {
    const { email } = await seed(dataDir, masterKey);
    server = await startServer(dataDir, masterKey);
    const { url, pid } = server;
    const idle = memory(pid);
    const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: JSON.stringify({ email, password: TEST_PASSWORD }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    if (login.status !== 200 || !cookie) throw new Error(`sign-in failed: ${login.status}`);
    const write = (method: string, body: unknown) => ({ method, headers: { cookie, origin: url, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const report = await json<{ id: string }>(await fetch(`${url}/api/v1/reports`, write('POST', { year: 2026 })), 'create report');
    await json(await fetch(`${url}/api/v1/reports/${report.id}/versions/1/narrative`, write('PUT', { summary: 'Sammendrag. '.repeat(80), assessment: 'Vurdering. '.repeat(40), proposals: 'Forslag. '.repeat(40) })), 'narrative');

    const exportOnce = async (format: 'pdf' | 'docx') => {
      const started = performance.now();
      const response = await fetch(`${url}/api/v1/reports/${report.id}/versions/1/export/${format}`, { headers: { cookie } });
      const body = Buffer.from(await response.arrayBuffer());
      if (response.status !== 200) throw new Error(`${format} export: ${response.status} ${body.toString().slice(0, 300)}`);
      return { ms: performance.now() - started, bytes: body.length };
    };
    // One warm-up of each (the worker starts, loads pdfkit/docx and decodes the fonts), not counted.
    const warm = { pdf: await exportOnce('pdf'), docx: await exportOnce('docx') };
    const afterWarm = memory(pid);

    // The liveness probe every 25 ms while the exports run: how long the event loop keeps a request
    // waiting (/api/health/live answers without the database, so PGlite's queue is not measured).
    const health: number[] = [];
    let exporting = true;
    const prober = (async () => {
      while (exporting) {
        const started = performance.now();
        const response = await fetch(`${url}/api/health/live`);
        await response.arrayBuffer();
        health.push(performance.now() - started);
        await sleep(25);
      }
    })();
    const pdf: number[] = [];
    const docx: number[] = [];
    const rss: number[] = [];
    const heaps: Array<{ used: number; total: number; external: number }> = [];
    const sizes = { pdf: 0, docx: 0 };
    try {
      for (let run = 0; run < EXPORTS; run++) {
        const p = await exportOnce('pdf');
        const d = await exportOnce('docx');
        pdf.push(p.ms);
        docx.push(d.ms);
        sizes.pdf = p.bytes;
        sizes.docx = d.bytes;
        rss.push(memory(pid).rss);
        heaps.push(await mainHeap(url));
      }
    } finally {
      exporting = false;
      await prober;
    }
    const afterExports = memory(pid);
    const threadsBusy = threads(pid);
    // The worker ends after IDLE_SECONDS without work; read again a little after.
    await sleep((IDLE_SECONDS + 3) * 1000);
    const afterIdle = memory(pid);

    const first = rss[0] ?? Number.NaN;
    const highest = Math.max(...rss);
    const sortedHealth = [...health].sort((a, b) => a - b);
    console.log(`\nCouncil report export by the compiled server in its own process (PGlite on disk): plan of 60 measures, 600 updates, 6 meetings, 40 tips; ${EXPORTS} consecutive PDF + DOCX exports over HTTP`);
    console.log('| export (HTTP, gathering + render in the worker + audit) | runs | mean ms | max ms | size |');
    console.log('|---|---:|---:|---:|---:|');
    console.log(`| PDF (tagged) | ${EXPORTS} | ${mean(pdf).toFixed(0)} | ${Math.max(...pdf).toFixed(0)} | ${(sizes.pdf / 1024).toFixed(0)} KiB |`);
    console.log(`| DOCX (chart rasterised) | ${EXPORTS} | ${mean(docx).toFixed(0)} | ${Math.max(...docx).toFixed(0)} | ${(sizes.docx / 1024).toFixed(0)} KiB |`);
    console.log(`| warm-up (worker start, first PDF / first DOCX) | 1 | ${warm.pdf.ms.toFixed(0)} / ${warm.docx.ms.toFixed(0)} | | |`);
    console.log(`\nServer RSS (VmRSS of pid ${pid}, worker threads included):`);
    console.log(`- idle before any export ${idle.rss.toFixed(0)} MiB; after the warm-up ${afterWarm.rss.toFixed(0)} MiB`);
    console.log(`- over ${EXPORTS} consecutive PDF + DOCX exports: first ${first.toFixed(0)} MiB, last ${(rss.at(-1) ?? Number.NaN).toFixed(0)} MiB, highest ${highest.toFixed(0)} MiB, rise ${(highest - first).toFixed(0)} MiB (each: ${rss.map((value) => value.toFixed(0)).join(', ')})`);
    console.log(`- main thread V8 heap used/total after each export (MiB): ${heaps.map((heap) => `${heap.used.toFixed(0)}/${heap.total.toFixed(0)}`).join(', ')}; external ${heaps[0]?.external.toFixed(0)} → ${heaps.at(-1)?.external.toFixed(0)}`);
    console.log(`- peak RSS of the server process since start (VmHWM): ${afterExports.hwm.toFixed(0)} MiB; threads while the worker lives: ${threadsBusy}`);
    console.log(`- ${IDLE_SECONDS + 3} s after the last export (the idle worker ended after ${IDLE_SECONDS} s): ${afterIdle.rss.toFixed(0)} MiB, ${threads(pid)} threads`);
    console.log(`- /api/health/live during the exports: ${health.length} requests, median ${(sortedHealth[Math.floor(sortedHealth.length / 2)] ?? Number.NaN).toFixed(1)} ms, max ${(sortedHealth.at(-1) ?? Number.NaN).toFixed(1)} ms`);
    console.log(`- load average at the end: ${os.loadavg().map((value) => value.toFixed(2)).join(', ')}`);
  } catch (error) {
    if (server) console.error(server.output().slice(-3000));
    throw error;
  } finally {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
