import fs from 'node:fs';
import path from 'node:path';

const SERVER_ENTRY = 'apps/api/dist/main.js';

/**
 * The Node and V8 options `npm start` runs the compiled server with, read from the root
 * package.json's start script, so the benches and the compiled-server test start the server
 * exactly as production does (docs/OPERATIONS.md explains each option).
 */
export function serverNodeOptions(root: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const command = (manifest.scripts?.start ?? '')
    .split('&&')
    .map((part) => part.trim().split(/\s+/))
    .find((words) => words[0] === 'node' && words.at(-1) === SERVER_ENTRY);
  if (!command) throw new Error(`package.json's start script does not run "node … ${SERVER_ENTRY}"`);
  return command.slice(1, -1);
}
