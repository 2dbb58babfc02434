import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorCode } from '@lykt/shared';
import { AppError } from '../errors';
import { errorForLog } from './logging';

type FieldError = { field: string; message: string };

function send(reply: FastifyReply, status: number, code: ErrorCode, message: string, details?: unknown) {
  return reply.code(status).send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

const FRAMEWORK_ERRORS: Record<string, [number, ErrorCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE', 'The request is too large.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request as application/json.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'INVALID_JSON', 'The request body is empty; send a JSON object.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INVALID_JSON', 'The request body is not valid JSON.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'INVALID_JSON', 'The request length does not match its body.'],
};

/** Maps every failure to `{"error":{"code","message","details"}}`; unknown errors become a logged 500. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: { type: error.code, message: error.message } }, 'application error');
      return send(reply, error.status, error.code, error.message, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const fields: FieldError[] = error.validation.map((issue) => ({
        field: issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || where,
        message: issue.message ?? 'Invalid value',
      }));
      const first = fields[0];
      return send(
        reply,
        400,
        'VALIDATION_ERROR',
        first ? `Check the field "${first.field}": ${first.message}` : 'The request is not valid.',
        fields,
      );
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: { type: 'ResponseSerializationError', message: error.message } }, 'response did not match its schema');
      return send(reply, 500, 'INTERNAL_ERROR', 'Something went wrong on our side. The error has been logged.');
    }
    const known = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
    if (known) return send(reply, known[0], known[1], known[2]);
    if (error.statusCode === 429) return send(reply, 429, 'RATE_LIMITED', 'Too many attempts. Wait a minute and try again.');
    if (error instanceof SyntaxError && error.statusCode === 400) return send(reply, 400, 'INVALID_JSON', 'The request body is not valid JSON.');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, error.statusCode, 'VALIDATION_ERROR', 'The request is not valid.');
    }
    request.log.error({ err: errorForLog(error) }, 'unhandled error');
    return send(reply, 500, 'INTERNAL_ERROR', 'Something went wrong on our side. The error has been logged.');
  });
}

export function sendNotFound(reply: FastifyReply) {
  return send(reply, 404, 'NOT_FOUND', 'There is nothing at this address.');
}
