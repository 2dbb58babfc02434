// Builds the staff web app only when its inputs changed since the last build (`npm start` calls
// this; `npm run build:web` always builds). The inputs' digest is kept beside the build.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'apps/web/dist');
const STAMP = join(DIST, '.inputs-sha256');
/** Everything the web build reads: its own sources and config, the shared and content packages, the lock file. */
const INPUTS = ['apps/web', 'packages/shared/src', 'packages/content', 'package-lock.json', 'tsconfig.json'];
const SKIP = new Set(['dist', 'node_modules']);

function files(path) {
  const full = join(ROOT, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .filter((name) => !SKIP.has(name))
    .sort()
    .flatMap((name) => files(join(path, name)));
}

function digest() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(files)) hash.update(relative(ROOT, join(ROOT, file))).update('\0').update(readFileSync(join(ROOT, file))).update('\0');
  return hash.digest('hex');
}

const wanted = digest();
const built = existsSync(join(DIST, 'index.html')) && existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : null;
if (built === wanted) {
  console.log('web: the staff app is up to date (no build needed)');
} else {
  const result = spawnSync('npx', ['vite', 'build', '--config', 'apps/web/vite.config.ts'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(STAMP, `${wanted}\n`);
}
