import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const BIN = path.join(ROOT, 'apps/api/bin/lykt.mjs');
const DATA = path.join(ROOT, 'packages/mse/data');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lykt-prevalence-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// No master key and a data dir that does not exist: the command must work without either,
// and must not create the data dir (it opens no database).
const dataDir = path.join(tmp, 'never-created');
function lykt(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, 'prevalence', 'estimate', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LYKT_DATA_DIR: dataDir, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeTable(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('lykt prevalence estimate', { timeout: 180_000 }, () => {
  it('prints the estimate, interval and model of the UK 2013 table as text, without a database', () => {
    const result = lykt(['--table', path.join(DATA, 'UKdat_5.csv')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Estimated total: 11,313 \(95 % interval 9,908 to 13,064/);
    expect(result.stdout).toMatch(/Model \(SparseMSE stepwise, p < 0.02\): main effects \+ LA:NG/);
    expect(result.stdout).toMatch(/Alternative models/);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('prints one JSON object with --json', () => {
    const result = lykt(['--table', path.join(DATA, 'UKdat_5.csv'), '--json']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(parsed).toMatchObject({ estimate: 11313, lower: 9908, upper: 13064, observed: 2744, model: expect.stringMatching(/^main effects \+ LA:NG/) as unknown });
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('exits 2 with a clear message on a bad table or a missing file', () => {
    const bad = lykt(['--table', writeTable('bad.csv', 'A,B,C,count\n1,0,2,4\n')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/cannot be read: Line 2: every list value must be 0 or 1/);
    const noCount = lykt(['--table', writeTable('nocount.csv', 'A,B,C\n1,0,1\n')]);
    expect(noCount.code).toBe(2);
    expect(noCount.stderr).toMatch(/last column of the header must be "count"/);
    const missing = lykt(['--table', path.join(tmp, 'nowhere.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read the table file/);
  });

  it('gives the BCa bootstrap interval with --interval bootstrap, the same for the same seed', () => {
    const args = ['--table', path.join(DATA, 'Western.csv'), '--interval', 'bootstrap', '--samples', '200', '--seed', '7', '--json'];
    const first = lykt(args);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const parsed = JSON.parse(first.stdout) as { estimate: number; lower: number; upper: number; interval: string; bootstrap: { samples: number; seed: number } };
    expect(parsed).toMatchObject({ estimate: 2483, interval: 'bootstrap-bca', bootstrap: { samples: 200, seed: 7 } });
    expect(parsed.lower).toBeLessThan(parsed.estimate);
    expect(parsed.upper).toBeGreaterThan(parsed.estimate);
    const again = JSON.parse(lykt(args).stdout) as { lower: number; upper: number };
    expect([again.lower, again.upper]).toEqual([parsed.lower, parsed.upper]);
    const text = lykt(args.slice(0, -1));
    expect(text.stdout).toMatch(new RegExp(`95 % interval ${parsed.lower.toLocaleString('en-GB')} to ${parsed.upper.toLocaleString('en-GB')}, BCa bootstrap, 200 samples, seed 7`));
    const bad = lykt(['--table', path.join(DATA, 'Western.csv'), '--interval', 'bootstrap', '--samples', '5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--samples must be a whole number from 10 to 100000/);
    const aic = lykt(['--table', path.join(DATA, 'Western.csv'), '--interval', 'bootstrap', '--method', 'aic']);
    expect(aic.code).toBe(2);
    expect(aic.stderr).toMatch(/use it with --method stepwise/);
  });

  it('refuses plainly, with no number, when the data cannot support an estimate (exit 1)', () => {
    const result = lykt(['--table', writeTable('two.csv', 'A,B,count\n1,0,5\n0,1,4\n1,1,2\n')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/No estimate: At least three lists are needed/);
    expect(result.stdout).not.toMatch(/Estimated total/);
    const json = lykt(['--table', path.join(tmp, 'two.csv'), '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ kind: 'refusal', reason: 'too_few_lists' });
  });
});
