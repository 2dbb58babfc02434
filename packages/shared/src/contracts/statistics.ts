import { z } from 'zod';
import { norwegianYear } from '../calendar';

/** What the statistics count: each source has its own aggregation layer on the server. */
export const STATISTICS_SOURCES = ['screening', 'concern', 'tip', 'case', 'referral', 'training', 'procurement'] as const;
export type StatisticsSource = (typeof STATISTICS_SOURCES)[number];

/** The dimensions a table can break a source down by. */
export const STATISTICS_DIMENSIONS = [
  'month',
  'quarter',
  'form',
  'sector',
  'age_band',
  'minor',
  'gender',
  'nationality',
  'service',
  'residence',
  'outcome',
  'level',
  'place',
  'new_or_continuing',
  'need',
  'status',
  'assisted_return',
  'child_welfare_measure',
  'police_report',
  'module',
  'immediate_danger',
  'became_concern',
  'contract_risk',
  'check_done',
  'sanction',
  'finding_concern',
] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];


/** How many years a published page may pool. */
export const STATISTICS_POOLS = [1, 3, 5] as const;

export const StatisticsQuerySchema = z
  .object({
    year: z.coerce
      .number()
      .int()
      .min(2000)
      .max(2100)
      .optional()
      .describe('Calendar year (default: the last closed year for the published page, this year for the internal page). With pool, the last year of the pooled period.'),
    pool: z.coerce
      .number()
      .int()
      .refine((value) => (STATISTICS_POOLS as readonly number[]).includes(value), { message: 'Pool 1, 3 or 5 years' })
      .optional()
      .describe('How many calendar years the page pools, ending with year: 1 (default), 3 or 5. Pooled pages answer when one year is too small.'),
  })
  .strict();
export type StatisticsQuery = z.infer<typeof StatisticsQuerySchema>;

/** The year a query asks for, defaulting to this year. */
export function statisticsYear(query: StatisticsQuery): number {
  return query.year ?? norwegianYear();
}

/** The year a published page shows by default: the last closed calendar year (closed in Norway). */
export function lastClosedYear(now: Date = new Date()): number {
  return norwegianYear(now) - 1;
}

/** A published release of a period (what readers outside the case team see). */
export const StatisticsReleaseInfoSchema = z.object({
  periodKind: z.enum(['year', 'years']).describe('year: one calendar year; years: pooled calendar years'),
  periodKey: z.string().describe('"2025" or "2023-2025"'),
  number: z.number().int().describe('Release number within the period: 1, then 2, ... when late registrations made a new release'),
  publishedAt: z.iso.datetime(),
  automatic: z.boolean().describe('Published automatically on the first read after the period closed'),
});
export type StatisticsReleaseInfo = z.infer<typeof StatisticsReleaseInfoSchema>;

export const PublishStatisticsBodySchema = z
  .object({
    year: z.number().int().min(2000).max(2100).describe('Last calendar year of the period'),
    pool: z
      .number()
      .int()
      .refine((value) => (STATISTICS_POOLS as readonly number[]).includes(value), { message: 'Pool 1, 3 or 5 years' })
      .default(1)
      .describe('Years pooled (1, 3 or 5)'),
  })
  .strict();
export type PublishStatisticsBody = z.infer<typeof PublishStatisticsBodySchema>;

export const PublishStatisticsResultSchema = z.object({
  created: z.boolean().describe('false: the figures were unchanged, so no new release was made'),
  release: StatisticsReleaseInfoSchema,
});
export type PublishStatisticsResult = z.infer<typeof PublishStatisticsResultSchema>;

export const StatisticsRowSchema = z.object({
  key: z.string().describe('Category code, e.g. "female", "PL", "region:west_africa", "2026-03", "2026-Q1"'),
  values: z.array(z.number().int().nullable()).describe('One value per column (one column for a one-way table); published pages: perturbed, null = fewer than k'),
  total: z.number().int().nullable().describe('Row total (two-way tables; equals values[0] for one-way); null = fewer than k'),
});

export const StatisticsTableSchema = z.object({
  id: z.string().describe('Stable id, e.g. "case.gender"; also names the CSV/XLSX export'),
  source: z.enum(STATISTICS_SOURCES),
  dimension: z.enum(STATISTICS_DIMENSIONS),
  columnDimension: z.enum(STATISTICS_DIMENSIONS).nullable(),
  columns: z.array(z.string()).describe('Column category codes; ["count"] for a one-way table'),
  rows: z.array(StatisticsRowSchema),
  total: z.number().int().nullable().describe('Grand total; null = fewer than k'),
  multiValued: z.boolean().describe('A record may count in several rows (e.g. exploitation forms), so rows may add up to more than the total'),
});
export type StatisticsTable = z.infer<typeof StatisticsTableSchema>;

export const StatisticsPageSchema = z.object({
  year: z.number().int(),
  pool: z.number().int().describe('Calendar years pooled, ending with year (1: one year)'),
  internal: z.boolean().describe('true: exact figures for the case team only; false: a published release'),
  status: z.enum(['released', 'open', 'internal']).describe('released: figures of a stored release; open: the period has not closed, so nothing is published; internal: exact live figures'),
  release: StatisticsReleaseInfoSchema.nullable(),
  suppressionThreshold: z.number().int().describe('k: a perturbed count below k is published as "fewer than k"'),
  roundingBase: z.number().int().describe('Shown counts are rounded to a multiple of this (1 = no rounding)'),
  noiseMax: z.number().int().describe('D: largest absolute noise on a published figure'),
  noiseVariance: z.number().describe('V: variance of that noise'),
  withheld: z.number().int().describe('How many figures on the page are "fewer than k"'),
  dropped: z.array(z.string()).describe('Breakdowns left out because every figure in them is "fewer than k"'),
  sources: z.array(z.enum(STATISTICS_SOURCES)).describe('Sources that have data in the municipality'),
  tables: z.array(StatisticsTableSchema),
  trend: z
    .array(
      z.object({
        year: z.number().int(),
        source: z.enum(STATISTICS_SOURCES),
        total: z.number().int().nullable(),
        released: z.boolean().describe('false: the year is open (not published); total is then null'),
      }),
    )
    .describe('Yearly totals for the five years up to the chosen one, each from that year\'s latest release'),
  generatedAt: z.iso.datetime(),
});
export type StatisticsPage = z.infer<typeof StatisticsPageSchema>;

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const StatisticsExportQuerySchema = z
  .object({
    year: StatisticsQuerySchema.shape.year,
    pool: StatisticsQuerySchema.shape.pool,
    table: z
      .string()
      .regex(/^[a-z_]+\.[a-z_]+(\.[a-z_]+)?$/, 'A table id such as "case.gender"')
      .optional()
      .describe('One table of the page; absent = every table (XLSX: one sheet each)'),
    format: z.enum(EXPORT_FORMATS).describe('csv or xlsx'),
    lang: z.enum(['nb', 'en']).default('nb').describe('Language of headings and category names'),
  })
  .strict();
export type StatisticsExportQuery = z.infer<typeof StatisticsExportQuerySchema>;

export const KomSummaryQuerySchema = z
  .object({
    year: StatisticsQuerySchema.shape.year,
    pool: StatisticsQuerySchema.shape.pool,
    format: z.enum(['json', 'csv', 'xlsx']).default('json').describe('json for the page, csv or xlsx for sending'),
    lang: z.enum(['nb', 'en']).default('nb'),
  })
  .strict();
export type KomSummaryQuery = z.infer<typeof KomSummaryQuerySchema>;

export const KomSummarySchema = z.object({
  year: z.number().int(),
  suppressionThreshold: z.number().int(),
  categories: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      rows: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          count: z.number().int().nullable(),
        }),
      ),
      total: z.number().int().nullable(),
      multiValued: z.boolean(),
    }),
  ),
});
export type KomSummary = z.infer<typeof KomSummarySchema>;

export const HtcdsExportQuerySchema = z
  .object({
    year: StatisticsQuerySchema.shape.year,
    variant: z
      .enum(['coded', 'k_anonymised'])
      .default('k_anonymised')
      .describe('coded: one row per case, coded fields only (case team); k_anonymised: generalised so that every combination of quasi-identifiers is shared by at least k cases'),
    k: z.coerce.number().int().min(3).max(50).optional().describe('k for the k-anonymised variant (default: the municipality threshold; never below it)'),
    format: z.enum(['json', 'csv']).default('csv'),
  })
  .strict();
export type HtcdsExportQuery = z.infer<typeof HtcdsExportQuerySchema>;

export const HtcdsRecordSchema = z.record(z.string(), z.string());
export const HtcdsExportSchema = z.object({
  year: z.number().int(),
  variant: z.enum(['coded', 'k_anonymised']),
  k: z.number().int().nullable(),
  fields: z.array(z.string()),
  records: z.array(HtcdsRecordSchema),
  report: z.object({
    casesInPeriod: z.number().int(),
    exported: z.number().int(),
    dropped: z.number().int().describe('Records dropped because their group stayed below k after every generalisation step'),
    steps: z.array(z.object({ key: z.string(), label: z.string() })).describe('Generalisation steps applied, in order'),
  }),
});
export type HtcdsExport = z.infer<typeof HtcdsExportSchema>;
