import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { serverNodeOptions } from './start-command';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe("npm start's options for the server", () => {
  it('are read from the start script, and this Node accepts every one of them', () => {
    const options = serverNodeOptions(ROOT);
    expect(options).toEqual(expect.arrayContaining(['--enable-source-maps', '--no-allocation-site-pretenuring']));
    // An option Node or V8 does not know stops the process before the server starts ("bad option").
    const run = spawnSync(process.execPath, [...options, '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('ok');
  });
});
