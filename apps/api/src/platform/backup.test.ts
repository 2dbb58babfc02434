import { describe, expect, it } from 'vitest';
import { parentsFirst } from './backup';

describe('parentsFirst', () => {
  it('puts every parent before its children, at any depth, keeping rows without parents as they are', () => {
    const rows = [
      { id: 'c', parent_id: 'b' },
      { id: 'x', parent_id: null },
      { id: 'b', parent_id: 'a' },
      { id: 'a', parent_id: null },
    ];
    const order = parentsFirst(rows).map((row) => (row as { id: string }).id);
    expect(order.indexOf('a')).toBeLessThan(order.indexOf('b'));
    expect(order.indexOf('b')).toBeLessThan(order.indexOf('c'));
    expect(order).toHaveLength(4);
  });

  it('returns tables without a parent column unchanged', () => {
    const rows = [{ id: 2 }, { id: 1 }];
    expect(parentsFirst(rows)).toBe(rows);
  });
});
