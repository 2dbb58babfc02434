import { authenticator } from 'otplib';

authenticator.options = { step: 30, window: 1, digits: 6 };

export function generateTotpSecret(): string {
  return authenticator.generateSecret(20);
}

export function totpUri(accountName: string, issuer: string, secret: string): string {
  return authenticator.keyuri(accountName, issuer, secret);
}

/**
 * Checks a code and returns the time step it matched, or null. Callers store the step and
 * refuse a step at or before the last one used, so a code cannot be replayed.
 */
export function matchTotp(code: string, secret: string, lastStep: number | null, now = Date.now()): number | null {
  const delta = authenticator.checkDelta(code, secret);
  if (delta === null) return null;
  const step = Math.floor(now / 30_000) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

/** The current code for a secret (tests and the demo seed use it). */
export function currentTotp(secret: string): string {
  return authenticator.generate(secret);
}

/** The code for a secret at a given time (tests use it to answer the next time step). */
export function totpAt(secret: string, epochMs: number): string {
  const instance = authenticator.clone({ epoch: epochMs });
  return instance.generate(secret);
}
