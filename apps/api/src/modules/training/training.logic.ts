import { trainingModule } from '@lykt/content/knowledge';
import { notFound } from '../../platform/errors';
import { addDaysToDay, localDate } from '@lykt/shared';
import type { QuizQuestionSource, Role, TrainingModuleSource, TrainingStatus } from '@lykt/shared';

/** Days before the end of validity when a completion counts as "due soon". */
export const DUE_SOON_DAYS = 60;
/** An attempt must be submitted within this many hours of starting it. */
export const ATTEMPT_HOURS = 24;

export type DrawnQuestion = { id: string; options: string[] };

/** A Fisher–Yates shuffle with an injectable random source (tests pass a seeded one). */
export function shuffle<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

/** Draws `count` questions from the bank, each with its options in a fresh order. */
export function drawQuestions(bank: readonly QuizQuestionSource[], count: number, random: () => number = Math.random): DrawnQuestion[] {
  return shuffle(bank, random)
    .slice(0, Math.min(count, bank.length))
    .map((question) => ({ id: question.id, options: shuffle(question.options.map((option) => option.id), random) }));
}

export type ScoredQuestion = { id: string; chosenOptionId: string; correctOptionId: string; isCorrect: boolean };

/**
 * Scores answers against the bank on the server. Every drawn question must be answered exactly
 * once with one of its options; returns the problems otherwise (as field errors).
 */
export function scoreAnswers(
  drawn: readonly DrawnQuestion[],
  bank: readonly QuizQuestionSource[],
  answers: ReadonlyArray<{ questionId: string; optionId: string }>,
): { ok: true; questions: ScoredQuestion[]; score: number } | { ok: false; problems: Array<{ field: string; message: string }> } {
  const problems: Array<{ field: string; message: string }> = [];
  const chosen = new Map<string, string>();
  const seen = new Set<string>();
  answers.forEach((answer, index) => {
    const question = drawn.find((candidate) => candidate.id === answer.questionId);
    const twice = seen.has(answer.questionId);
    seen.add(answer.questionId);
    if (!question) problems.push({ field: `answers.${index}.questionId`, message: 'This question is not part of the attempt' });
    else if (twice) problems.push({ field: `answers.${index}.questionId`, message: 'This question is answered twice' });
    else if (!question.options.includes(answer.optionId)) problems.push({ field: `answers.${index}.optionId`, message: 'No such option for this question' });
    else chosen.set(answer.questionId, answer.optionId);
  });
  drawn.forEach((question) => {
    if (!seen.has(question.id)) problems.push({ field: 'answers', message: `Question ${question.id} is not answered` });
  });
  if (problems.length > 0) return { ok: false, problems };
  const questions = drawn.map((question) => {
    const source = bank.find((candidate) => candidate.id === question.id);
    const correctOptionId = source?.options.find((option) => option.correct)?.id ?? '';
    const chosenOptionId = chosen.get(question.id) ?? '';
    return { id: question.id, chosenOptionId, correctOptionId, isCorrect: chosenOptionId === correctOptionId };
  });
  const score = drawn.length === 0 ? 0 : Math.round((questions.filter((question) => question.isCorrect).length / drawn.length) * 100);
  return { ok: true, questions, score };
}

/** 'YYYY-MM-DD' of a calendar date kept as UTC midnight (day arithmetic only). */
const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * The day a completion stops being valid: its Norwegian day (a course completed at 00:30 in Norway
 * belongs to that day, not to the day before in UTC) plus the refresh period (clamped to the month's end).
 */
export function validUntil(completedAt: Date, refreshMonths: number): string {
  const [year, month, day] = localDate(completedAt).split('-').map(Number) as [number, number, number];
  const target = month - 1 + refreshMonths;
  const lastDay = new Date(Date.UTC(year, target + 1, 0)).getUTCDate();
  return dayOf(new Date(Date.UTC(year, target, Math.min(day, lastDay))));
}

/** Status of a person's latest completion on a day. */
export function trainingStatus(latestValidUntil: string | null, today: string): TrainingStatus {
  if (latestValidUntil === null) return 'not_started';
  if (latestValidUntil < today) return 'expired';
  if (latestValidUntil <= addDaysToDay(today, DUE_SOON_DAYS)) return 'due_soon';
  return 'completed';
}

/** Whether a module is meant for a role in an organisation of a kind (empty kinds: every organisation). */
export function isModuleFor(module: Pick<TrainingModuleSource, 'audience'>, role: Role, kind: string): boolean {
  if (!module.audience.roles.includes(role)) return false;
  return module.audience.organisationKinds.length === 0 || (module.audience.organisationKinds as string[]).includes(kind);
}

/** A share in percent with one decimal, null when there is nobody to count. */
export function sharePercent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/** The last day of each of the `count` months ending with the month of `today`, oldest first. */
export function monthEnds(today: string, count: number): Array<{ month: string; end: string }> {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const result: Array<{ month: string; end: string }> = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const first = new Date(Date.UTC(year, month - 1 - back, 1));
    const end = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    const endDay = dayOf(end);
    result.push({ month: endDay.slice(0, 7), end: endDay > today ? today : endDay });
  }
  return result;
}

/** How far a measure has come towards its training target, 0-100 (100 when the target share is reached). */
export function targetProgress(share: number | null, targetShare: number): number {
  if (share === null || targetShare <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((share / targetShare) * 100)));
}

/** The shipped module with this key, or 404. */
export function moduleOrThrow(key: string): TrainingModuleSource {
  const module = trainingModule(key);
  if (!module) throw notFound('The training module');
  return module;
}

/** Staff in a module's audience (role and organisation kind), optionally narrowed to some organisation kinds. */
export function audienceOf<T extends { role: string; organisationKind: string }>(staff: readonly T[], module: Pick<TrainingModuleSource, 'audience'>, kinds: readonly string[] = []): T[] {
  return staff.filter((person) => (module.audience.roles as string[]).includes(person.role) && (module.audience.organisationKinds.length === 0 || (module.audience.organisationKinds as string[]).includes(person.organisationKind)) && (kinds.length === 0 || kinds.includes(person.organisationKind)));
}
