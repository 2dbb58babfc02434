import { z } from 'zod';

/** Prevalence studies by multiple-systems estimation (docs/PREVALENCE.md). */

/** At most this many lists per study in the API: the model search grows with the square of the number of lists and runs in the request. */
export const PREVALENCE_MAX_LISTS = 8;
export const PREVALENCE_MAX_UPLOAD_ROWS = 5000;

const title = z.string().trim().min(1).max(200);

export const CreatePrevalenceStudyBodySchema = z
  .object({
    title: title.describe('What the study is about, e.g. "Possible victims 2026"'),
    periodFrom: z.iso.date().describe('First day of the period the lists cover'),
    periodTo: z.iso.date().describe('Last day of the period the lists cover'),
  })
  .strict()
  .refine((body) => body.periodFrom <= body.periodTo, { message: 'The period must end on or after its first day', path: ['periodTo'] });
export type CreatePrevalenceStudyBody = z.infer<typeof CreatePrevalenceStudyBodySchema>;

/**
 * A partner's list as CSV text. Columns (header, any order): name, and date_of_birth (YYYY-MM-DD)
 * or year_of_birth; optional sex and nationality. The server turns each row into keyed pseudonyms
 * and discards the text in the same request: it is never stored, logged or returned.
 */
export const AddPrevalenceListBodySchema = z
  .object({
    name: title.describe('Which service the list comes from, e.g. "Police"'),
    csv: z.string().min(1).max(2_000_000).describe('The list as CSV: name, date_of_birth or year_of_birth, optional sex, nationality'),
  })
  .strict();
export type AddPrevalenceListBody = z.infer<typeof AddPrevalenceListBodySchema>;

export const AddCasesListBodySchema = z
  .object({ name: title.describe('Name of the list, e.g. "Lykt cases"') })
  .strict();
export type AddCasesListBody = z.infer<typeof AddCasesListBodySchema>;

export const OverlapTableBodySchema = z
  .object({
    lists: z.array(z.string().trim().min(1).max(60)).min(1).max(PREVALENCE_MAX_LISTS).describe('List names, in column order'),
    rows: z
      .array(
        z
          .object({
            pattern: z.array(z.union([z.literal(0), z.literal(1)])).describe('0/1 per list: on that list or not'),
            count: z.number().int().min(0).max(10_000_000).describe('People seen with exactly this pattern'),
          })
          .strict(),
      )
      .min(1)
      .max(4095)
      .describe('One row per pattern; the all-zero pattern absent'),
  })
  .strict();
export type OverlapTableBody = z.infer<typeof OverlapTableBodySchema>;

export const EstimatePrevalenceBodySchema = z
  .object({ method: z.enum(['stepwise', 'aic', 'bic']).default('stepwise').describe('How the model is chosen') })
  .strict();
export type EstimatePrevalenceBody = z.infer<typeof EstimatePrevalenceBodySchema>;

export const FinalisePrevalenceBodySchema = z
  .object({
    keepPseudonymsUntil: z.iso.date().nullable().default(null).describe('Keep the pseudonyms until this day instead of erasing them now'),
    keepReason: z.string().trim().max(500).nullable().default(null).describe('Why they are kept (required with a day)'),
  })
  .strict()
  .refine((body) => body.keepPseudonymsUntil === null || (body.keepReason ?? '').length > 0, { message: 'Say why the pseudonyms are kept', path: ['keepReason'] });
export type FinalisePrevalenceBody = z.infer<typeof FinalisePrevalenceBodySchema>;

export const PrevalenceModelSchema = z.object({
  terms: z.array(z.string()).describe('Two-list interactions in the model'),
  emptyOverlaps: z.array(z.string()).describe('Pairs in the model that share no one'),
  estimate: z.number(),
  lower: z.number(),
  upper: z.number(),
  aic: z.number(),
  bic: z.number(),
  chosenBy: z.array(z.string()),
});

export const PrevalenceResultSchema = z.object({
  kind: z.enum(['estimate', 'refusal']).describe('An estimate, or a refusal when the data cannot support one'),
  observed: z.number().int().describe('People seen on at least one list'),
  lists: z.array(z.string()),
  estimate: z.number().nullable().describe('Estimated total (observed included)'),
  lower: z.number().nullable().describe('95 % interval, lower end'),
  upper: z.number().nullable().describe('95 % interval, upper end'),
  model: z.string().nullable(),
  method: z.string().nullable(),
  alternatives: z.array(PrevalenceModelSchema),
  spread: z.object({ lowest: z.number(), highest: z.number() }).nullable(),
  warnings: z.array(z.string()),
  reason: z.string().nullable().describe('Why there is no estimate'),
  message: z.string().nullable(),
});
export type PrevalenceResult = z.infer<typeof PrevalenceResultSchema>;

export const PrevalenceEstimateSchema = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  result: PrevalenceResultSchema,
});
export type PrevalenceEstimateRecord = z.infer<typeof PrevalenceEstimateSchema>;

export const PrevalenceListSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  origin: z.enum(['upload', 'lykt_cases']),
  personCount: z.number().int(),
  createdAt: z.string(),
});
export type PrevalenceList = z.infer<typeof PrevalenceListSchema>;

export const PrevalenceStudySummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  source: z.enum(['lists', 'table']).nullable(),
  status: z.enum(['open', 'final']),
  createdAt: z.string(),
});
export type PrevalenceStudySummary = z.infer<typeof PrevalenceStudySummarySchema>;

export const PrevalenceStudySchema = PrevalenceStudySummarySchema.extend({
  lists: z.array(PrevalenceListSchema),
  /** The overlap table (exact counts, small cells included): for the coordinator only, never published. */
  table: OverlapTableBodySchema.nullable(),
  estimates: z.array(PrevalenceEstimateSchema).describe('Every estimate made, newest first'),
  keepPseudonymsUntil: z.string().nullable(),
  pseudonymsErased: z.boolean(),
});
export type PrevalenceStudy = z.infer<typeof PrevalenceStudySchema>;

export const AddPrevalenceListResultSchema = z.object({
  list: PrevalenceListSchema,
  /** Rows left out because they had no name or no birth date/year (they cannot be linked). */
  skipped: z.number().int(),
});
export type AddPrevalenceListResult = z.infer<typeof AddPrevalenceListResultSchema>;
