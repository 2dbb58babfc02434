import { describe, expect, it } from 'vitest';
import { DECLARATION_CLAUSES, DUE_DILIGENCE_QUESTIONS } from '@lykt/shared';
import { declarationTexts, highRiskList, procurementLegalBasis, requirementTemplate, sectorRisk } from './procurement';

describe('procurement content', () => {
  it('parses, and every high-risk category and legal item carries sources', () => {
    expect(highRiskList.categories.length).toBeGreaterThan(0);
    for (const category of highRiskList.categories) expect(category.sources.length).toBeGreaterThan(0);
    for (const item of procurementLegalBasis.items) expect(item.sources.length).toBeGreaterThan(0);
    expect(procurementLegalBasis.items.map((item) => item.key)).toEqual(expect.arrayContaining(['human_rights_routines', 'pay_conditions', 'sanctions', 'transparency_act']));
  });

  it('sources every template requirement, and the three seriousness requirements at DFØ’s pages or the regulation', () => {
    for (const item of requirementTemplate.items) expect(item.sources.length, item.key).toBeGreaterThan(0);
    const byKey = new Map(requirementTemplate.items.map((item) => [item.key, item]));
    const urls = (key: string) => (byKey.get(key)?.sources ?? []).map((source) => ('url' in source ? source.url : source.law));
    expect(urls('wages_to_bank')).toContain('https://anskaffelser.no/verktoy/veiledere/krav-om-betaling-bank');
    expect(urls('subcontractor_tiers')).toContain('https://anskaffelser.no/berekraftige-anskaffingar/arbeidslivskriminalitet/begrensning-i-antall-ledd-i-leverandorkjeden');
    expect(urls('apprentices').some((url) => url.includes('forskrift-om-bruk-av-larlinger-i-offentlige-kontrakter'))).toBe(true);
    for (const key of ['wages_to_bank', 'subcontractor_tiers', 'apprentices']) expect(byKey.get(key)?.basis, key).toBe('regulation');
    // HMS cards rest on what municipalities and the industry set, not on a regulation read here: marked as such.
    expect(byKey.get('hms_cards')?.basis).toBe('municipal_practice');
  });

  it('says plainly that the high-risk list is incomplete rather than inventing categories', () => {
    expect(highRiskList.note).toMatch(/Only the categories whose own DFØ page could be found/);
    expect(highRiskList.missing.nb.length).toBeGreaterThan(0);
  });

  it('codes each ISIC section at most once, and the template keys are unique', () => {
    const codes = sectorRisk.sections.map((section) => section.code);
    expect(new Set(codes).size).toBe(codes.length);
    const keys = requirementTemplate.items.map((item) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has the supplier page in nb and en with every clause and question', () => {
    for (const lang of ['nb', 'en']) {
      const texts = declarationTexts[lang];
      expect(texts).toBeDefined();
      expect(Object.keys(texts?.clauses ?? {}).sort()).toEqual([...DECLARATION_CLAUSES].sort());
      expect(Object.keys(texts?.questions ?? {}).sort()).toEqual([...DUE_DILIGENCE_QUESTIONS].sort());
    }
  });
});
