import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { buildTenant, migrateDatabase, openDatabase, type DatabaseHandle } from '@lykt/db';
import { loadConfig } from '../apps/api/src/config';
import { KeyRing } from '../apps/api/src/platform/crypto';
import type { Deps } from '../apps/api/src/platform/deps';
import { seedCapabilities } from '../apps/api/src/platform/seed-capabilities';
import { figuresOf, type Stream, type StreamResult } from './figures';

export type Measurement = { name: string; requestsPerSecond: number; p50: number; p99: number; errors: number; non2xx: number };

/** A migrated database for a benchmark: PostgreSQL from BENCH_DATABASE_URL, else an in-memory PGlite. */
export async function benchDatabase(): Promise<{ handle: DatabaseHandle; deps: Deps }> {
  const url = process.env.BENCH_DATABASE_URL;
  const handle = url ? await openDatabase({ kind: 'postgres', url }) : await openDatabase({ kind: 'pglite', dataDir: null });
  await migrateDatabase(handle);
  const config = { ...loadConfig({ NODE_ENV: 'test', LYKT_DEMO: 'false', LYKT_LOG_LEVEL: 'silent' }), loginRateLimitPerMinute: 1_000_000 };
  const deps: Deps = { db: handle.db, dbKind: handle.kind, keyring: new KeyRing(Buffer.alloc(32, 1)), config };
  return { handle, deps };
}

export function seedBenchTenant(deps: Deps) {
  return buildTenant(deps.db, seedCapabilities(deps.keyring));
}

/** Drives one URL with autocannon for `seconds` after a short warm-up. */
export async function measure(name: string, url: string, headers: Record<string, string>, seconds: number, connections: number): Promise<Measurement> {
  await autocannon({ url, headers, connections, duration: 1 });
  const result = await autocannon({ url, headers, connections, duration: seconds });
  return { name, ...figuresOf(result) };
}

/**
 * Like `measure`, but autocannon runs in a separate Node process (`load-worker.ts`), so the
 * figures are the server's and not those of a client competing for the same event loop.
 */
export async function measureApart(name: string, url: string, headers: Record<string, string>, seconds: number, connections: number): Promise<Measurement> {
  const worker = path.join(path.dirname(fileURLToPath(import.meta.url)), 'load-worker.ts');
  const output = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', worker, JSON.stringify({ url, headers, seconds, connections })], { timeout: (seconds + 60) * 1000 }, (error, stdout) => {
      if (error) reject(new Error(`load worker failed: ${error.message}`));
      else resolve(stdout);
    });
  });
  const figures = JSON.parse(output.trim().split('\n').pop() ?? '{}') as Omit<Measurement, 'name'>;
  return { name, ...figures };
}

export function printTable(title: string, rows: Measurement[], baseline?: Measurement): void {
  console.log(`\n${title}`);
  console.log('| scenario | req/s | p50 ms | p99 ms | errors | non-2xx | req/s vs baseline |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    const ratio = baseline ? `${((row.requestsPerSecond / baseline.requestsPerSecond) * 100).toFixed(1)} %` : '';
    console.log(`| ${row.name} | ${row.requestsPerSecond.toFixed(0)} | ${row.p50} | ${row.p99} | ${row.errors} | ${row.non2xx} | ${ratio} |`);
  }
}

/**
 * A mixed load: every stream at the same time, from one separate process (`load-worker.ts`); the
 * job goes through a file, as it can be larger than a command-line argument.
 */
export async function measureMix(mix: Stream[], seconds: number): Promise<StreamResult[]> {
  const worker = path.join(path.dirname(fileURLToPath(import.meta.url)), 'load-worker.ts');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lykt-bench-mix-'));
  const file = path.join(dir, 'job.json');
  fs.writeFileSync(file, JSON.stringify({ mix, seconds }), { mode: 0o600 });
  try {
    const output = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--import', 'tsx', worker, `@${file}`], { timeout: (seconds + 120) * 1000, maxBuffer: 16 * 2 ** 20 }, (error, stdout) => {
        if (error) reject(new Error(`load worker failed: ${error.message}`));
        else resolve(stdout);
      });
    });
    return JSON.parse(output.trim().split('\n').pop() ?? '[]') as StreamResult[];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function readSysfs(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/**
 * How this machine's idle CPUs wait, which decides what a request/response benchmark between two
 * processes measures: in a virtual machine whose kernel halts an idle vCPU at once (cpuidle-haltpoll
 * with guest_halt_poll_ns 0), every answer to a waiting load generator costs an inter-processor
 * interrupt and a VM exit. Null where Linux does not say (no cpuidle in sysfs).
 */
export function cpuIdleSetting(): string | null {
  const driver = readSysfs('/sys/devices/system/cpu/cpuidle/current_driver');
  if (!driver) return null;
  const pollNs = driver === 'haltpoll' ? readSysfs('/sys/module/haltpoll/parameters/guest_halt_poll_ns') : null;
  if (pollNs === null) return `cpuidle driver ${driver}`;
  return `cpuidle driver haltpoll, guest halt polling ${Number(pollNs).toLocaleString('en')} ns (the kernel's default is 200,000 ns; at 0 each wake-up of the idle load generator costs an IPI and a VM exit: docs/SCALING.md)`;
}
