import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('.', import.meta.url));

/**
 * A stored instant (a `…At` timestamp) cut to its first 10 or 16 characters is its UTC day or
 * minute: the day before in Norway between midnight and 01:00 or 02:00, and a time an hour or two
 * off. Documents and texts print instants with `localDate`/`localDateTime` from @lykt/shared.
 */
const UTC_CUT = /[a-z]At\??\.(slice|substring|substr)\(\s*0\s*,\s*1[06]\s*\)|toISOString\(\)\s*\.\s*(slice|substring|substr)\(\s*0\s*,\s*16\s*\)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(path) && !/\.test\.ts$/.test(path) ? [path] : [];
  });
}

describe('instants are printed as days and times in Norway', () => {
  it('finds no timestamp cut to its UTC day or minute in the server', () => {
    const found: string[] = [];
    for (const path of sourceFiles(SRC)) {
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (UTC_CUT.test(line)) found.push(`${relative(SRC, path)}:${index + 1}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('catches the forms it names, not day arithmetic on a UTC midnight', () => {
    for (const sample of ["referral.sentAt.slice(0, 10)", "consent.withdrawnAt?.slice(0, 10)", "generatedAt.toISOString().slice(0, 16).replace('T', ' ')"]) expect(UTC_CUT.test(sample), sample).toBe(true);
    expect(UTC_CUT.test('return date.toISOString().slice(0, 10);')).toBe(false);
  });
});
