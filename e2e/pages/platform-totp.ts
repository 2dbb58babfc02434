import { authenticator } from 'otplib';

const STEP_MS = 30_000;

function codeAt(secret: string, epoch: number): string {
  // A clone with a fixed epoch: the shared authenticator's options stay untouched.
  return authenticator.clone({ epoch }).generate(secret);
}

/** The code an authenticator app shows now. */
export function currentCode(secret: string): string {
  return codeAt(secret, Date.now());
}

/**
 * The code for the next 30-second step. The server refuses a step already used (no replay) but
 * accepts one step of drift, so a second sign-in right after enrolment uses this one.
 */
export function nextStepCode(secret: string): string {
  return codeAt(secret, Date.now() + STEP_MS);
}

/** A well-formed code that is wrong for every step near now (the server accepts ±1 step). */
export function wrongCode(secret: string): string {
  const now = Date.now();
  const nearby = new Set([-2, -1, 0, 1, 2].map((offset) => codeAt(secret, now + offset * STEP_MS)));
  for (let candidate = 0; ; candidate += 111_111) {
    const code = String(candidate % 1_000_000).padStart(6, '0');
    if (!nearby.has(code)) return code;
  }
}
