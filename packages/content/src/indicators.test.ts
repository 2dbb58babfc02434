import { describe, expect, it } from 'vitest';
import { EXPLOITATION_FORMS, IndicatorCatalogueSchema, INDICATOR_SETS, PathwayRulesSchema, SCREENING_CONTEXTS } from '@lykt/shared';
import catalogueJson from '../indicators/catalogue-2026.1.json';
import pathwayJson from '../indicators/pathway-default.no.json';
import { CURRENT_CATALOGUE_VERSION, DEFAULT_PATHWAY_NO, INDICATOR_CATALOGUES, currentCatalogue } from './indicators';

describe('the indicator catalogue', () => {
  const catalogue = IndicatorCatalogueSchema.parse(catalogueJson);

  it('matches its schema, and the file name carries its version', () => {
    expect(catalogue.version).toBe('2026.1');
    expect(INDICATOR_CATALOGUES[CURRENT_CATALOGUE_VERSION]).toEqual(currentCatalogue());
  });

  it('gives every indicator a unique id', () => {
    const ids = catalogue.indicators.map((indicator) => indicator.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('translates every question and explanation into bokmål and English, and they differ', () => {
    for (const indicator of catalogue.indicators) {
      for (const text of [indicator.question, indicator.explanation]) {
        expect(text.nb.length, indicator.id).toBeGreaterThan(10);
        expect(text.en.length, indicator.id).toBeGreaterThan(10);
        expect(text.nb, indicator.id).not.toBe(text.en);
      }
      expect(indicator.question.nb.endsWith('?'), indicator.id).toBe(true);
      expect(indicator.question.en.endsWith('?'), indicator.id).toBe(true);
    }
  });

  it('has a general set, a set per exploitation form and a set for children', () => {
    for (const set of INDICATOR_SETS) {
      expect(catalogue.indicators.filter((indicator) => indicator.set === set).length, set).toBeGreaterThanOrEqual(2);
    }
  });

  it('names its set in its id, and a form set applies to its own form', () => {
    const prefixes: Record<string, string> = {
      general: 'gen',
      labour: 'lab',
      sexual: 'sex',
      domestic_servitude: 'dom',
      forced_begging: 'beg',
      forced_criminality: 'crim',
      organ_removal: 'org',
      children: 'chi',
    };
    for (const indicator of catalogue.indicators) {
      expect(indicator.id.split('.')[0], indicator.id).toBe(prefixes[indicator.set]);
      if ((EXPLOITATION_FORMS as readonly string[]).includes(indicator.set)) expect(indicator.forms).toContain(indicator.set);
      if (indicator.set === 'general') expect([...indicator.forms].sort()).toEqual([...EXPLOITATION_FORMS].sort());
    }
  });

  it('covers all eleven ILO forced-labour indicators', () => {
    const codes = new Set(catalogue.indicators.flatMap((indicator) => indicator.codes.ilo));
    for (let n = 1; n <= 11; n += 1) expect(codes, `ILO11-${String(n).padStart(2, '0')}`).toContain(`ILO11-${String(n).padStart(2, '0')}`);
  });

  it('has one guide per service context, each naming existing indicators once, general ones included', () => {
    const ids = new Set(catalogue.indicators.map((indicator) => indicator.id));
    expect(catalogue.guides.map((guide) => guide.context).sort()).toEqual([...SCREENING_CONTEXTS].sort());
    for (const guide of catalogue.guides) {
      expect(new Set(guide.indicatorIds).size, guide.context).toBe(guide.indicatorIds.length);
      for (const id of guide.indicatorIds) expect(ids.has(id), `${guide.context}: ${id}`).toBe(true);
      expect(guide.indicatorIds.some((id) => id.startsWith('gen.')), guide.context).toBe(true);
      expect(guide.indicatorIds.some((id) => id.startsWith('chi.')), guide.context).toBe(true);
      expect(guide.title.nb).not.toBe(guide.title.en);
    }
  });
});

describe('the default Norwegian referral pathway', () => {
  it('matches the rule schema and has the national steps', () => {
    const rules = PathwayRulesSchema.parse(pathwayJson.rules);
    expect(DEFAULT_PATHWAY_NO.rules).toEqual(rules);
    const kinds = rules.map((rule) => rule.step.kind);
    for (const kind of ['call_emergency', 'notify_child_welfare', 'contact_coordinator', 'contact_labour_inspection', 'offer_shelter', 'explain_reflection_period'] as const) {
      expect(kinds).toContain(kind);
    }
    expect(rules.find((rule) => rule.step.kind === 'call_emergency')?.step.phone).toBe('112');
  });
});
