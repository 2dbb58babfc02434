import { describe, expect, it } from 'vitest';
import { normalisePersonName } from '@lykt/shared';
import { nameSkeleton, overlapTableFrom, parseListCsv, personVariants } from './prevalence.linkage';

describe('pseudonym variants', () => {
  it('normalise case, accents, punctuation and word order like the case duplicate check', () => {
    expect(normalisePersonName('  Ålesund-Hansen, ØYVIND ')).toBe('alesund hansen oyvind');
  });

  it('tolerate vowel typos and doubled letters through the skeleton', () => {
    expect(nameSkeleton(normalisePersonName('Mohammed Ali'))).toBe(nameSkeleton(normalisePersonName('Muhamed Aly')));
    expect(nameSkeleton(normalisePersonName('Anna Larsen'))).not.toBe(nameSkeleton(normalisePersonName('Anna Jensen')));
  });

  it('add a day/month swap only when the day could be a month', () => {
    expect(personVariants({ name: 'A B', birth: '1990-03-04' })).toEqual(['a b|1990-03-04', 'a b|1990-04-03', '~a b|1990-03-04', '~a b|1990-04-03']);
    expect(personVariants({ name: 'A B', birth: '1990-03-25' })).toHaveLength(2);
    expect(personVariants({ name: 'A B', birth: '1990' })).toEqual(['a b|1990', '~a b|1990']);
  });
});

describe('reading a list', () => {
  it('reads name and date or year of birth, in Norwegian or English headers, and skips rows that cannot be linked', () => {
    const { people, skipped } = parseListCsv('Navn;Fødselsdato;Kjønn\nKari Nordmann;03.04.1990;K\n;1990-01-01;M\nOla;;M\n');
    expect(people).toEqual([{ name: 'Kari Nordmann', birth: '1990-04-03' }]);
    expect(skipped).toBe(2);
  });

  it('names the line, never the value, in an error', () => {
    expect(() => parseListCsv('name,date_of_birth\nKari Nordmann,1990/04/03\n')).toThrow(/^Line 2: the date of birth must be/);
    try {
      parseListCsv('name,date_of_birth\nKari Nordmann,1990/04/03\n');
    } catch (error) {
      expect((error as Error).message).not.toMatch(/Kari|1990/);
    }
    expect(() => parseListCsv('who,date_of_birth\n')).toThrow(/column "name"/);
  });
});

describe('linking lists into an overlap table', () => {
  it('joins records that share any pseudonym, transitively, and counts each pattern', () => {
    const table = overlapTableFrom(
      ['A', 'B', 'C'],
      [
        { list: 0, person: 0, pseudonym: 'p1' },
        { list: 1, person: 0, pseudonym: 'p1' },
        { list: 1, person: 0, pseudonym: 'p2' },
        { list: 2, person: 0, pseudonym: 'p2' },
        { list: 0, person: 1, pseudonym: 'q' },
        { list: 2, person: 1, pseudonym: 'r' },
      ],
    );
    expect(table).toEqual({
      lists: ['A', 'B', 'C'],
      rows: [
        { pattern: [1, 0, 0], count: 1 },
        { pattern: [0, 0, 1], count: 1 },
        { pattern: [1, 1, 1], count: 1 },
      ],
    });
  });
});
