import { evaluatePathway, guideIndicators, listedForms, scoreScreening, type Answer, type ScreeningFacts } from '@lykt/shared';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PATHWAY_NO, INDICATOR_CATALOGUES, currentCatalogue } from './indicators';

/** The scoring and the default pathway with the real catalogue: answer sets taken from its own indicators. */
const catalogue = currentCatalogue();
const yes = (...ids: string[]): Record<string, Answer> => Object.fromEntries(ids.map((id) => [id, 'yes' as const]));

const facts = (overrides: Partial<ScreeningFacts> = {}): ScreeningFacts => ({
  ageBand: '25_39',
  possibleMinor: false,
  gender: 'male',
  nationality: null,
  sector: 'construction',
  placeKind: 'workplace',
  immediateDanger: false,
  wantsHelp: 'unknown',
  ...overrides,
});

// The reported case: only "work and services" ticked, five questions answered yes.
const LABOUR_FIVE = yes('gen.documents-held', 'gen.debt', 'gen.movement-restricted', 'lab.lives-at-work', 'lab.excessive-hours');

describe('the screening profile with the real catalogue', () => {
  it('the labour guide answered yes five times shows labour and the general level, not six forms', () => {
    const asked = guideIndicators(catalogue, 'health', ['labour'], false).map((indicator) => indicator.id);
    for (const id of Object.keys(LABOUR_FIVE)) expect(asked, id).toContain(id);
    const profile = scoreScreening(catalogue, LABOUR_FIVE, false);
    expect(listedForms(profile).map((form) => form.form)).toEqual(['labour']);
    expect(profile.general).toMatchObject({ strong: 3, level: 'strong_indicators' });
    const labour = profile.forms.find((form) => form.form === 'labour');
    expect(labour).toMatchObject({ level: 'strong_indicators', ownIndicatorIds: ['lab.excessive-hours', 'lab.lives-at-work'] });
    expect(profile.forms.find((form) => form.form === 'organ_removal')?.level).toBe('none');
  });

  it('catalogue 2026.1 still scores as its saved screenings were scored (the error this release fixes)', () => {
    const older = INDICATOR_CATALOGUES['2026.1'];
    if (!older) throw new Error('2026.1 missing');
    expect(listedForms(scoreScreening(older, LABOUR_FIVE, false))).toHaveLength(6);
  });

  it('general signs of control alone give a general level of concern and no form', () => {
    const profile = scoreScreening(catalogue, yes('gen.documents-held', 'gen.threats', 'gen.fear'), false);
    expect(profile.general).toMatchObject({ strong: 1, medium: 2, level: 'strong_indicators' });
    expect(listedForms(profile)).toEqual([]);
    expect(profile.level).toBe('strong_indicators');
  });

  it('one own indicator of a form with strong general ones makes that form strong, and only that one', () => {
    const profile = scoreScreening(catalogue, yes('gen.violence', 'sex.few-belongings'), false);
    expect(listedForms(profile).map((form) => [form.form, form.level])).toEqual([['sexual', 'strong_indicators']]);
  });

  it("a form's own weak indicator alone stays at some indicators", () => {
    const profile = scoreScreening(catalogue, yes('dom.eats-apart'), false);
    expect(listedForms(profile).map((form) => [form.form, form.level])).toEqual([['domestic_servitude', 'some_indicators']]);
    expect(profile.general?.level).toBe('none');
  });

  it("children's indicators for every form count as general for a minor; a child's sexual sign lists the sexual form", () => {
    const profile = scoreScreening(catalogue, yes('chi.no-parents', 'chi.sexual-signs'), true);
    expect(profile.general?.indicatorIds).toEqual(['chi.no-parents']);
    expect(listedForms(profile).map((form) => form.form)).toEqual(['sexual']);
  });
});

describe('the default pathway with the real catalogue', () => {
  const steps = (answers: Record<string, Answer>, screeningFacts: ScreeningFacts) =>
    evaluatePathway(DEFAULT_PATHWAY_NO.rules, { facts: screeningFacts, profile: scoreScreening(catalogue, answers, screeningFacts.possibleMinor) }).map(
      (rule) => `${rule.step.kind}:${rule.step.urgency}`,
    );

  it('strong indicators for an adult: talk, help and the reflection period, the coordinator; the police only with consent', () => {
    expect(steps(yes('gen.violence', 'sex.forced-acts'), facts())).toEqual([
      'contact_coordinator:today',
      'talk_with_person:today',
      'explain_reflection_period:today',
      'contact_police_with_consent:this_week',
      'send_concern:today',
    ]);
  });

  it('strong labour indicators: the labour inspection, the A-krim centre and the police named as well', () => {
    expect(steps(LABOUR_FIVE, facts({ wantsHelp: 'yes' }))).toEqual([
      'contact_coordinator:today',
      'talk_with_person:today',
      'explain_reflection_period:today',
      'contact_labour_inspection:this_week',
      'contact_akrim:this_week',
      'contact_police_with_consent:this_week',
      'offer_shelter:today',
      'send_concern:today',
    ]);
  });

  it('a child follows the duty to notify child welfare; danger to life means 112', () => {
    expect(steps(yes('chi.unsuitable-work'), facts({ ageBand: '13_15', possibleMinor: true }))).toEqual(['notify_child_welfare:now', 'contact_coordinator:today', 'send_concern:today']);
    expect(steps({}, facts({ immediateDanger: true }))).toEqual(['call_emergency:now']);
  });

  it('never names the police for an adult "today" or "now" except 112', () => {
    const all = [yes('gen.violence', 'gen.documents-held', 'gen.debt', 'crim.made-to-commit', 'org.offered-payment'), LABOUR_FIVE];
    for (const answers of all) {
      for (const step of steps(answers, facts())) expect(step.startsWith('contact_police'), step).toBe(step.endsWith(':this_week') && step.startsWith('contact_police_with_consent'));
    }
  });
});
