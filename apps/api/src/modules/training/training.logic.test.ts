import { describe, expect, it } from 'vitest';
import type { QuizQuestionSource } from '@lykt/shared';
import { addDaysToDay, localDate } from '@lykt/shared';
import { drawQuestions, isModuleFor, monthEnds, scoreAnswers, sharePercent, targetProgress, trainingStatus, validUntil } from './training.logic';

const question = (id: string): QuizQuestionSource => ({
  id,
  text: { nb: id, en: id },
  options: ['a', 'b', 'c'].map((option) => ({ id: option, correct: option === 'b', text: { nb: option, en: option }, explanation: { nb: option, en: option } })),
});
const bank = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8'].map(question);

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('drawing questions', () => {
  it('draws the asked number of distinct questions with all their options', () => {
    const drawn = drawQuestions(bank, 5, seeded(1));
    expect(drawn).toHaveLength(5);
    expect(new Set(drawn.map((item) => item.id)).size).toBe(5);
    for (const item of drawn) expect([...item.options].sort()).toEqual(['a', 'b', 'c']);
  });

  it('two attempts differ', () => {
    const first = drawQuestions(bank, 5, seeded(1)).map((item) => item.id);
    const second = drawQuestions(bank, 5, seeded(2)).map((item) => item.id);
    expect(first).not.toEqual(second);
  });
});

describe('scoring', () => {
  const drawn = [
    { id: 'q1', options: ['a', 'b', 'c'] },
    { id: 'q2', options: ['c', 'b', 'a'] },
  ];
  it('scores on the server from the bank', () => {
    const result = scoreAnswers(drawn, bank, [
      { questionId: 'q1', optionId: 'b' },
      { questionId: 'q2', optionId: 'a' },
    ]);
    expect(result).toEqual({
      ok: true,
      score: 50,
      questions: [
        { id: 'q1', chosenOptionId: 'b', correctOptionId: 'b', isCorrect: true },
        { id: 'q2', chosenOptionId: 'a', correctOptionId: 'b', isCorrect: false },
      ],
    });
  });

  it('refuses missing, doubled, foreign and impossible answers', () => {
    const result = scoreAnswers(drawn, bank, [
      { questionId: 'q1', optionId: 'z' },
      { questionId: 'q9', optionId: 'a' },
      { questionId: 'q1', optionId: 'a' },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => problem.field)).toEqual(['answers.0.optionId', 'answers.1.questionId', 'answers.2.questionId', 'answers']);
  });
});

describe('dates, status and shares', () => {
  it('adds the refresh period, clamping to the month end', () => {
    expect(validUntil(new Date('2026-01-31T10:00:00Z'), 1)).toBe('2026-02-28');
    expect(validUntil(new Date('2026-11-28T10:00:00Z'), 24)).toBe('2028-11-28');
  });

  it('counts days as days in Norway, in winter and in summer time, as the statistics do', () => {
    // 00:30 in Norway on 1 January (23:30 UTC the day before) and on 1 July (22:30 UTC the day before).
    expect(localDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(localDate(new Date('2027-06-30T22:30:00Z'))).toBe('2027-07-01');
    expect(localDate(new Date('2027-06-30T21:30:00Z'))).toBe('2027-06-30');
    // A completion at 00:30 on 31 January in Norway is valid to the end of February, not to 30 December of the year before plus one month.
    expect(validUntil(new Date('2027-01-30T23:30:00Z'), 1)).toBe('2027-02-28');
    expect(validUntil(new Date('2026-12-31T23:30:00Z'), 12)).toBe('2028-01-01');
    expect(addDaysToDay('2027-03-27', 1)).toBe('2027-03-28');
    expect(addDaysToDay('2027-03-28', 1)).toBe('2027-03-29');
  });

  it('gives the status on a day', () => {
    expect(trainingStatus(null, '2026-11-28')).toBe('not_started');
    expect(trainingStatus('2026-11-27', '2026-11-28')).toBe('expired');
    expect(trainingStatus('2027-01-10', '2026-11-28')).toBe('due_soon');
    expect(trainingStatus('2028-11-28', '2026-11-28')).toBe('completed');
  });

  it('matches modules to role and organisation kind', () => {
    const module = { audience: { roles: ['frontline' as const], organisationKinds: ['school' as const] } };
    expect(isModuleFor(module, 'frontline', 'school')).toBe(true);
    expect(isModuleFor(module, 'frontline', 'health')).toBe(false);
    expect(isModuleFor(module, 'viewer', 'school')).toBe(false);
    expect(isModuleFor({ audience: { roles: ['frontline'], organisationKinds: [] } }, 'frontline', 'health')).toBe(true);
  });

  it('computes shares, month ends and target progress', () => {
    expect(sharePercent(2, 3)).toBe(66.7);
    expect(sharePercent(0, 0)).toBeNull();
    expect(monthEnds('2026-11-28', 3)).toEqual([
      { month: '2026-09', end: '2026-09-30' },
      { month: '2026-10', end: '2026-10-31' },
      { month: '2026-11', end: '2026-11-28' },
    ]);
    expect(targetProgress(40, 80)).toBe(50);
    expect(targetProgress(90, 80)).toBe(100);
    expect(targetProgress(null, 80)).toBe(0);
  });
});
