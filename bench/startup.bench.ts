import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.BENCH_STARTUP_PORT ?? 3990);
/** How long the server sits idle before its memory is read. */
const IDLE_SECONDS = Number(process.env.BENCH_STARTUP_IDLE_SECONDS ?? 10);

type StartRow = { run: string; healthSeconds: number; webBuild: string; serverBuild: string; idleRssMiB: number };

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The pid of the compiled server (node apps/api/dist/main.js) that `npm start` (pid `root`) started. */
function serverPid(root: number): number | null {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    try {
      // node itself, not the shell npm runs the start script in (whose command line names main.js too).
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (path.basename(argv[0] ?? '') === 'node' && argv.includes('apps/api/dist/main.js')) return pid;
    } catch {
      // gone
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return null;
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kib / 1024;
}

/** Runs `npm start` on a data directory until /api/health answers 200, reads idle RSS, and stops it. */
async function startOnce(run: string, dataDir: string): Promise<StartRow> {
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', LYKT_DATA_DIR: dataDir, LYKT_DEMO: 'true', LYKT_LOG_LEVEL: 'warn', NODE_ENV: 'development' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  child.on('exit', () => (exited = true));
  try {
    let healthSeconds = Number.NaN;
    for (;;) {
      if (exited) throw new Error(`npm start ended before /api/health answered:\n${output.slice(-2000)}`);
      if ((performance.now() - started) / 1000 > 600) throw new Error('no /api/health within 600 s');
      try {
        const response = await fetch(`http://127.0.0.1:${PORT}/api/health`);
        if (response.status === 200) {
          healthSeconds = (performance.now() - started) / 1000;
          break;
        }
      } catch {
        // not listening yet
      }
      await sleep(50);
    }
    await sleep(IDLE_SECONDS * 1000);
    const pid = child.pid ? serverPid(child.pid) : null;
    const idleRssMiB = pid ? rssMiB(pid) : Number.NaN;
    const webBuild = output.includes('web: the staff app is up to date') ? 'skipped' : 'built (vite)';
    const serverBuild = output.includes('server: compiled server is up to date') ? 'skipped' : describe(output);
    return { run, healthSeconds, webBuild, serverBuild, idleRssMiB };
  } finally {
    if (child.pid && !exited) {
      // The whole group npm started (npm, sh, node): this bench started it.
      process.kill(-child.pid, 'SIGTERM');
      for (let waited = 0; !exited && waited < 20_000; waited += 100) await sleep(100);
      if (!exited) process.kill(-child.pid, 'SIGKILL');
    }
  }
}

function describe(output: string): string {
  const line = output.split('\n').find((text) => text.startsWith('server:'));
  return line ? line.replace('server: ', '').trim() : 'no line';
}

/**
 * `npm run bench startup`: `npm start` three times, from this checkout, each until /api/health
 * answers: (1) a fresh data directory (builds whatever changed: the web app and the compiled
 * server on a new checkout), (2) another fresh data directory, now with nothing to build (demo
 * seeded at start), (3) the data directory of (2) again. Idle RSS of the server process
 * (apps/api/dist/main.js) after IDLE_SECONDS, PGlite embedded.
 */
export async function benchStartup(): Promise<void> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'lykt-bench-startup-'));
  const rows: StartRow[] = [];
  try {
    rows.push(await startOnce('1. fresh data directory, first start of this checkout', path.join(base, 'first')));
    rows.push(await startOnce('2. fresh data directory, with the demo (nothing to build)', path.join(base, 'data')));
    rows.push(await startOnce('3. existing data directory (that of 2)', path.join(base, 'data')));
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
  console.log(`\nnpm start until /api/health answers 200 (PGlite embedded, demo on; idle RSS ${IDLE_SECONDS} s after health)`);
  console.log('| run | seconds to /api/health | web build | server build | idle RSS MiB |');
  console.log('|---|---:|---|---|---:|');
  for (const row of rows) console.log(`| ${row.run} | ${row.healthSeconds.toFixed(1)} | ${row.webBuild} | ${row.serverBuild} | ${row.idleRssMiB.toFixed(0)} |`);
  console.log(`- load average at the end: ${os.loadavg().map((value) => value.toFixed(2)).join(', ')}`);
}
