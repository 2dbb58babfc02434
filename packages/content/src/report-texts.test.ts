import { describe, expect, it } from 'vitest';
import { fillText, REPORT_TEXT_DOCUMENTS, ReportTextsDocumentSchema, reportTexts } from './report-texts';

const placeholders = (value: unknown, path = ''): Array<[string, string[]]> => {
  if (typeof value === 'string') return [[path, [...value.matchAll(/\{([a-zA-Z]+)\}/g)].map((match) => match[1] ?? '').sort()]];
  if (Array.isArray(value)) return value.flatMap((item, index) => placeholders(item, `${path}.${index}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => placeholders(item, `${path}.${key}`));
  return [];
};

describe('council report texts', () => {
  it('validate in every version', () => {
    for (const document of REPORT_TEXT_DOCUMENTS) expect(() => ReportTextsDocumentSchema.parse(document)).not.toThrow();
  });

  it('use the same placeholders in bokmål and English', () => {
    expect(placeholders(reportTexts('en'))).toEqual(placeholders(reportTexts('nb')));
  });

  it('fill placeholders and refuse a missing value', () => {
    expect(fillText('{a} av {b}', { a: 1, b: 'to' })).toBe('1 av to');
    expect(() => fillText('{a}', {})).toThrow();
  });
});
