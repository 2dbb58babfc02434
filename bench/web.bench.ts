import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions } from '../e2e/support/chromium';

/**
 * `npm run bench web`: what the staff app costs to open. For the sign-in route and each role's
 * home it reports the JavaScript the browser loads (gzip -9 of each file, the figure Vite prints)
 * and the time to interactive in Chromium with the CPU slowed four times (CDP
 * Emulation.setCPUThrottlingRate), as on a mid-range phone. Time to interactive here: from the
 * start of navigation until the page's heading is shown and the main thread has had no long task
 * (over 50 ms) for 500 ms, the quiet window Lighthouse uses.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PORT = Number(process.env.BENCH_WEB_PORT ?? 3298);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'bench-lantern-harbour-2026';
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 3);
const CPU_SLOWDOWN = 4;
/** The budget the issue sets for the sign-in route and each role's home. */
export const JS_BUDGET_BYTES = 250 * 1000;
const ROLES = ['admin', 'coordinator', 'caseworker', 'frontline', 'partner', 'viewer'] as const;

type RouteFigure = { route: string; files: number; gzipBytes: number; ttiMs: number[] };

async function startServer(): Promise<ChildProcess> {
  const dataDir = `.tmp/bench-web-${PORT}`;
  rmSync(`${ROOT}/${dataDir}`, { recursive: true, force: true });
  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', LYKT_DATA_DIR: dataDir, LYKT_DEMO: 'true', LYKT_DEMO_PASSWORD: PASSWORD, LYKT_LOG_LEVEL: 'warn', LYKT_LOGIN_RATE_LIMIT: '2000', NODE_ENV: 'test' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  server.once('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') console.error(`web bench: the server stopped (code ${code}, signal ${signal})`);
  });
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server stopped with code ${server.exitCode}`);
    const healthy = await fetch(`${BASE}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return server;
    if (Date.now() > deadline) throw new Error('the server did not start within 180 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** One cold load (a fresh browser context, so nothing is cached) of a path, signed in as `email` when given. */
async function loadOnce(browser: Browser, path: string, email: string | null): Promise<{ scripts: Map<string, number>; ttiMs: number }> {
  const context = await browser.newContext({ baseURL: BASE, locale: 'nb-NO', viewport: { width: 390, height: 844 } });
  try {
    if (email) {
      const response = await context.request.post('/api/v1/auth/login', { data: { email, password: PASSWORD }, headers: { origin: BASE } });
      if (response.status() !== 200) throw new Error(`sign-in as ${email}: ${response.status()} ${await response.text()}`);
    }
    const page = await context.newPage();
    const scripts = new Map<string, number>();
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      pending.push(
        response.body().then((body) => {
          scripts.set(new URL(response.url()).pathname, gzipSync(body, { level: 9 }).length);
        }),
      );
    });
    await page.addInitScript(() => {
      const marks: number[] = [];
      (window as unknown as { __longTaskEnds: number[] }).__longTaskEnds = marks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) marks.push(entry.startTime + entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(path, { waitUntil: 'commit' });
    const headingAt = await page.waitForFunction(() => (document.querySelector('main h1') ? performance.now() : null), undefined, { timeout: 120_000, polling: 'raf' });
    const shownAt = Number(await headingAt.jsonValue());
    // Quiet window: wait until 500 ms have passed since the last long task (or since the heading).
    const quietSince = await page.waitForFunction(
      (since) => {
        const ends = (window as unknown as { __longTaskEnds: number[] }).__longTaskEnds;
        const last = Math.max(since, ...ends);
        return performance.now() - last >= 500 ? last : null;
      },
      shownAt,
      { timeout: 120_000, polling: 100 },
    );
    const ttiMs = Number(await quietSince.jsonValue());
    await Promise.all(pending);
    return { scripts, ttiMs };
  } finally {
    await context.close();
  }
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function benchWeb(): Promise<void> {
  const build = spawnSync(process.execPath, ['scripts/build-web.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the web build failed');
  const server = await startServer();
  const browser = await chromium.launch(await chromiumLaunchOptions());
  try {
    const targets: { route: string; path: string; email: string | null }[] = [
      { route: 'sign-in', path: '/app/sign-in', email: null },
      ...ROLES.map((role) => ({ route: `home (${role})`, path: '/app/', email: `${role}@eksempel.kommune.no` })),
    ];
    const figures: RouteFigure[] = [];
    const chunks = new Map<string, number>();
    const perRoute = new Map<string, Map<string, number>>();
    for (const target of targets) {
      const figure: RouteFigure = { route: target.route, files: 0, gzipBytes: 0, ttiMs: [] };
      for (let run = 0; run < RUNS; run += 1) {
        const { scripts, ttiMs } = await loadOnce(browser, target.path, target.email);
        figure.files = scripts.size;
        figure.gzipBytes = [...scripts.values()].reduce((sum, size) => sum + size, 0);
        figure.ttiMs.push(ttiMs);
        for (const [name, size] of scripts) chunks.set(name, size);
        perRoute.set(target.route, scripts);
      }
      figures.push(figure);
    }
    console.log(`\nStaff web app: JavaScript per route (gzip -9) and time to interactive at ${CPU_SLOWDOWN}x CPU slowdown, 390x844, cold cache, median of ${RUNS}`);
    console.log('| route | JS files | JS gzipped kB | within 250 kB | TTI ms (median) | TTI ms (all runs) |');
    console.log('|---|---:|---:|---|---:|---|');
    for (const figure of figures) {
      console.log(`| ${figure.route} | ${figure.files} | ${kB(figure.gzipBytes)} | ${figure.gzipBytes <= JS_BUDGET_BYTES ? 'yes' : 'NO'} | ${median(figure.ttiMs).toFixed(0)} | ${figure.ttiMs.map((value) => value.toFixed(0)).join(', ')} |`);
    }
    console.log('\nLargest JavaScript chunks loaded on these routes');
    console.log('| chunk | gzipped kB |');
    console.log('|---|---:|');
    for (const [name, size] of [...chunks].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`| ${name.replace('/app/assets/', '')} | ${kB(size)} |`);
    // What the sign-in route loads that a home does not (and the other way round): where to look when one grows.
    const signIn = perRoute.get('sign-in') ?? new Map<string, number>();
    const home = perRoute.get('home (coordinator)') ?? new Map<string, number>();
    for (const [title, from, other] of [
      ['only on the sign-in route', signIn, home],
      ["only on the coordinator's home", home, signIn],
    ] as const) {
      const only = [...from].filter(([name]) => !other.has(name)).sort((a, b) => b[1] - a[1]);
      console.log(`\nChunks ${title}: ${only.length} files, ${kB(only.reduce((sum, [, size]) => sum + size, 0))} kB`);
      for (const [name, size] of only.slice(0, 12)) console.log(`| ${name.replace('/app/assets/', '')} | ${kB(size)} |`);
    }
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
}
