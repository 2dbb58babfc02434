import { describe, expect, it } from 'vitest';
import { addMonths, duplicateKey, firstNameOf } from './case.person';

describe('duplicateKey', () => {
  it('matches spellings that differ in case, accents, spacing and word order', () => {
    const a = duplicateKey('Ána  Maria Pop', '1999-02-03');
    expect(a).toBe(duplicateKey('pop, ana maria', '1999-02-03'));
    expect(a).toBe('ana maria pop|1999-02-03');
  });
  it('maps ø and æ so Norwegian spellings meet their transliterations', () => {
    expect(duplicateKey('Bjørn Sæther', '2001-01-01')).toBe(duplicateKey('Bjorn Saether', '2001-01-01'));
  });
  it('needs both a name and a date of birth', () => {
    expect(duplicateKey('Ana Pop', null)).toBeNull();
    expect(duplicateKey(null, '1999-02-03')).toBeNull();
    expect(duplicateKey(' -- ', '1999-02-03')).toBeNull();
  });
  it('does not match another birth date', () => {
    expect(duplicateKey('Ana Pop', '1999-02-03')).not.toBe(duplicateKey('Ana Pop', '1999-02-04'));
  });
});

describe('firstNameOf and addMonths', () => {
  it('takes the first given name', () => {
    expect(firstNameOf('  Ana Maria Pop ')).toBe('Ana');
    expect(firstNameOf(null)).toBeNull();
  });
  it('adds calendar months', () => {
    expect(addMonths(new Date('2024-01-15T00:00:00Z'), 24).toISOString()).toBe('2026-01-15T00:00:00.000Z');
  });
});
