import { describe, expect, it } from 'vitest';
import textsV1 from '../cases/export-texts.v1.json';
import { CaseExportTextFileSchema, caseExportTexts } from './case-export-texts';

describe('case export texts', () => {
  it('label every coded value and heading in bokmål and English', () => {
    const result = CaseExportTextFileSchema.safeParse(textsV1);
    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues.slice(0, 5))).toBe(true);
  });
  it('give the texts of a language', () => {
    expect(caseExportTexts('nb').values.genders.female).toBe('Kvinne');
    expect(caseExportTexts('en').document.title).toContain('{number}');
  });
});
