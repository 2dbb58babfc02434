import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serverNodeOptions } from './start-command';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lykt-compiled-'));
let server: ChildProcess | undefined;
afterAll(() => {
  server?.kill('SIGKILL');
  fs.rmSync(tmp, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Polls until the server answers or exits; no fixed waits. */
async function health(url: string, child: ChildProcess): Promise<Response> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the compiled server exited with ${child.exitCode}`);
    try {
      return await fetch(url);
    } catch {
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

// What `npm start` runs: the server compiled by scripts/build-server.mjs, on a fresh data directory.
describe('the compiled server', { timeout: 180_000 }, () => {
  it('builds, then builds nothing the second time, and starts on a fresh data directory with the migrations found in the source tree', async () => {
    const first = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(first.status, first.stderr).toBe(0);
    const second = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(second.stdout).toMatch(/up to date \(no build needed\)/);

    const port = await freePort();
    let output = '';
    server = spawn(process.execPath, [...serverNodeOptions(ROOT), 'apps/api/dist/main.js'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', LYKT_DATA_DIR: path.join(tmp, 'data'), LYKT_DEMO: 'false', LYKT_LOG_LEVEL: 'warn', NODE_ENV: 'test' },
    });
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const response = await health(`http://127.0.0.1:${port}/api/health`, server);
    expect(response.status, output).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'pglite' });
    // Migrations ran (the database is empty, so it asks for the first administrator).
    expect(output).toMatch(/npx lykt user create-admin/);
    // The route schemas (from the shared package) make the OpenAPI document.
    const openapi = await fetch(`http://127.0.0.1:${port}/api/openapi.json`);
    expect(openapi.status).toBe(200);
    expect(((await openapi.json()) as { info: { title: string } }).info.title).toBe('Lykt API');
  });
});
