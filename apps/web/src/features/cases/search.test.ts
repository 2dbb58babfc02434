import { describe, expect, it } from 'vitest';
import { parseNewCaseSearch } from './search';

describe('parseNewCaseSearch', () => {
  it('keeps a concern or tip source with a UUID', () => {
    expect(parseNewCaseSearch({ sourceKind: 'concern', sourceId: '0b6a2c1e-8f1d-4a7e-9c3b-2d4e5f6a7b8c' })).toEqual({ sourceKind: 'concern', sourceId: '0b6a2c1e-8f1d-4a7e-9c3b-2d4e5f6a7b8c' });
  });
  it('drops anything else', () => {
    expect(parseNewCaseSearch({ sourceKind: 'concern', sourceId: 'x' })).toEqual({});
    expect(parseNewCaseSearch({ sourceKind: 'direct', sourceId: '0b6a2c1e-8f1d-4a7e-9c3b-2d4e5f6a7b8c' })).toEqual({});
    expect(parseNewCaseSearch({})).toEqual({});
  });
});
