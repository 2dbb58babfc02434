import { z } from 'zod';
import { ERROR_CODES } from '../errors';

/** A UUID path parameter. */
export const IdParamsSchema = z.object({
  id: z.uuid().describe('The record id'),
});
export type IdParams = z.infer<typeof IdParamsSchema>;

/** The one error shape every failure answers with. */
export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES, ...(keyof typeof ERROR_CODES)[]]).describe('Stable error code'),
    message: z.string().describe('Readable explanation'),
    details: z.unknown().optional().describe('Field errors or other structured details'),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/** Paging query for lists. */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Rows per page (1-200)'),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe('Rows to skip'),
});

export const OkResponseSchema = z.object({ ok: z.literal(true) });

/** A trimmed, non-empty single-line text. */
export const shortText = (max = 200) => z.string().trim().min(1).max(max);
/** An e-mail address, normalised to lower case. */
export const emailSchema = z.email().max(254).transform((value) => value.toLowerCase());
/** A phone number in a permissive international format. */
export const phoneSchema = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?[0-9][0-9 ()-]{1,38}$/, 'Use digits, spaces, +, - and parentheses only');
