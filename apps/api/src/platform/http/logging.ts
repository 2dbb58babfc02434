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
