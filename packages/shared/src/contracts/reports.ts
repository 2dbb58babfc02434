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

/** The council's questions the report answers, from the question that started the work (domain.md §1) plus the plan. */
export const REPORT_QUESTIONS = ['prevalence', 'knowledge', 'tools', 'identification', 'assistance', 'plan'] as const;
export type ReportQuestion = (typeof REPORT_QUESTIONS)[number];

const questionText = narrativeText.default('');
export const ReportQuestionTextsSchema = z.object({
  prevalence: questionText.describe('How widespread trafficking is locally'),
  knowledge: questionText.describe('Whether staff have the knowledge they need'),
  tools: questionText.describe('Whether the municipality has the right tools'),
  identification: questionText.describe('Whether possible victims are identified'),
  assistance: questionText.describe('Whether possible victims get assistance and protection'),
  plan: questionText.describe('How the action plan goes, with its partners'),
});
export type ReportQuestionTexts = z.infer<typeof ReportQuestionTextsSchema>;
export const EMPTY_QUESTION_TEXTS: ReportQuestionTexts = { prevalence: '', knowledge: '', tools: '', identification: '', assistance: '', plan: '' };

export const ReportNarrativeSchema = z.object({
  summary: narrativeText.describe('Summary written by the coordinator (opens the facts of the case)'),
  background: narrativeText.default('').describe('Background of the case: the question that started the work and earlier decisions'),
  assessment: narrativeText.describe("The case officer's assessment (after the generated sections)"),
  proposals: narrativeText.describe('Proposals for further work (closes the report)'),
  questions: ReportQuestionTextsSchema.default(EMPTY_QUESTION_TEXTS).describe('Answer per council question; empty: the text generated from the figures is used'),
});
export type ReportNarrative = z.infer<typeof ReportNarrativeSchema>;
export type ReportNarrativeBody = z.input<typeof ReportNarrativeSchema>;

/** A case number (arkivsaksnummer): year/sequence, optionally -document, e.g. 2026/1234 or 26/1234-3. */
export const CASE_NUMBER_PATTERN = /^\d{2,4}\/\d{1,7}(-\d{1,4})?$/;

/** The saksframlegg fields of a report version: how it goes to the council as a case. */
export const ReportCaseFieldsSchema = z.object({
  caseNumber: z
    .string()
    .trim()
    .max(20)
    .refine((value) => value === '' || CASE_NUMBER_PATTERN.test(value), { message: 'Write the case number as year/number, e.g. 2026/1234.' })
    .describe('Archive case number (arkivsaksnr.), e.g. 2026/1234; empty until the archive gives one'),
  archiveCode: z.string().trim().max(60).describe('Archive code (arkivkode), e.g. "F00 &13"'),
  committee: z.string().trim().max(120).describe('The committee or council that treats the case, e.g. Kommunestyret'),
  meetingDate: z.iso.date().nullable().describe('Date of the meeting that treats the case (YYYY-MM-DD)'),
  caseOfficer: z.string().trim().max(120).describe("The case officer's name as printed on the saksframlegg"),
  recommendation: z.string().trim().max(4000).describe("The chief executive's recommendation; empty: the standard recommendation to take the report into account"),
  attachments: z.array(z.string().trim().min(1).max(200)).max(30).describe('Titles of the attachments, in order'),
});
export type ReportCaseFields = z.infer<typeof ReportCaseFieldsSchema>;

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
  caseFields: ReportCaseFieldsSchema,
  generatedQuestions: ReportQuestionTextsSchema.nullable().describe('For a draft: the text per council question generated from the figures now (the coordinator may copy and edit it); null for a final version'),
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
