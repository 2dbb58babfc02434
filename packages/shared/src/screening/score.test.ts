import { describe, expect, it } from 'vitest';
import { guideIndicators, isPossibleMinor, listedForms, scoreScreening } from './score';
import { TEST_CATALOGUE } from './test-catalogue';

const form = (profile: ReturnType<typeof scoreScreening>, name: string) => profile.forms.find((entry) => entry.form === name);

describe('scoreScreening', () => {
  it.each([
    { name: 'no answers', answers: {}, minor: false, level: 'none', labour: [0, 0, 0], yes: 0 },
    { name: 'all no', answers: { 'gen.strong': 'no', 'lab.strong-a': 'no' }, minor: false, level: 'none', labour: [0, 0, 0], yes: 0 },
    { name: 'one weak general gives a general level, no form', answers: { 'gen.weak': 'yes' }, minor: false, level: 'some_indicators', labour: [0, 0, 0], yes: 1 },
    { name: 'two strong labour', answers: { 'lab.strong-a': 'yes', 'lab.strong-b': 'yes' }, minor: false, level: 'strong_indicators', labour: [2, 0, 0], yes: 2 },
    { name: 'three medium reach the strong level', answers: { 'lab.medium-a': 'yes', 'lab.medium-b': 'yes', 'lab.medium-c': 'yes' }, minor: false, level: 'strong_indicators', labour: [0, 3, 0], yes: 3 },
    { name: 'two medium do not', answers: { 'lab.medium-a': 'yes', 'lab.medium-b': 'yes', 'lab.medium-c': 'unknown' }, minor: false, level: 'some_indicators', labour: [0, 2, 0], yes: 2 },
    { name: "a child's indicator for an adult is ignored", answers: { 'chi.weak': 'yes' }, minor: false, level: 'none', labour: [0, 0, 0], yes: 0 },
    { name: "a child's indicator for every form counts as general for a minor", answers: { 'chi.weak': 'yes' }, minor: true, level: 'some_indicators', labour: [0, 0, 0], yes: 1 },
    { name: 'unknown ids are ignored by the pure function', answers: { 'nope.x': 'yes' }, minor: false, level: 'none', labour: [0, 0, 0], yes: 0 },
  ] as const)('$name', ({ answers, minor, level, labour, yes }) => {
    const profile = scoreScreening(TEST_CATALOGUE, answers, minor);
    expect(profile.level).toBe(level);
    expect(profile.yes).toBe(yes);
    const labourProfile = form(profile, 'labour');
    expect([labourProfile?.strong, labourProfile?.medium, labourProfile?.weak]).toEqual(labour);
    expect(profile.catalogueVersion).toBe('2099.1');
    expect(profile.possibleMinor).toBe(minor);
  });

  it('keeps forms apart: a sexual indicator does not count for labour, and general ones join only a form with its own', () => {
    const profile = scoreScreening(TEST_CATALOGUE, { 'sex.medium': 'yes', 'gen.strong': 'yes' }, false);
    expect(form(profile, 'sexual')?.indicatorIds).toEqual(['gen.strong', 'sex.medium']);
    expect(form(profile, 'sexual')?.ownIndicatorIds).toEqual(['sex.medium']);
    expect(form(profile, 'sexual')?.level).toBe('strong_indicators');
    expect(form(profile, 'labour')?.indicatorIds).toEqual([]);
    expect(form(profile, 'labour')?.level).toBe('none');
    expect(profile.forms).toHaveLength(6);
    expect(listedForms(profile).map((entry) => entry.form)).toEqual(['sexual']);
  });

  it('gives general indicators alone a general level and lists no form', () => {
    const profile = scoreScreening(TEST_CATALOGUE, { 'gen.strong': 'yes', 'gen.weak': 'yes' }, false);
    expect(profile.general).toEqual({ strong: 1, medium: 0, weak: 1, indicatorIds: ['gen.strong', 'gen.weak'], level: 'strong_indicators' });
    expect(profile.level).toBe('strong_indicators');
    expect(listedForms(profile)).toEqual([]);
    for (const entry of profile.forms) expect(entry.level, entry.form).toBe('none');
  });

  it('a form is strong from its own indicators, or general ones with one of its own', () => {
    const weakOwn = scoreScreening(TEST_CATALOGUE, { 'sex.medium': 'yes' }, false);
    expect(form(weakOwn, 'sexual')?.level).toBe('some_indicators');
    const withGeneral = scoreScreening(TEST_CATALOGUE, { 'sex.medium': 'yes', 'gen.weak': 'yes', 'lab.strong-a': 'yes' }, false);
    expect(form(withGeneral, 'sexual')).toMatchObject({ strong: 0, medium: 1, weak: 1, level: 'some_indicators' });
    expect(form(withGeneral, 'labour')).toMatchObject({ strong: 1, medium: 0, weak: 1, level: 'strong_indicators' });
  });

  it("keeps the older catalogues' rule: general indicators counted in every form", () => {
    const older = { ...TEST_CATALOGUE, scoring: { ...TEST_CATALOGUE.scoring, generalIndicators: 'every_form' as const } };
    const profile = scoreScreening(older, { 'gen.strong': 'yes' }, false);
    expect(profile.general).toBeNull();
    expect(listedForms(profile)).toHaveLength(6);
  });

  it('counts answered and unknown', () => {
    const profile = scoreScreening(TEST_CATALOGUE, { 'gen.strong': 'no', 'gen.weak': 'unknown', 'sex.medium': 'yes' }, false);
    expect(profile.answered).toBe(2);
    expect(profile.unknown).toBe(1);
  });
});

describe('isPossibleMinor', () => {
  it('is true when ticked or for an under-18 age band', () => {
    expect(isPossibleMinor({ ageBand: '25_39', possibleMinor: false })).toBe(false);
    expect(isPossibleMinor({ ageBand: 'unknown', possibleMinor: true })).toBe(true);
    expect(isPossibleMinor({ ageBand: '16_17', possibleMinor: false })).toBe(true);
  });
});

describe('guideIndicators', () => {
  it("keeps the guide's order, hides the children's set for an adult and filters by suspected form", () => {
    expect(guideIndicators(TEST_CATALOGUE, 'health', [], true).map((i) => i.id)).toEqual(['chi.weak', 'sex.medium', 'gen.strong', 'lab.strong-a', 'gen.weak']);
    expect(guideIndicators(TEST_CATALOGUE, 'health', [], false).map((i) => i.id)).toEqual(['sex.medium', 'gen.strong', 'lab.strong-a', 'gen.weak']);
    expect(guideIndicators(TEST_CATALOGUE, 'health', ['labour'], false).map((i) => i.id)).toEqual(['gen.strong', 'lab.strong-a', 'gen.weak']);
    expect(guideIndicators(TEST_CATALOGUE, 'school', [], false)).toEqual([]);
  });
});
