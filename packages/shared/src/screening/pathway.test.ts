import { describe, expect, it } from 'vitest';
import type { PathwayRule } from '../contracts/pathway';
import type { ScreeningFacts } from '../contracts/screening';
import { evaluatePathway } from './pathway';
import { scoreScreening } from './score';
import { TEST_CATALOGUE } from './test-catalogue';

const step = (kind: PathwayRule['step']['kind']) => ({ kind, urgency: 'today' as const, organisationId: null, organisationKind: null, phone: null });

/** The national default rules, in the shape the coordinator configures them. */
const RULES: PathwayRule[] = [
  { id: 'danger', when: { immediateDanger: true }, step: { ...step('call_emergency'), phone: '112' } },
  { id: 'minor', when: { possibleMinor: true, minAny: 1 }, step: step('notify_child_welfare') },
  { id: 'coordinator', when: { minAny: 1 }, step: step('contact_coordinator') },
  { id: 'labour', when: { possibleMinor: false, forms: ['labour'], minLevel: 'strong_indicators' }, step: step('contact_labour_inspection') },
  { id: 'shelter', when: { possibleMinor: false, wantsHelp: 'yes', minAny: 1 }, step: step('offer_shelter') },
  { id: 'two-strong', when: { minStrong: 2 }, step: step('contact_police') },
  { id: 'medium', when: { forms: ['sexual'], minMedium: 1 }, step: step('contact_health') },
  { id: 'nothing', when: { maxAny: 0, immediateDanger: false }, step: step('keep_watch') },
];

const facts = (overrides: Partial<ScreeningFacts> = {}): ScreeningFacts => ({
  ageBand: '25_39',
  possibleMinor: false,
  gender: 'female',
  nationality: null,
  sector: 'none',
  placeKind: 'health_service',
  immediateDanger: false,
  wantsHelp: 'unknown',
  ...overrides,
});

describe('evaluatePathway', () => {
  it.each([
    { name: 'a minor with one weak indicator', answers: { 'gen.weak': 'yes' }, minor: true, facts: facts({ ageBand: '13_15' }), steps: ['minor', 'coordinator'] },
    { name: 'general indicators alone meet a rule without a form', answers: { 'gen.strong': 'yes' }, minor: false, facts: facts(), steps: ['coordinator'] },
    { name: 'general and a labour indicator together meet the labour rule', answers: { 'gen.strong': 'yes', 'lab.medium-a': 'yes' }, minor: false, facts: facts(), steps: ['coordinator', 'labour'] },
    { name: 'an adult with two strong labour indicators', answers: { 'lab.strong-a': 'yes', 'lab.strong-b': 'yes' }, minor: false, facts: facts(), steps: ['coordinator', 'labour', 'two-strong'] },
    { name: 'an adult in immediate danger with no indicators', answers: {}, minor: false, facts: facts({ immediateDanger: true }), steps: ['danger'] },
    { name: 'immediate danger for a minor with an indicator', answers: { 'gen.strong': 'yes' }, minor: true, facts: facts({ immediateDanger: true, possibleMinor: true }), steps: ['danger', 'minor', 'coordinator'] },
    { name: 'no indicators', answers: { 'gen.strong': 'no' }, minor: false, facts: facts(), steps: ['nothing'] },
    { name: 'an adult who wants help', answers: { 'gen.weak': 'yes' }, minor: false, facts: facts({ wantsHelp: 'yes' }), steps: ['coordinator', 'shelter'] },
    { name: 'a minor with strong labour indicators does not get the adult labour step', answers: { 'lab.strong-a': 'yes' }, minor: true, facts: facts({ possibleMinor: true }), steps: ['minor', 'coordinator'] },
    { name: 'a form condition only looks at that form', answers: { 'sex.medium': 'yes' }, minor: false, facts: facts(), steps: ['coordinator', 'medium'] },
    { name: 'medium labour only does not match the sexual-form rule', answers: { 'lab.medium-a': 'yes' }, minor: false, facts: facts(), steps: ['coordinator'] },
  ] as const)('$name', ({ answers, minor, facts: screeningFacts, steps }) => {
    const profile = scoreScreening(TEST_CATALOGUE, answers, minor);
    expect(evaluatePathway(RULES, { facts: screeningFacts, profile }).map((rule) => rule.id)).toEqual(steps);
  });

  it('gives an identical step once, at its first place', () => {
    const profile = scoreScreening(TEST_CATALOGUE, { 'gen.weak': 'yes' }, false);
    const rules: PathwayRule[] = [
      { id: 'first', when: { minAny: 1 }, step: step('explain_reflection_period') },
      { id: 'again', when: { wantsHelp: 'yes' }, step: step('explain_reflection_period') },
      { id: 'police', when: { minAny: 1 }, step: { ...step('contact_police'), phone: '02800' } },
      { id: 'other-police', when: { minAny: 1 }, step: { ...step('contact_police'), organisationKind: 'police' } },
    ];
    expect(evaluatePathway(rules, { facts: facts({ wantsHelp: 'yes' }), profile }).map((rule) => rule.id)).toEqual(['first', 'police', 'other-police']);
  });

  it('applies a rule with no conditions always, in the configured order', () => {
    const profile = scoreScreening(TEST_CATALOGUE, {}, false);
    const rules: PathwayRule[] = [{ id: 'always', when: {}, step: step('send_concern') }, ...RULES];
    expect(evaluatePathway(rules, { facts: facts(), profile }).map((rule) => rule.id)).toEqual(['always', 'nothing']);
  });
});
