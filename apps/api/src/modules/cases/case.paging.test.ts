import { describe, expect, it } from 'vitest';
import { pageTotal } from './case.repository';

describe('pageTotal', () => {
  it('reads the exact total off a short page that is not past the end', () => {
    expect(pageTotal(0, 50, 0)).toBe(0);
    expect(pageTotal(0, 50, 7)).toBe(7);
    expect(pageTotal(100, 50, 3)).toBe(103);
  });

  it('asks for a count when the page is full or empty past the first page', () => {
    expect(pageTotal(0, 50, 50)).toBeNull();
    expect(pageTotal(50, 50, 50)).toBeNull();
    expect(pageTotal(200, 50, 0)).toBeNull();
  });
});
