import type { IndicatorCatalogue } from '../contracts/screening';

/** A small catalogue for the scoring and pathway tests. */
const q = { nb: 'Spørsmål?', en: 'Question?' };
const codes = { ilo: [], unodc: [], htcds: [] };
const ALL = ['labour', 'sexual', 'domestic_servitude', 'forced_begging', 'forced_criminality', 'organ_removal'] as const;
export const TEST_CATALOGUE: IndicatorCatalogue = {
  version: '2099.1',
  publishedOn: '2099-01-01',
  sources: [{ law: 'straffeloven § 257', checked: '2099-01-01' }],
  scoring: { strongLevel: { minStrong: 1, minMedium: 3 }, generalIndicators: 'general_level' },
  indicators: [
    { id: 'gen.strong', set: 'general', strength: 'strong', forms: [...ALL], codes, question: q, explanation: q },
    { id: 'gen.weak', set: 'general', strength: 'weak', forms: [...ALL], codes, question: q, explanation: q },
    { id: 'lab.strong-a', set: 'labour', strength: 'strong', forms: ['labour'], codes, question: q, explanation: q },
    { id: 'lab.strong-b', set: 'labour', strength: 'strong', forms: ['labour'], codes, question: q, explanation: q },
    { id: 'lab.medium-a', set: 'labour', strength: 'medium', forms: ['labour'], codes, question: q, explanation: q },
    { id: 'lab.medium-b', set: 'labour', strength: 'medium', forms: ['labour'], codes, question: q, explanation: q },
    { id: 'lab.medium-c', set: 'labour', strength: 'medium', forms: ['labour'], codes, question: q, explanation: q },
    { id: 'sex.medium', set: 'sexual', strength: 'medium', forms: ['sexual'], codes, question: q, explanation: q },
    { id: 'chi.weak', set: 'children', strength: 'weak', forms: [...ALL], codes, question: q, explanation: q },
  ],
  guides: [{ context: 'health', title: q, intro: q, indicatorIds: ['chi.weak', 'sex.medium', 'gen.strong', 'lab.strong-a', 'gen.weak'] }],
};

