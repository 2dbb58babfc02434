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

/** Keyset paging query: a page size and the opaque cursor that the previous page answered with. */
export const KeysetQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Rows per page (1-200)'),
  cursor: z.string().max(512).optional().describe('Opaque cursor: the nextCursor of the previous page; a cursor from another sort or a damaged one answers 400 INVALID_CURSOR'),
});

/** Every value a sort parameter takes for these columns: the column ascending, or descending with a leading "-". */
export function sortValues<const K extends string>(keys: readonly [K, ...K[]]): [K | `-${K}`, ...(K | `-${K}`)[]] {
  const [first, ...rest] = keys;
  return [first, `-${first}`, ...rest.flatMap((key) => [key, `-${key}`] as const)];
}

/** Free-text search of a list: only coded fields and numbers, never encrypted personal data. */
export const listSearchText = z.string().trim().max(100).optional().describe('Free-text search over the list’s coded fields and numbers');

/** A page of a keyset-paged list: the rows, the cursor of the next page (null on the last) and a total when it is cheap. */
export function keysetPageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as cursor to get the next page; null on the last page'),
    total: z.number().int().nullable().describe('Rows in the whole list, when it is cheap to count; otherwise null'),
  });
}
