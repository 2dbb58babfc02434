import fastJson from 'fast-json-stringify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FastifySerializerCompiler } from 'fastify/types/schema';

/**
 * A route serializer compiled once from a zod schema by fast-json-stringify (what Fastify uses
 * for JSON-schema routes): no zod parse per response, and only the schema's properties are
 * written. For hot, trusted responses only (the server builds them from typed rows); other
 * status codes keep the zod serializer. The schema stays zod, so the OpenAPI document is unchanged.
 */
export function fastSerializerFor(okStatus: number, schema: z.ZodType): FastifySerializerCompiler<unknown> {
  const stringify = fastJson(z.toJSONSchema(schema, { target: 'draft-7', io: 'output' }) as Parameters<typeof fastJson>[0]);
  return (route) => {
    if (String(route.httpStatus) === String(okStatus)) return (data: unknown) => stringify(data);
    return serializerCompiler(route as Parameters<typeof serializerCompiler>[0]) as (data: unknown) => string;
  };
}
