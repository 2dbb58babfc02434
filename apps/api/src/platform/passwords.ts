import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { AppError } from './errors';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. @node-rs/argon2 defaults to argon2id.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const NORWEGIAN_WORDS = [
  'passord', 'hemmelig', 'kommune', 'eksempel', 'sommer', 'vinter', 'host', 'var', 'norge', 'oslo',
  'bergen', 'trondheim', 'levanger', 'velkommen', 'jegerbest', 'fotball', 'rosenborg', 'elsker', 'lykt',
];

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary, norwegian: NORWEGIAN_WORDS },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});

export const MIN_PASSWORD_LENGTH = 12;

/** Refuses a weak or common password with a reason a person understands. */
export function assertStrongPassword(password: string, userInputs: string[] = []): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('WEAK_PASSWORD', `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`, {
      field: 'password',
      reason: 'too_short',
      minLength: MIN_PASSWORD_LENGTH,
    });
  }
  // The user's own name and e-mail, whole and word by word, count as easy guesses.
  const inputs = userInputs.flatMap((input) => [input, ...input.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3)]);
  const result = zxcvbn.check(password, inputs);
  if (result.score < 3) {
    const warning = result.feedback.warning ?? '';
    throw new AppError(
      'WEAK_PASSWORD',
      `The password is too easy to guess.${warning ? ` ${warning}` : ''} Use a longer phrase of unrelated words.`,
      { field: 'password', reason: 'guessable', warning, suggestions: result.feedback.suggestions },
    );
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random value, verified against when the e-mail is unknown so both paths take the same time. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`);
  return dummyHash;
}
