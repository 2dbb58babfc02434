import { z } from 'zod';
import { CHART_KINDS } from '../charts/chart';

// ---------------------------------------------------------------- document model (as sent to the web)

export const ChartSeriesSchema = z.object({
  key: z.string().describe('Stable series key'),
  label: z.string().describe('Series label (legend and table column)'),
  values: z.array(z.number().nullable()).describe('One value per category; null = withheld (disclosure control), drawn as a gap'),
  display: z.array(z.string().nullable()).optional().describe('Text per category for the table, e.g. "withheld" or "42 %"'),
});

export const ChartDefinitionSchema = z.object({
  id: z.string().describe('Unique on the page'),
  kind: z.enum(CHART_KINDS).describe('bar, stacked_bar or line'),
  title: z.string().describe('Caption of the figure and name of the image'),
  description: z.string().optional().describe('What the chart shows (the SVG <desc>)'),
  categoryLabel: z.string().describe('Header of the category column'),
  valueLabel: z.string().describe('What the values are'),
  categories: z.array(z.string()).describe('Category labels along the x axis'),
  series: z.array(ChartSeriesSchema),
  max: z.number().optional().describe('Fixed upper end of the value axis'),
  note: z.string().optional().describe('Footnote, e.g. the suppression rule'),
});

export const DocBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), text: z.string() }),
  z.object({ type: z.literal('paragraph'), text: z.string() }),
  z.object({ type: z.literal('list'), items: z.array(z.string()), ordered: z.boolean().optional() }),
  z.object({ type: z.literal('table'), caption: z.string(), headers: z.array(z.string()), rows: z.array(z.array(z.string())), note: z.string().optional() }),
  z.object({ type: z.literal('chart'), chart: ChartDefinitionSchema }),
  z.object({ type: z.literal('keyValue'), items: z.array(z.object({ label: z.string(), value: z.string() })) }),
  z.object({ type: z.literal('pageBreak') }),
]);
export type DocBlockView = z.infer<typeof DocBlockSchema>;

export const DocumentSchema = z.object({
  title: z.string(),
  subtitle: z.string().optional(),
  lang: z.string().describe('BCP 47 language of the text'),
  footer: z.string().optional(),
  author: z.string().optional(),
  blocks: z.array(DocBlockSchema).describe('The document, block by block: the same model the PDF and DOCX are rendered from'),
});
export type DocumentView = z.infer<typeof DocumentSchema>;

// ---------------------------------------------------------------- council report

export const REPORT_LANGUAGES = ['nb', 'en'] as const;
export type ReportLanguageCode = (typeof REPORT_LANGUAGES)[number];
export const REPORT_VERSION_STATUSES = ['draft', 'final'] as const;
export type ReportVersionStatus = (typeof REPORT_VERSION_STATUSES)[number];
export const REPORT_FORMATS = ['pdf', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const narrativeText = z.string().trim().max(20_000);

export const ReportNarrativeSchema = z.object({
  summary: narrativeText.describe('Summary written by the coordinator (opens the report)'),
  assessment: narrativeText.describe("The coordinator's assessment (after the generated sections)"),
  proposals: narrativeText.describe('Proposals for further work (closes the report)'),
});
export type ReportNarrative = z.infer<typeof ReportNarrativeSchema>;

export const ReportCreateBodySchema = z.object({
  year: z.number().int().min(2000).max(2100).describe('The calendar year the report covers'),
  language: z.enum(REPORT_LANGUAGES).default('nb').describe('Language of the generated text'),
});
export type ReportCreateBody = z.input<typeof ReportCreateBodySchema>;

export const ReportVersionSummarySchema = z.object({
  number: z.number().int(),
  status: z.enum(REPORT_VERSION_STATUSES).describe('draft: generated from live data on every read; final: frozen'),
  createdAt: z.iso.datetime(),
  finalisedAt: z.iso.datetime().nullable(),
  finalisedBy: z.string().nullable().describe('Name of the user who finalised the version'),
});
export type ReportVersionSummary = z.infer<typeof ReportVersionSummarySchema>;

export const ReportSummarySchema = z.object({
  id: z.uuid(),
  year: z.number().int(),
  language: z.enum(REPORT_LANGUAGES),
  versions: z.array(ReportVersionSummarySchema),
  draftVersion: z.number().int().nullable().describe('The open draft, if any'),
  latestFinalVersion: z.number().int().nullable(),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;
export const ReportListSchema = z.object({ items: z.array(ReportSummarySchema) });
export type ReportList = z.infer<typeof ReportListSchema>;

export const ReportParamsSchema = z.object({ reportId: z.uuid().describe('The report id') });
export const ReportVersionParamsSchema = z.object({
  reportId: z.uuid().describe('The report id'),
  number: z.coerce.number().int().min(1).max(10_000).describe('The version number'),
});
export const ReportExportParamsSchema = ReportVersionParamsSchema.extend({ format: z.enum(REPORT_FORMATS).describe('pdf or docx') });

export const ReportVersionDetailSchema = z.object({
  report: ReportSummarySchema,
  version: ReportVersionSummarySchema,
  narrative: ReportNarrativeSchema,
  document: DocumentSchema.describe('The report as a document: for a final version the frozen snapshot, for a draft generated now'),
  generatedAt: z.iso.datetime().describe('When the document was generated (a final version: when it was frozen)'),
});
export type ReportVersionDetail = z.infer<typeof ReportVersionDetailSchema>;

// ---------------------------------------------------------------- public plan page setting

export const PublicPlanSettingSchema = z.object({
  enabled: z.boolean().describe('Publish the adopted action plan with progress per area on the public pages'),
  path: z.string().describe('Where the public page is (relative to the site)'),
});
export type PublicPlanSetting = z.infer<typeof PublicPlanSettingSchema>;
export const PublicPlanSettingBodySchema = z.object({ enabled: z.boolean().describe('Publish the adopted plan') });
export type PublicPlanSettingBody = z.infer<typeof PublicPlanSettingBodySchema>;

// ---------------------------------------------------------------- meeting minutes export

export const MinutesExportParamsSchema = z.object({ id: z.uuid().describe('The meeting id'), format: z.enum(REPORT_FORMATS).describe('pdf or docx') });
export const MinutesExportQuerySchema = z.object({ lang: z.enum(REPORT_LANGUAGES).default('nb').describe('Language of the headings') });
