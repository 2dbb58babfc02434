import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';

/**
 * Text that PostgreSQL cannot store or that is not Unicode: a NUL character, or half of a UTF-16
 * surrogate pair (what a broken \ud800 escape in JSON decodes to). PostgreSQL refuses both in text
 * columns, and a refused query must never reach the error path, whose log would then hold the query.
 */
// Without the `u` flag the pattern works on UTF-16 code units, so it sees lone surrogates.
// eslint-disable-next-line no-control-regex -- finding the NUL character is the point
const INVALID_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a string holds a character Lykt refuses to store. */
export function hasInvalidText(value: string): boolean {
  return INVALID_TEXT.test(value);
}

/** The path ("body.name", "query.q") of the first string with invalid text, or null. */
export function findInvalidText(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return hasInvalidText(value) ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  for (const [key, inner] of entries) {
    if (hasInvalidText(key)) return `${path}.${key.replace(INVALID_TEXT, '?')}`;
    const found = findInvalidText(inner, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

export class InvalidTextError extends AppError {
  /** Fastify's public error handler reads statusCode. */
  readonly statusCode = 400;
  constructor(readonly field: string) {
    super('INVALID_TEXT', `The field "${field}" contains a character that cannot be stored (a NUL byte or broken Unicode). Remove it and try again.`, [
      { field, message: 'Contains a NUL byte or broken Unicode' },
    ]);
  }
}

/**
 * Refuses, with 400 INVALID_TEXT, every request whose path parameters, query or parsed body hold
 * invalid text, before validation and before any handler: nothing is written, and the database
 * never sees the value.
 */
export function registerTextIntegrity(app: FastifyInstance): void {
  // Synchronous (callback style): no promise per request for a check that never waits.
  app.addHook('preValidation', (request, _reply, done) => {
    const field =
      findInvalidText(request.params, 'params') ?? findInvalidText(request.query, 'query') ?? findInvalidText(request.body, 'body');
    if (field) return done(new InvalidTextError(field.replace(/^(params|query|body)\./, '')));
    done();
  });
}
