import { describe, expect, it } from 'vitest';
import { parseScreeningsSearch } from './screening-search';

describe('the screening list address', () => {
  it('keeps coded filters, days, flags, sort and cursor', () => {
    expect(parseScreeningsSearch({ context: 'health', level: 'strong_indicators', minor: true, mine: true, from: '2026-01-01', to: '2026-12-05', sort: '-level', cursor: 'abc_-1' })).toEqual({
      context: 'health',
      level: 'strong_indicators',
      minor: true,
      mine: true,
      from: '2026-01-01',
      to: '2026-12-05',
      sort: '-level',
      cursor: 'abc_-1',
    });
  });

  it('reads the form fields as text', () => {
    expect(parseScreeningsSearch({ minor: 'false', mine: 'true', context: '', level: '' })).toMatchObject({ minor: false, mine: true, context: undefined, level: undefined });
  });

  it('drops unknown or damaged values so a stale link still opens', () => {
    expect(parseScreeningsSearch({ context: 'prison', level: 'verdict', minor: 'maybe', mine: false, from: '2026-13-45', to: '5 December', sort: 'name', cursor: 'not a cursor!' })).toEqual({
      context: undefined,
      level: undefined,
      minor: undefined,
      mine: undefined,
      from: undefined,
      to: undefined,
      sort: undefined,
      cursor: undefined,
    });
  });
});
