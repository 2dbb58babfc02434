import { describe, expect, it } from 'vitest';
import { EXPLOITATION_FORMS, IndicatorCatalogueSchema, INDICATOR_SETS, PathwayRulesSchema, SCREENING_CONTEXTS, STEP_KINDS } from '@lykt/shared';
import catalogue20261Json from '../indicators/catalogue-2026.1.json';
import catalogueJson from '../indicators/catalogue-2026.2.json';
import pathwayJson from '../indicators/pathway-default.no.json';
import { CURRENT_CATALOGUE_VERSION, DEFAULT_PATHWAY_NO, INDICATOR_CATALOGUES, STEP_LEGAL_BASIS_NO, currentCatalogue } from './indicators';

describe('the indicator catalogue', () => {
  const catalogue = IndicatorCatalogueSchema.parse(catalogueJson);

  it('matches its schema, and the file name carries its version', () => {
    expect(catalogue.version).toBe('2026.2');
    expect(CURRENT_CATALOGUE_VERSION).toBe('2026.2');
    expect(INDICATOR_CATALOGUES[CURRENT_CATALOGUE_VERSION]).toEqual(currentCatalogue());
  });

  it('keeps 2026.1 readable with the rule its screenings were scored by, and 2026.2 scores general indicators apart', () => {
    const older = IndicatorCatalogueSchema.parse(catalogue20261Json);
    expect(older.version).toBe('2026.1');
    expect(INDICATOR_CATALOGUES['2026.1']?.scoring.generalIndicators).toBe('every_form');
    expect(catalogue.scoring.generalIndicators).toBe('general_level');
    // A released catalogue keeps its ids: every 2026.1 indicator is still there.
    const ids = new Set(catalogue.indicators.map((indicator) => indicator.id));
    for (const indicator of older.indicators) expect(ids.has(indicator.id), indicator.id).toBe(true);
  });

  it('compares every strength with the ILO/EU operational indicators and explains each deviation', () => {
    for (const indicator of catalogue.indicators) {
      const reference = indicator.reference;
      expect(reference, indicator.id).toBeDefined();
      if (!reference) continue;
      if (reference.iloEu === null || reference.iloEu.strength !== indicator.strength) expect(reference.deviation, indicator.id).not.toBeNull();
    }
  });

  it('asks no negated questions and names the person one way in each language', () => {
    for (const indicator of catalogue.indicators) {
      const { nb, en } = indicator.question;
      expect(nb, indicator.id).not.toMatch(/^\S+ (personen|barnet) (ikke|aldri|ingen|verken)\b/);
      expect(en, indicator.id).not.toMatch(/^\S+ the (person|child) (not|never|unable|\w+ no)\b/);
      const [subjectNb, subjectEn] = indicator.set === 'children' ? ['barnet', 'the child'] : ['personen', 'the person'];
      expect(nb.toLowerCase(), indicator.id).toContain(subjectNb);
      expect(en.toLowerCase(), indicator.id).toContain(subjectEn);
    }
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
    for (const kind of [
      'call_emergency',
      'notify_child_welfare',
      'contact_coordinator',
      'talk_with_person',
      'contact_labour_inspection',
      'contact_akrim',
      'contact_police_with_consent',
      'offer_shelter',
      'explain_reflection_period',
    ] as const) {
      expect(kinds).toContain(kind);
    }
    expect(rules.find((rule) => rule.step.kind === 'call_emergency')?.step.phone).toBe('112');
  });

  it('never sends an adult to the police without their consent, except in danger (112)', () => {
    for (const rule of DEFAULT_PATHWAY_NO.rules) {
      if (rule.step.kind === 'contact_police') throw new Error(`${rule.id}: the default names the police only with consent`);
      if (rule.step.kind === 'contact_police_with_consent') expect(rule.step.urgency, rule.id).toBe('this_week');
    }
  });

  it('gives every kind of step a legal basis in both languages, with a source for every section it names', () => {
    for (const kind of STEP_KINDS) {
      const basis = STEP_LEGAL_BASIS_NO[kind];
      for (const text of [basis.nb, basis.en]) {
        for (const match of text.matchAll(/([a-zæøå]+loven) § (\d+(?:-\d+)?(?: [a-z]\b)?)/g)) {
          const law = `${match[1]} § ${match[2]}`;
          expect(
            (basis.sources ?? []).some((source) => 'law' in source && source.law === law),
            `${kind}: ${law}`,
          ).toBe(true);
        }
      }
    }
    expect(STEP_LEGAL_BASIS_NO.contact_police_with_consent.nb).toContain('straffeloven § 196');
    expect(STEP_LEGAL_BASIS_NO.notify_child_welfare.nb).toContain('barnevernsloven § 13-2');
  });
});
