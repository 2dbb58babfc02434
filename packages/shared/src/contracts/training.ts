import { z } from 'zod';
import { ContentSourceSchema } from './content-sources';
import { ROLES } from '../roles';
import { ORGANISATION_KINDS } from './organisations';
import { ArticleLangSchema, ArticleSlugSchema, KNOWLEDGE_SERVICES } from './knowledge';

const Localised = z.object({ nb: z.string().trim().min(1), en: z.string().trim().min(1) });

/** One answer option in a quiz bank, with its explanation (shown after the attempt is submitted). */
export const QuizOptionSourceSchema = z.strictObject({
  id: z.string().regex(/^[a-z]$/),
  correct: z.boolean(),
  text: Localised,
  explanation: Localised,
});
export const QuizQuestionSourceSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    text: Localised,
    options: z.array(QuizOptionSourceSchema).min(2).max(6),
    sources: z.array(ContentSourceSchema).min(1).optional().describe('Law sections and public pages the question and its explanations rest on'),
  })
  .refine((question) => question.options.filter((option) => option.correct).length === 1, { message: 'exactly one option must be correct' })
  .refine((question) => new Set(question.options.map((option) => option.id)).size === question.options.length, { message: 'option ids must be unique' });

/** A training module as shipped in packages/content/knowledge/training/<key>.json. */
export const TrainingModuleSourceSchema = z
  .strictObject({
    key: ArticleSlugSchema,
    version: z.number().int().positive(),
    title: Localised,
    description: Localised,
    services: z.array(z.enum(KNOWLEDGE_SERVICES)).min(1),
    audience: z.strictObject({ roles: z.array(z.enum(ROLES)).min(1), organisationKinds: z.array(z.enum(ORGANISATION_KINDS)) }),
    lessons: z.array(ArticleSlugSchema).min(1).max(12),
    refreshMonths: z.number().int().min(1).max(120),
    sources: z.array(ContentSourceSchema).min(1).optional().describe('Sources for facts anywhere in the module'),
    quiz: z.strictObject({
      questionsPerAttempt: z.number().int().min(1).max(30),
      passScore: z.number().int().min(1).max(100),
      bank: z.array(QuizQuestionSourceSchema).min(1),
    }),
  })
  .refine((module) => module.quiz.bank.length > module.quiz.questionsPerAttempt, { message: 'the bank must hold more questions than one attempt draws, so two attempts differ' })
  .refine((module) => new Set(module.quiz.bank.map((question) => question.id)).size === module.quiz.bank.length, { message: 'question ids must be unique' });
export type TrainingModuleSource = z.infer<typeof TrainingModuleSourceSchema>;
export type QuizQuestionSource = z.infer<typeof QuizQuestionSourceSchema>;

export const TRAINING_STATUSES = ['not_started', 'completed', 'due_soon', 'expired'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

export const ModuleKeyParamsSchema = z.object({ key: ArticleSlugSchema.describe('The training module key') });
export const TrainingLangQuerySchema = z.object({ lang: ArticleLangSchema.default('nb') });
/** The module list's query: the language, and `due=me` for only the modules meant for the user that they have not completed (the home page's "training due"). */
export const TrainingModulesQuerySchema = TrainingLangQuerySchema.extend({
  due: z.enum(['me']).optional().describe('Only modules meant for the signed-in user whose status is not completed'),
});

export const CompletionSchema = z.object({
  id: z.uuid(),
  moduleKey: z.string(),
  moduleVersion: z.number().int(),
  moduleTitle: z.string(),
  score: z.number().int().describe('Percentage of questions answered correctly'),
  completedAt: z.iso.datetime(),
  validUntil: z.iso.date().describe('The day refreshing is due'),
});
export type Completion = z.infer<typeof CompletionSchema>;
export const CompletionListSchema = z.object({ items: z.array(CompletionSchema) });

export const TrainingModuleSummarySchema = z.object({
  key: z.string(),
  version: z.number().int(),
  title: z.string(),
  description: z.string(),
  services: z.array(z.enum(KNOWLEDGE_SERVICES)),
  lessonCount: z.number().int(),
  questionsPerAttempt: z.number().int(),
  passScore: z.number().int().describe('Percentage needed to pass (set by the municipality)'),
  refreshMonths: z.number().int().describe('Months a completion stays valid (set by the municipality)'),
  isForMe: z.boolean().describe("The module is meant for the actor's role and organisation"),
  status: z.enum(TRAINING_STATUSES).describe("The actor's status in this module"),
  lastCompletion: CompletionSchema.nullable(),
});
export type TrainingModuleSummary = z.infer<typeof TrainingModuleSummarySchema>;
export const TrainingModuleListSchema = z.object({ items: z.array(TrainingModuleSummarySchema) });

export const TrainingModuleSchema = TrainingModuleSummarySchema.extend({
  lessons: z.array(z.object({ slug: z.string(), title: z.string(), summary: z.string() })).describe('Articles to read, in order'),
});
export type TrainingModule = z.infer<typeof TrainingModuleSchema>;

/** A question as the client sees it before submitting: never which option is correct. */
export const AttemptQuestionSchema = z.object({
  id: z.string(),
  text: z.string(),
  options: z.array(z.object({ id: z.string(), text: z.string() })),
});
export const AttemptSchema = z.object({
  id: z.uuid(),
  moduleKey: z.string(),
  moduleVersion: z.number().int(),
  lang: ArticleLangSchema,
  startedAt: z.iso.datetime(),
  passScore: z.number().int(),
  questions: z.array(AttemptQuestionSchema),
});
export type Attempt = z.infer<typeof AttemptSchema>;

export const SubmitAttemptBodySchema = z.object({
  answers: z
    .array(z.object({ questionId: z.string().trim().min(1).max(80).describe('Question id from the attempt'), optionId: z.string().trim().min(1).max(4).describe('The chosen option') }))
    .min(1)
    .max(30)
    .describe('One answer per question of the attempt'),
});
export type SubmitAttemptBody = z.infer<typeof SubmitAttemptBodySchema>;

export const AttemptResultSchema = z.object({
  attemptId: z.uuid(),
  score: z.number().int(),
  passScore: z.number().int(),
  passed: z.boolean(),
  questions: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      chosenOptionId: z.string(),
      correctOptionId: z.string(),
      isCorrect: z.boolean(),
      options: z.array(z.object({ id: z.string(), text: z.string(), explanation: z.string() })),
    }),
  ),
  completion: CompletionSchema.nullable().describe('The completion recorded when the attempt passed'),
});
export type AttemptResult = z.infer<typeof AttemptResultSchema>;

export const TrainingSettingsSchema = z.object({
  moduleKey: z.string(),
  passScore: z.number().int(),
  refreshMonths: z.number().int(),
  isDefault: z.boolean().describe('No municipal setting saved: the shipped defaults apply'),
});
export type TrainingSettings = z.infer<typeof TrainingSettingsSchema>;
export const TrainingSettingsBodySchema = z.object({
  passScore: z.number().int().min(50).max(100).describe('Percentage needed to pass (50-100)'),
  refreshMonths: z.number().int().min(1).max(120).describe('Months before refreshing is due (1-120, default 24)'),
});
export type TrainingSettingsBody = z.infer<typeof TrainingSettingsBodySchema>;

export const CoverageQuerySchema = z.object({
  moduleKey: ArticleSlugSchema.describe('The module to measure'),
  lang: ArticleLangSchema.default('nb'),
});
export type CoverageQuery = z.infer<typeof CoverageQuerySchema>;

/** A share with its parts; counts below the municipality's threshold k are withheld (null) in aggregated rows. */
export const CoverageCellSchema = z.object({
  staff: z.number().int().describe('Active staff counted'),
  trained: z.number().int().nullable().describe('Staff with a valid completion; null when withheld'),
  share: z.number().nullable().describe('trained / staff in percent, one decimal; null when withheld'),
  suppressed: z.boolean().describe('The figures are withheld because a count is below the threshold'),
});
export type CoverageCell = z.infer<typeof CoverageCellSchema>;

export const CoverageSchema = z.object({
  moduleKey: z.string(),
  moduleTitle: z.string(),
  asOf: z.iso.date(),
  suppressionThreshold: z.number().int(),
  total: CoverageCellSchema,
  byOrganisation: z.array(CoverageCellSchema.extend({ organisationId: z.uuid(), name: z.string(), kind: z.enum(ORGANISATION_KINDS) })),
  byKind: z.array(CoverageCellSchema.extend({ kind: z.enum(ORGANISATION_KINDS) })),
  /** End of each of the last 12 months: the share of today's staff with a completion valid on that day. */
  overTime: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), trained: z.number().int().nullable(), share: z.number().nullable() })),
  due: z
    .array(z.object({ userId: z.uuid(), name: z.string(), organisation: z.string(), status: z.enum(['due_soon', 'expired']), validUntil: z.iso.date() }))
    .describe('Staff whose completion expires within 60 days or has expired (reading this list is audited)'),
});
export type Coverage = z.infer<typeof CoverageSchema>;

export const PlanLinkSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  measureLineageId: z.uuid(),
  measureTitle: z.string().nullable().describe('Title of the measure in the version in force (null if it is gone)'),
  moduleKey: z.string(),
  moduleTitle: z.string(),
  organisationKinds: z.array(z.enum(ORGANISATION_KINDS)).describe('Whose staff count (empty: all staff)'),
  targetShare: z.number().int().describe('Target share trained, in percent'),
  targetDate: z.iso.date(),
  coverage: CoverageCellSchema.describe('Coverage now among the staff counted'),
  progress: z.number().int().describe('Coverage as a share of the target, 0-100: what the measure progress is set to'),
  lastAppliedAt: z.iso.datetime().nullable(),
});
export type PlanLink = z.infer<typeof PlanLinkSchema>;
export const PlanLinkListSchema = z.object({ items: z.array(PlanLinkSchema) });
export const PlanLinkBodySchema = z.object({
  measureId: z.uuid().describe('A measure of the plan version in force'),
  moduleKey: ArticleSlugSchema,
  organisationKinds: z.array(z.enum(ORGANISATION_KINDS)).max(ORGANISATION_KINDS.length).default([]).describe('Whose staff count (empty: all staff)'),
  targetShare: z.number().int().min(1).max(100).describe('Target share trained, in percent'),
  targetDate: z.iso.date().describe('Date the target should be reached'),
});
export type PlanLinkBody = z.infer<typeof PlanLinkBodySchema>;
