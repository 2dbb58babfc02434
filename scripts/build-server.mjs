// Compiles the server (apps/api and the workspace packages it imports) into plain JavaScript in
// apps/api/dist, so `npm start` runs Node on compiled code with no TypeScript transpiling at run
// time. Like build-web.mjs it builds only when the inputs changed since the last build.
// Libraries from node_modules stay outside the bundle and load as installed.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'apps/api/dist');
const STAMP = join(DIST, '.inputs-sha256');
/** Everything the server build reads: its sources, the workspace packages, the lock file. */
const INPUTS = ['apps/api/src', 'packages/shared/src', 'packages/db/src', 'packages/content/src', 'package-lock.json', 'tsconfig.json', 'scripts/build-server.mjs'];
const SKIP = new Set(['dist', 'node_modules']);

function files(path) {
  const full = join(ROOT, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .filter((name) => !SKIP.has(name) && !/\.test\.ts$/.test(name))
    .sort()
    .flatMap((name) => files(join(path, name)));
}

function digest() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(files)) hash.update(relative(ROOT, join(ROOT, file))).update('\0').update(readFileSync(join(ROOT, file))).update('\0');
  return hash.digest('hex');
}

/**
 * Code that finds its data beside itself (migrations, content, the web build) asks
 * import.meta.url; in the bundle that would be the bundle's address. Each source file keeps its own
 * address, so those paths resolve in the source tree exactly as they do uncompiled.
 */
const keepFileUrls = {
  name: 'keep-file-urls',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

/** Workspace packages (@lykt/*) are compiled in; every other package loads from node_modules. */
const externalLibraries = {
  name: 'external-libraries',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@lykt/') ? undefined : { path: args.path, external: true }));
  },
};

const wanted = digest();
const built = existsSync(join(DIST, 'main.js')) && existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : null;
if (built === wanted) {
  console.log('server: compiled server is up to date (no build needed)');
} else {
  const started = Date.now();
  rmSync(DIST, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    // The document worker is an entry of its own: worker threads load it as a file (render-pool.ts).
    entryPoints: { main: 'apps/api/src/main.ts', 'render-worker': 'apps/api/src/platform/documents/render.worker.ts' },
    define: { LYKT_COMPILED_RENDER_WORKER: JSON.stringify(pathToFileURL(join(DIST, 'render-worker.js')).href) },
    outdir: DIST,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [keepFileUrls, externalLibraries],
  });
  writeFileSync(STAMP, `${wanted}\n`);
  console.log(`server: compiled into apps/api/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
