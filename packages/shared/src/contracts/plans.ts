import { z } from 'zod';
import { shortText } from './common';

/** The areas of the local action plan (STROM template, domain.md §2). */
export const PLAN_AREA_CODES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'] as const;
export type PlanAreaCode = (typeof PLAN_AREA_CODES)[number];

/** The council's questions an area answers: lead (governance), prevent, detect, handle. */
export const COUNCIL_QUESTIONS = ['lead', 'prevent', 'detect', 'handle'] as const;
export type CouncilQuestion = (typeof COUNCIL_QUESTIONS)[number];

/**
 * The measure status catalogue. Each status carries the progress a measure gets when it
 * moves to that status without an explicit progress (null: the progress is kept).
 * Cancelled measures count in no roll-up.
 */
export const MEASURE_STATUS_CATALOGUE = {
  not_started: { defaultProgress: 0 },
  planned: { defaultProgress: 0 },
  in_progress: { defaultProgress: null },
  delayed: { defaultProgress: null },
  done: { defaultProgress: 100 },
  cancelled: { defaultProgress: null },
} as const satisfies Record<string, { defaultProgress: number | null }>;
export const MEASURE_STATUSES = Object.keys(MEASURE_STATUS_CATALOGUE) as [keyof typeof MEASURE_STATUS_CATALOGUE, ...(keyof typeof MEASURE_STATUS_CATALOGUE)[]];
export type MeasureStatus = keyof typeof MEASURE_STATUS_CATALOGUE;

/** The progress a measure gets when its status changes: the explicit value, else the status default, else the current one. */
export function progressForStatus(status: MeasureStatus, explicit: number | null | undefined, current: number): number {
  if (explicit !== null && explicit !== undefined) return explicit;
  return MEASURE_STATUS_CATALOGUE[status].defaultProgress ?? current;
}

export const PLAN_VERSION_STATUSES = ['draft', 'adopted', 'superseded'] as const;
export type PlanVersionStatus = (typeof PLAN_VERSION_STATUSES)[number];

const isoDate = z.iso.date();
const progressSchema = z.number().int().min(0).max(100);

// ---------------------------------------------------------------- template

export const TemplateMeasureViewSchema = z.object({
  key: z.string().describe('Stable key of the suggested measure, e.g. "D2"'),
  title: z.string(),
  description: z.string(),
  why: z.string(),
});
export const PlanTemplateViewSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  language: z.enum(['nb', 'en']),
  areas: z.array(
    z.object({
      code: z.enum(PLAN_AREA_CODES),
      councilQuestion: z.enum(COUNCIL_QUESTIONS),
      title: z.string(),
      description: z.string(),
      measures: z.array(TemplateMeasureViewSchema),
    }),
  ),
});
export type PlanTemplateView = z.infer<typeof PlanTemplateViewSchema>;
export const PlanTemplateQuerySchema = z.object({ language: z.enum(['nb', 'en']).default('nb').describe('Language of the texts') });

// ---------------------------------------------------------------- plan

export const PlanCreateBodySchema = z
  .object({
    title: shortText(200).describe('Title of the plan, e.g. "Tiltaksplan mot menneskehandel 2027-2030"'),
    periodStart: isoDate.describe('First day the plan covers'),
    periodEnd: isoDate.describe('Last day the plan covers'),
    template: z
      .object({
        language: z.enum(['nb', 'en']).describe('Language of the template texts copied into the plan'),
        measureKeys: z.array(z.string().regex(/^[A-I][0-9]{1,2}$/)).max(200).optional().describe('Only these suggested measures (default: all)'),
      })
      .nullable()
      .default(null)
      .describe('Start from the template (null: an empty plan)'),
  })
  .refine((body) => body.periodStart <= body.periodEnd, { message: 'The period must end on or after it starts', path: ['periodEnd'] });
export type PlanCreateBody = z.infer<typeof PlanCreateBodySchema>;

export const PlanVersionSummarySchema = z.object({
  number: z.number().int().describe('Version number, from 1'),
  status: z.enum(PLAN_VERSION_STATUSES),
  decisionRef: z.string().nullable().describe('Council decision reference, when adopted'),
  decisionDate: isoDate.nullable(),
  adoptedAt: z.iso.datetime().nullable(),
  adoptedBy: z.string().nullable().describe('Name of who recorded the adoption'),
});
export type PlanVersionSummary = z.infer<typeof PlanVersionSummarySchema>;

export const PlanSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  periodStart: isoDate,
  periodEnd: isoDate,
  versions: z.array(PlanVersionSummarySchema).describe('The versions the caller may see, oldest first'),
  currentVersion: z.number().int().nullable().describe('The adopted version in force, if any'),
  draftVersion: z.number().int().nullable().describe('The draft being worked on, if the caller may see it'),
});
export type PlanSummary = z.infer<typeof PlanSummarySchema>;
export const PlanListSchema = z.object({ items: z.array(PlanSummarySchema) });

export const PlanVersionParamsSchema = z.object({
  id: z.uuid().describe('The plan id'),
  version: z.coerce.number().int().min(1).max(10_000).describe('The version number'),
});

export const AdoptBodySchema = z.object({
  decisionRef: shortText(120).describe('Council decision reference, e.g. "KS-sak 45/27"'),
  decisionDate: isoDate.describe('Date of the council decision'),
});
export type AdoptBody = z.infer<typeof AdoptBodySchema>;

// ---------------------------------------------------------------- measure

export const MilestoneInputSchema = z.object({
  id: z.uuid().optional().describe('Keep this milestone (omit for a new one)'),
  title: shortText(200),
  dueDate: isoDate,
  doneOn: isoDate.nullable().default(null),
});

export const MeasureBodySchema = z
  .object({
    area: z.enum(PLAN_AREA_CODES).describe('The area A-I'),
    parentId: z.uuid().nullable().default(null).describe('The parent measure for a sub-measure'),
    title: shortText(200),
    description: z.string().trim().max(4000).default(''),
    why: z.string().trim().max(2000).default('').describe('The gap the measure answers'),
    ownerOrganisationId: z.uuid().nullable().default(null).describe('Owner organisation (from the partner registry)'),
    partnerOrganisationIds: z.array(z.uuid()).max(30).default([]).describe('Organisations taking part'),
    responsiblePerson: z.string().trim().max(120).default('').describe('Name or role of the person responsible'),
    startDate: isoDate.nullable().default(null),
    dueDate: isoDate.nullable().default(null),
    status: z.enum(MEASURE_STATUSES).default('not_started'),
    progress: progressSchema.nullable().default(null).describe('0-100; null takes the status default'),
    weight: z.number().int().min(1).max(100).nullable().default(null).describe('Weight in the parent roll-up; null counts as 1'),
    milestones: z.array(MilestoneInputSchema).max(30).default([]),
  })
  .refine((body) => !body.startDate || !body.dueDate || body.startDate <= body.dueDate, { message: 'The due date must be on or after the start date', path: ['dueDate'] });
export type MeasureBody = z.infer<typeof MeasureBodySchema>;

export const OrganisationRefSchema = z.object({ id: z.uuid(), name: z.string() });

export const MeasureSchema = z.object({
  id: z.uuid(),
  lineageId: z.uuid().describe('Stable across versions'),
  templateKey: z.string().nullable(),
  parentId: z.uuid().nullable(),
  area: z.enum(PLAN_AREA_CODES),
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
  why: z.string(),
  ownerOrganisation: OrganisationRefSchema.nullable(),
  partnerOrganisations: z.array(OrganisationRefSchema),
  responsiblePerson: z.string(),
  startDate: isoDate.nullable(),
  dueDate: isoDate.nullable(),
  status: z.enum(MEASURE_STATUSES),
  progress: z.number().int().describe('The measure\'s own progress'),
  rolledProgress: z.number().describe('Progress rolled up from sub-measures (own progress when it has none)'),
  weight: z.number().int().nullable(),
  milestones: z.array(z.object({ id: z.uuid(), title: z.string(), dueDate: isoDate, doneOn: isoDate.nullable() })),
  canUpdate: z.boolean().describe('Whether the caller may post updates on it'),
});
export type Measure = z.infer<typeof MeasureSchema>;

export const PlanVersionDetailSchema = z.object({
  plan: z.object({ id: z.uuid(), title: z.string(), periodStart: isoDate, periodEnd: isoDate }),
  version: PlanVersionSummarySchema,
  versions: z.array(PlanVersionSummarySchema),
  areas: z.array(
    z.object({
      code: z.enum(PLAN_AREA_CODES),
      councilQuestion: z.enum(COUNCIL_QUESTIONS),
      progress: z.number().nullable().describe('Roll-up of the area\'s top-level measures; null when it has none'),
      measureCount: z.number().int(),
    }),
  ),
  totalProgress: z.number().nullable().describe('Average of the areas that have measures'),
  editable: z.boolean().describe('Whether the caller may edit measures (draft and plans:write)'),
  measures: z.array(MeasureSchema).describe('Flat, in area and position order; sub-measures name their parent'),
});
export type PlanVersionDetail = z.infer<typeof PlanVersionDetailSchema>;

export const TimelineEntrySchema = z.object({
  id: z.uuid(),
  occurredOn: isoDate,
  createdAt: z.iso.datetime(),
  text: z.string(),
  progressBefore: z.number().int().nullable(),
  progressAfter: z.number().int().nullable(),
  statusBefore: z.enum(MEASURE_STATUSES).nullable(),
  statusAfter: z.enum(MEASURE_STATUSES).nullable(),
  author: z.string().nullable().describe('Name of who posted it'),
  organisation: z.string().nullable().describe('Their organisation'),
  source: z.enum(['update', 'meeting_action']),
  versionNumber: z.number().int(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const MeasureDetailSchema = z.object({
  plan: z.object({ id: z.uuid(), title: z.string() }),
  version: PlanVersionSummarySchema,
  measure: MeasureSchema,
  children: z.array(MeasureSchema),
  editable: z.boolean(),
  timeline: z.array(TimelineEntrySchema).describe('Newest first, across all versions of the measure'),
});
export type MeasureDetail = z.infer<typeof MeasureDetailSchema>;

export const MeasureUpdateBodySchema = z.object({
  text: shortText(4000).describe('What happened'),
  occurredOn: isoDate.optional().describe('When (default today); not in the future'),
  status: z.enum(MEASURE_STATUSES).optional().describe('New status'),
  progress: progressSchema.optional().describe('New progress 0-100'),
  completedMilestoneIds: z.array(z.uuid()).max(30).default([]).describe('Milestones reached'),
});
export type MeasureUpdateBody = z.infer<typeof MeasureUpdateBodySchema>;

// ---------------------------------------------------------------- compare, deadlines

export const CompareQuerySchema = z.object({
  from: z.coerce.number().int().min(1).max(10_000).describe('The older version'),
  to: z.coerce.number().int().min(1).max(10_000).describe('The newer version'),
});
const compareMeasure = z.object({ lineageId: z.uuid(), area: z.enum(PLAN_AREA_CODES), title: z.string() });
export const PlanCompareSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  added: z.array(compareMeasure),
  removed: z.array(compareMeasure),
  changed: z.array(compareMeasure.extend({ fields: z.array(z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() })) })),
});
export type PlanCompare = z.infer<typeof PlanCompareSchema>;

export const DeadlineQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(365).default(30).describe('Soon = due within this many days') });
const deadlineItem = z.object({
  measureId: z.uuid(),
  planId: z.uuid(),
  planTitle: z.string(),
  versionNumber: z.number().int(),
  area: z.enum(PLAN_AREA_CODES),
  title: z.string(),
  dueDate: isoDate,
  status: z.enum(MEASURE_STATUSES),
  progress: z.number().int(),
  ownerOrganisation: OrganisationRefSchema.nullable(),
});
export const DeadlinesSchema = z.object({ overdue: z.array(deadlineItem), dueSoon: z.array(deadlineItem) });
export type Deadlines = z.infer<typeof DeadlinesSchema>;
