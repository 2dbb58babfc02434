import { z } from 'zod';
import { KeysetQuerySchema, keysetPageSchema, listSearchText, sortValues } from './common';
import { LANGUAGE_CODES } from './municipality';
import { EXPLOITATION_FORMS, SCREENING_CONTEXTS, ScreeningFactsSchema } from './screening';

/** Where something was seen (coded, so triage needs no free text). */
export const TIP_PLACE_KINDS = [
  'home',
  'workplace',
  'shop_or_restaurant',
  'construction',
  'farm_or_fishing',
  'massage_or_beauty',
  'hotel_or_short_stay',
  'street_or_public',
  'online',
  'transport',
  'other',
  'unknown',
] as const;
export type TipPlaceKind = (typeof TIP_PLACE_KINDS)[number];

export const TIP_PEOPLE_COUNTS = ['one', 'two_to_five', 'more_than_five', 'unknown'] as const;
export const TIP_MINOR_ANSWERS = ['yes', 'no', 'unknown'] as const;
export const TIP_STATUSES = ['new', 'in_progress', 'closed'] as const;
export type TipStatus = (typeof TIP_STATUSES)[number];
export const TIP_MESSAGE_KINDS = ['tipster', 'reply', 'note'] as const;

/** Limits shared by the public form and the API. */
export const TIP_LIMITS = { what: 5000, area: 200, address: 300, when: 200, contactField: 200, message: 5000 } as const;

const optionalText = (max: number) => z.string().trim().max(max).default('');

/** What the tipster may tell. Everything except the coded fields is encrypted at rest. */
export const TipSubmissionSchema = z
  .object({
    language: z.enum(LANGUAGE_CODES).describe('The language of the page the tip was written on'),
    what: z.string().trim().min(1).max(TIP_LIMITS.what).describe('What was seen'),
    placeKind: z.enum(TIP_PLACE_KINDS).describe('Kind of place'),
    area: optionalText(TIP_LIMITS.area).describe('Area or neighbourhood'),
    address: optionalText(TIP_LIMITS.address).describe('Address, if the tipster wants to give it'),
    when: optionalText(TIP_LIMITS.when).describe('When it was seen'),
    peopleCount: z.enum(TIP_PEOPLE_COUNTS).describe('How many people seemed affected'),
    minor: z.enum(TIP_MINOR_ANSWERS).describe('Whether anyone may be under 18'),
    immediateDanger: z.boolean().describe('Whether anyone is in immediate danger'),
    anonymous: z.boolean().describe('True: the tipster stays anonymous and gives no contact details'),
    contactName: optionalText(TIP_LIMITS.contactField).describe('Name, only when not anonymous'),
    contactPhone: optionalText(TIP_LIMITS.contactField).describe('Phone, only when not anonymous'),
    contactEmail: optionalText(TIP_LIMITS.contactField).describe('E-mail, only when not anonymous'),
    contactMayBeShared: z.boolean().default(false).describe('The contact details may be passed on to the team handling a concern or case'),
  })
  .refine((tip) => tip.anonymous || tip.contactName !== '' || tip.contactPhone !== '' || tip.contactEmail !== '', {
    message: 'Give at least one way to reach you, or choose to stay anonymous',
    path: ['contactPhone'],
  });
export type TipSubmission = z.infer<typeof TipSubmissionSchema>;

/** A receipt code as typed: 16 digits, spaces and dashes ignored. */
export const normaliseReceipt = (value: string): string => value.replace(/[\s-]/g, '');

export const TipPersonSchema = z.object({ id: z.uuid(), name: z.string() });

export const TipSummarySchema = z.object({
  id: z.uuid(),
  status: z.enum(TIP_STATUSES),
  language: z.enum(LANGUAGE_CODES),
  placeKind: z.enum(TIP_PLACE_KINDS),
  minor: z.enum(TIP_MINOR_ANSWERS),
  immediateDanger: z.boolean(),
  anonymous: z.boolean().describe('Whether the tipster chose to stay anonymous'),
  labels: z.array(z.string()),
  assignee: TipPersonSchema.nullable(),
  unread: z.boolean().describe('The tipster wrote something not yet opened by staff'),
  submittedOn: z.iso.date().describe('Day of submission (day precision by design)'),
  lastActivityOn: z.iso.date(),
  closedOn: z.iso.date().nullable(),
  concernId: z.uuid().nullable().describe('The concern this tip was turned into'),
});
export type TipSummary = z.infer<typeof TipSummarySchema>;

/** The columns the tip inbox sorts by. */
export const TIP_SORT_KEYS = ['lastActivityOn', 'submittedOn', 'status'] as const;

export const TipListQuerySchema = KeysetQuerySchema.extend({
  q: listSearchText.describe('A receipt code (16 digits, matched through its keyed hash, never stored), a tip id, or text matched against the coded fields (place kind, status, language, labels). The tip text and contact details are encrypted and never searched.'),
  status: z.enum(TIP_STATUSES).optional().describe('Only tips with this status'),
  unread: z.enum(['true', 'false']).optional().describe('Only tips with something new from the tipster not yet opened by staff (true), or none (false)'),
  placeKind: z.enum(TIP_PLACE_KINDS).optional().describe('Only tips about this kind of place'),
  danger: z.enum(['true']).optional().describe('Only tips that say someone is in immediate danger'),
  sort: z.enum(sortValues(TIP_SORT_KEYS)).default('-lastActivityOn').describe('Sort column; a leading "-" sorts descending'),
});
export type TipListQuery = z.infer<typeof TipListQuerySchema>;

export const TipListSchema = keysetPageSchema(TipSummarySchema);
export type TipList = z.infer<typeof TipListSchema>;

export const TipMessageSchema = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  kind: z.enum(TIP_MESSAGE_KINDS),
  author: TipPersonSchema.nullable(),
  body: z.string(),
  createdOn: z.iso.date(),
});
export type TipMessage = z.infer<typeof TipMessageSchema>;

export const TipDetailSchema = TipSummarySchema.extend({
  content: z.object({
    what: z.string(),
    area: z.string(),
    address: z.string(),
    when: z.string(),
    peopleCount: z.enum(TIP_PEOPLE_COUNTS),
  }),
  contact: z.object({ name: z.string(), phone: z.string(), email: z.string() }).nullable().describe('Contact details, only when the tipster gave them'),
  contactMayBeShared: z.boolean(),
  messages: z.array(TipMessageSchema),
});
export type TipDetail = z.infer<typeof TipDetailSchema>;

export const TipUpdateBodySchema = z
  .object({
    status: z.enum(TIP_STATUSES).optional().describe('New status'),
    labels: z.array(z.string().trim().min(1).max(40)).max(10).optional().describe('Labels (replaces the list)'),
    assignedUserId: z.uuid().nullable().optional().describe('Coordinator or caseworker to handle the tip; null to unassign'),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Change at least one field' });
export type TipUpdateBody = z.infer<typeof TipUpdateBodySchema>;

export const TipMessageBodySchema = z.object({
  kind: z.enum(['reply', 'note']).describe('reply: the tipster sees it with the receipt code; note: internal only'),
  body: z.string().trim().min(1).max(TIP_LIMITS.message).describe('The text'),
});
export type TipMessageBody = z.infer<typeof TipMessageBodySchema>;

export const TipAssigneeListSchema = z.object({ items: z.array(TipPersonSchema.extend({ role: z.string() })) });
export type TipAssigneeList = z.infer<typeof TipAssigneeListSchema>;

export const TipPublicSettingsSchema = z.object({
  publicPagesEnabled: z.boolean().describe('Show the public information pages'),
  tipFormEnabled: z.boolean().describe('Accept anonymous tips'),
  contactName: z.string().trim().max(120).describe('The municipality contact shown on the public pages'),
  contactPhone: z.string().trim().max(40).describe('Its phone number'),
  contactEmail: z.union([z.literal(''), z.email().max(254)]).describe('Its e-mail address'),
  openingHours: z.string().trim().max(300).describe('Opening hours, as written'),
  retentionMonths: z.number().int().min(1).max(120).describe('Months after closing before a tip is deleted'),
});
export type TipPublicSettings = z.infer<typeof TipPublicSettingsSchema>;

/** Turns a tip into a concern for the identification pathway. Contact details are copied only if the tipster allowed it and the coordinator asks. */
export const TipToConcernBodySchema = z.object({
  context: z.enum(SCREENING_CONTEXTS).describe('Service context of the concern'),
  suspectedForms: z.array(z.enum(EXPLOITATION_FORMS)).max(EXPLOITATION_FORMS.length).default([]).describe('Forms of exploitation suspected'),
  facts: ScreeningFactsSchema.describe('Coded facts, as far as the tip tells them'),
  includeContact: z.boolean().default(false).describe("Copy the tipster's contact details into the concern's (encrypted) note; only allowed when the tipster agreed"),
});
export type TipToConcernBody = z.infer<typeof TipToConcernBodySchema>;

export const TipToConcernResultSchema = z.object({ concernId: z.uuid(), tip: TipDetailSchema });
export type TipToConcernResult = z.infer<typeof TipToConcernResultSchema>;
