import { ERROR_CODES, type ErrorCode } from '@lykt/shared';

/** The one error type domain code throws. The HTTP layer maps `code` to a status. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.status = ERROR_CODES[code];
  }
}

export const notFound = (what = 'The record') => new AppError('NOT_FOUND', `${what} was not found.`);
export const forbidden = () => new AppError('FORBIDDEN', 'You do not have access to this.');
