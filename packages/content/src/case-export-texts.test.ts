import { describe, expect, it } from 'vitest';
import textsV1 from '../cases/export-texts.v1.json';
import { CaseExportTextFileSchema, caseExportTexts, CASE_EXPORT_LANGUAGES } from './case-export-texts';

describe('case export texts', () => {
  it('label every coded value and heading in bokmål and English', () => {
    const result = CaseExportTextFileSchema.safeParse(textsV1);
    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues.slice(0, 5))).toBe(true);
  });
  it('give the texts of a language', () => {
    expect(caseExportTexts('nb').values.genders.female).toBe('Kvinne');
    expect(caseExportTexts('en').document.title).toContain('{number}');
  });
  it('source every right of the data subject to its article, and the complaint to Datatilsynet’s page', () => {
    for (const language of CASE_EXPORT_LANGUAGES) {
      const access = caseExportTexts(language).access;
      const laws = access.rights.map((right) => right.sources.flatMap((source) => ('law' in source ? [source.law] : [])));
      expect(laws).toEqual([['personvernforordningen art. 16'], ['personvernforordningen art. 17'], ['personvernforordningen art. 18'], ['personvernforordningen art. 21']]);
      expect(access.complaint.sources).toContainEqual(expect.objectContaining({ publisher: 'Datatilsynet', url: expect.stringMatching(/^https:\/\/www\.datatilsynet\.no\//) }));
      expect(access.complaint.text).toContain('Datatilsynet');
      expect(caseExportTexts(language).recipient.basisTexts.avert_serious_crime.sources).toContainEqual({ law: 'straffeloven § 196', checked: '2026-12-04' });
      expect(caseExportTexts(language).recipient.basisTexts.child_welfare_notification.sources).toContainEqual({ law: 'barnevernsloven § 13-2', checked: '2026-12-04' });
    }
  });
  it('refuse a legal text without a source', () => {
    const broken = structuredClone(textsV1);
    broken.texts.en.access.complaint.sources = [];
    expect(CaseExportTextFileSchema.safeParse(broken).success).toBe(false);
  });
});
