import { z } from 'zod';
import { CaseSchema, ConcernSchema, ErrorResponseSchema, MeasureDetailSchema, PlanVersionDetailSchema, ReportVersionDetailSchema, SiteSchema, TipDetailSchema } from '@lykt/shared';

/**
 * Schemas that many routes answer with become named components of the OpenAPI document, referenced
 * from each route instead of copied into it: the error shape alone was repeated 786 times. This
 * keeps the document small enough for the docs page to open quickly. Registered once per process.
 */
const COMPONENTS: ReadonlyArray<[z.ZodType, string]> = [
  [ErrorResponseSchema, 'ErrorResponse'],
  [CaseSchema, 'Case'],
  [ConcernSchema, 'Concern'],
  [MeasureDetailSchema, 'MeasureDetail'],
  [PlanVersionDetailSchema, 'PlanVersionDetail'],
  [ReportVersionDetailSchema, 'ReportVersionDetail'],
  [SiteSchema, 'Site'],
  [TipDetailSchema, 'TipDetail'],
];

export function registerOpenApiComponents(): void {
  for (const [schema, id] of COMPONENTS) if (!z.globalRegistry.has(schema)) z.globalRegistry.add(schema, { id });
}
