import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';

/**
 * Log options: a request id on every line; method and path only (no query string, no
 * headers, no client address), status code and time. Bodies are never logged.
 */
export function loggerOptions(level: LoggerOptions['level']): LoggerOptions {
  return {
    level,
    base: { service: 'lykt' },
    serializers: {
      req: (req: FastifyRequest) => ({ method: req.method, path: req.url.split('?')[0] }),
      res: (res: FastifyReply) => ({ statusCode: res.statusCode }),
    },
    redact: {
      paths: ['req.headers', 'headers', 'cookie', 'password', '*.password', 'token', '*.token', 'secret', '*.secret'],
      censor: '[redacted]',
    },
  };
}

/** What of an error may be logged: its kind, codes and stack frames, never query text, parameters or values. */
export type LoggableError = { type: string; code?: string; sqlState?: string; causeType?: string; message?: string; frames?: string[] };

const MAX_MESSAGE = 300;

function sqlStateOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * Reduces an error to what a log line may carry. A database error's message holds the failed SQL
 * and its parameters (e-mail addresses, names, password hashes), and the database's own message can
 * quote the refused value: of those only the SQLSTATE is kept. Other messages are cut short, and
 * the stack keeps its frames, never its message lines.
 */
export function errorForLog(error: unknown): LoggableError {
  if (!(error instanceof Error)) return { type: typeof error };
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .map((line) => line.trim());
  const code = (error as { code?: unknown }).code;
  const isDatabase = error.name === 'DrizzleQueryError' || 'params' in error || /^Failed query:/.test(error.message) || sqlStateOf(error) !== undefined;
  if (isDatabase) {
    // The cause's class name only (e.g. SelfDeadlockError from packages/db): never its message, which may quote the query.
    const causeType = error.cause instanceof Error && error.cause.name !== 'Error' ? error.cause.name : undefined;
    return {
      type: error.name === 'Error' ? 'DatabaseError' : error.name,
      sqlState: sqlStateOf(error.cause) ?? sqlStateOf(error),
      ...(causeType ? { causeType } : {}),
      frames,
    };
  }
  return {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: error.message.split('\n')[0]!.slice(0, MAX_MESSAGE),
    frames,
  };
}
