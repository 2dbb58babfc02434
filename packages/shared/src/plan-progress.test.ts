import { describe, expect, it } from 'vitest';
import { PLAN_AREA_CODES, progressForStatus } from './contracts/plans';
import { rollUpPlan, weightedAverage, type RollupInput } from './plan-progress';

const m = (id: string, overrides: Partial<RollupInput> = {}): RollupInput => ({ id, parentId: null, area: 'A', status: 'in_progress', progress: 0, weight: null, ...overrides });

describe('rolling progress up a plan', () => {
  it('averages children when no weights are set', () => {
    const result = rollUpPlan([m('p', { progress: 90 }), m('c1', { parentId: 'p', progress: 20 }), m('c2', { parentId: 'p', progress: 60 })], PLAN_AREA_CODES);
    expect(result.measures.get('p')).toBe(40);
    expect(result.areas.get('A')).toBe(40);
    expect(result.total).toBe(40);
  });

  it('weights children when weights are set (a missing weight counts as 1)', () => {
    const result = rollUpPlan(
      [m('p'), m('c1', { parentId: 'p', progress: 100, weight: 3 }), m('c2', { parentId: 'p', progress: 0, weight: 1 }), m('c3', { parentId: 'p', progress: 50 })],
      PLAN_AREA_CODES,
    );
    expect(result.measures.get('p')).toBe(70);
  });

  it('rolls up more than one level and leaves out cancelled measures', () => {
    const result = rollUpPlan(
      [m('p'), m('c', { parentId: 'p' }), m('g1', { parentId: 'c', progress: 100 }), m('g2', { parentId: 'c', progress: 50 }), m('x', { parentId: 'p', status: 'cancelled', progress: 0 })],
      PLAN_AREA_CODES,
    );
    expect(result.measures.get('c')).toBe(75);
    expect(result.measures.get('p')).toBe(75);
  });

  it('keeps a parent\'s own progress when every child is cancelled', () => {
    const result = rollUpPlan([m('p', { progress: 30 }), m('c', { parentId: 'p', status: 'cancelled', progress: 100 })], PLAN_AREA_CODES);
    expect(result.measures.get('p')).toBe(30);
  });

  it('takes the plan total from the areas that have measures, not from the measure count', () => {
    const result = rollUpPlan([m('a1', { progress: 100 }), m('a2', { progress: 100 }), m('a3', { progress: 100 }), m('b1', { area: 'B', progress: 0 })], PLAN_AREA_CODES);
    expect(result.areas.get('A')).toBe(100);
    expect(result.areas.get('B')).toBe(0);
    expect(result.areas.get('C')).toBeNull();
    expect(result.total).toBe(50);
  });

  it('gives null for an empty plan and rounds to one decimal', () => {
    expect(rollUpPlan([], PLAN_AREA_CODES).total).toBeNull();
    expect(rollUpPlan([m('a', { progress: 10 }), m('b', { progress: 10 }), m('c', { progress: 15 })], PLAN_AREA_CODES).total).toBe(11.7);
    expect(weightedAverage([])).toBeNull();
  });

  it('refuses a cycle instead of looping', () => {
    expect(() => rollUpPlan([m('a', { parentId: 'b' }), m('b', { parentId: 'a' })], PLAN_AREA_CODES)).toThrow(/ancestor/);
  });
});

describe('the status catalogue', () => {
  it('gives each status its default progress unless one is given', () => {
    expect(progressForStatus('done', undefined, 40)).toBe(100);
    expect(progressForStatus('not_started', null, 40)).toBe(0);
    expect(progressForStatus('delayed', undefined, 40)).toBe(40);
    expect(progressForStatus('done', 90, 40)).toBe(90);
  });
});
