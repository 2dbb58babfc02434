import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const FORMAT = join(SRC, 'lib', 'format.ts');

/**
 * Ways of turning a date or number into text that bypass lib/format.ts: the browser's own
 * locale formatting, Intl used directly, and the UTC day of `toISOString()` or of an API timestamp
 * used as a day (it is yesterday in Norway after midnight, and shows ISO beside Norwegian dates).
 */
const BYPASSES: { name: string; pattern: RegExp }[] = [
  { name: 'toLocaleDateString/toLocaleTimeString/toLocaleString', pattern: /\.toLocale(Date|Time)?String\(/ },
  { name: 'Intl used outside lib/format.ts', pattern: /\bnew Intl\.|\bIntl\.(DateTimeFormat|NumberFormat|DisplayNames|ListFormat|RelativeTimeFormat)\b/ },
  { name: 'toISOString() cut to a day', pattern: /toISOString\(\)\s*\.\s*(slice|substring|substr|split)\(/ },
  { name: 'toISOString() rendered in JSX', pattern: />\s*\{[^}]*toISOString\(\)[^}]*\}/ },
  { name: 'a timestamp from the API (…At) cut to its UTC day or minute', pattern: /[a-z]At\??\.(slice|substring|substr)\(\s*0\s*,\s*1[06]\s*\)/ },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path) && path !== FORMAT ? [path] : [];
  });
}

describe('dates and numbers go through lib/format.ts', () => {
  it('finds no file that formats a date or number on its own', () => {
    const found: string[] = [];
    for (const path of sourceFiles(SRC)) {
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          for (const bypass of BYPASSES) if (bypass.pattern.test(line)) found.push(`${relative(SRC, path)}:${index + 1} ${bypass.name}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('catches each bypass it names', () => {
    const samples = ['new Date(x).toLocaleDateString()', 'new Intl.NumberFormat("nb")', "new Date().toISOString().slice(0, 10)", '<td>{row.at.toISOString()}</td>', '<td>{declaration.createdAt.slice(0, 10)}</td>'];
    samples.forEach((sample, index) => expect(BYPASSES[index]?.pattern.test(sample), sample).toBe(true));
    expect(BYPASSES.some((bypass) => bypass.pattern.test('startsAt: new Date(startsAt).toISOString(),'))).toBe(false);
  });
});
