import { z } from 'zod';
import { emailSchema, KeysetQuerySchema, keysetPageSchema, phoneSchema, sortValues } from './common';
import { EXPLOITATION_FORMS, SCREENING_CONTEXTS, ScreeningFactsSchema, ScreeningProfileSchema } from './screening';

export const CONCERN_STATUSES = ['new', 'in_progress', 'awaiting_reporter', 'closed'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];
export const CLOSE_REASONS = ['no_indication', 'referred_elsewhere', 'case_opened'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

/** Identifying details of the person: optional, encrypted at rest, seen only by the coordinator and assigned caseworkers. */
export const PersonDetailsSchema = z
  .object({
    name: optionalText(200).describe('Name, if known and needed'),
    dateOfBirth: z.iso.date().nullable().default(null).describe('Date of birth, if known'),
    phone: phoneSchema.nullable().default(null).describe('Phone number of the person'),
    address: optionalText(300).describe('Where the person can be found'),
    other: optionalText(1000).describe('Other identifying details'),
  })
  .strict();
export type PersonDetails = z.infer<typeof PersonDetailsSchema>;

/** How the coordinator can reach the reporting staff member (optional, encrypted). */
export const ReporterContactSchema = z
  .object({
    phone: phoneSchema.nullable().default(null).describe('Work phone'),
    email: emailSchema.nullable().default(null).describe('Work e-mail'),
  })
  .strict();

export const ConcernBodySchema = z
  .object({
    screeningId: z.uuid().nullable().default(null).describe('The screening this concern comes from (its facts and profile are used)'),
    context: z.enum(SCREENING_CONTEXTS).nullable().default(null).describe('Service context; required without a screening'),
    suspectedForms: z.array(z.enum(EXPLOITATION_FORMS)).max(EXPLOITATION_FORMS.length).default([]).describe('Suspected forms, without a screening'),
    facts: ScreeningFactsSchema.nullable().default(null).describe('Coded facts; required without a screening'),
    note: optionalText(2000).describe('What worries you. Write no names. Encrypted.'),
    reporterContact: ReporterContactSchema.nullable().default(null),
    person: PersonDetailsSchema.nullable().default(null),
  })
  .strict();
export type ConcernBody = z.infer<typeof ConcernBodySchema>;

export const ConcernMessageSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['question', 'answer']),
  text: z.string(),
  authorName: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const ConcernSummarySchema = z.object({
  id: z.uuid(),
  status: z.enum(CONCERN_STATUSES),
  context: z.enum(SCREENING_CONTEXTS),
  possibleMinor: z.boolean(),
  childWelfareDueAt: z.iso.datetime().nullable().describe('A possible minor: the review deadline (one week)'),
  childWelfareOverdue: z.boolean(),
  level: z.enum(['none', 'some_indicators', 'strong_indicators']).nullable(),
  reporterName: z.string().nullable(),
  reporterOrganisation: z.string().nullable(),
  assignedTo: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  closeReason: z.enum(CLOSE_REASONS).nullable(),
  hasPersonDetails: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  mine: z.boolean().describe('Reported by the signed-in user'),
});
export type ConcernSummary = z.infer<typeof ConcernSummarySchema>;

export const ConcernSchema = ConcernSummarySchema.extend({
  screeningId: z.uuid().nullable(),
  suspectedForms: z.array(z.enum(EXPLOITATION_FORMS)),
  facts: ScreeningFactsSchema,
  profile: ScreeningProfileSchema.nullable(),
  messages: z.array(ConcernMessageSchema),
});
export type Concern = z.infer<typeof ConcernSchema>;

/** The columns the concern list sorts by. */
export const CONCERN_SORT_KEYS = ['createdAt', 'updatedAt'] as const;

export const ConcernListQuerySchema = KeysetQuerySchema.extend({
  status: z.enum(CONCERN_STATUSES).optional().describe('Only this status'),
  assigned: z.enum(['none', 'me']).optional().describe('Only unassigned concerns (none) or those assigned to the signed-in user (me)'),
  context: z.enum(SCREENING_CONTEXTS).optional().describe('Only concerns from this service'),
  minor: z.enum(['true', 'false']).optional().describe('Only concerns about a possible minor (true) or not (false)'),
  sort: z.enum(sortValues(CONCERN_SORT_KEYS)).default('-createdAt').describe('Sort column; a leading "-" sorts descending'),
});
export type ConcernListQuery = z.infer<typeof ConcernListQuerySchema>;
export const ConcernListSchema = keysetPageSchema(ConcernSummarySchema);
export type ConcernList = z.infer<typeof ConcernListSchema>;

export const ConcernIdentifyingDetailsSchema = z.object({
  person: z
    .object({ name: z.string().nullable(), dateOfBirth: z.string().nullable(), phone: z.string().nullable(), address: z.string().nullable(), other: z.string().nullable() })
    .nullable(),
  reporterContact: z.object({ phone: z.string().nullable(), email: z.string().nullable() }).nullable(),
  note: z.string().nullable(),
});
export type ConcernIdentifyingDetails = z.infer<typeof ConcernIdentifyingDetailsSchema>;

export const ConcernAssignBodySchema = z.object({ caseworkerId: z.uuid().describe('The caseworker (or coordinator) to assign') }).strict();
export const ConcernMessageBodySchema = z.object({ text: z.string().trim().min(1).max(2000).describe('Write no names') }).strict();
export const ConcernCloseBodySchema = z.object({ reason: z.enum(CLOSE_REASONS).describe('Why the concern is closed') }).strict();

export const AssigneeListSchema = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.enum(['coordinator', 'caseworker']) })) });
