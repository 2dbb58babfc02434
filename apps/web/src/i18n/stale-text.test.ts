import { describe, expect, it } from 'vitest';
import { en } from './en';
import { nb } from './nb';

function strings(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => strings(inner, path ? `${path}.${key}` : key));
  return [];
}

/** Every module exists: no text may tell a user that the plan, cases or reports "come later". */
const STALE = /kommer (?:senere|i senere versjoner)|coming (?:later|in later versions)/i;

describe('staff app texts', () => {
  it('promise nothing as "coming later" that already exists', () => {
    expect(strings(nb).filter(([, text]) => STALE.test(text))).toEqual([]);
    expect(strings(en).filter(([, text]) => STALE.test(text))).toEqual([]);
  });
});
