import { describe, expect, it } from 'vitest';
import { NATIONAL_FIGURE_DOCUMENTS, NationalFiguresDocumentSchema, nationalFigures } from './national-figures';

describe('national figures (KOM)', () => {
  it('validate in every version, each figure with a dated source', () => {
    for (const document of NATIONAL_FIGURE_DOCUMENTS) expect(() => NationalFiguresDocumentSchema.parse(document)).not.toThrow();
    for (const figure of nationalFigures().figures) {
      expect(figure.sources.length).toBeGreaterThan(0);
      for (const source of figure.sources) expect(source.checked).toBe('2026-12-04');
    }
  });

  it('hold one figure per year and measure, in year order', () => {
    const keys = nationalFigures().figures.map((figure) => `${figure.year}:${figure.measure}`);
    expect(new Set(keys).size).toBe(keys.length);
    const years = nationalFigures().figures.map((figure) => figure.year);
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });

  it('refuse a figure without a source', () => {
    const broken = { ...nationalFigures(), figures: [{ year: 2020, measure: 'police_reports', value: { kind: 'exact', value: 1 }, sources: [] }] };
    expect(() => NationalFiguresDocumentSchema.parse(broken)).toThrow();
  });
});
