import { z } from 'zod';
import { emailSchema, phoneSchema, shortText } from './common';

/** A member's role in the cooperation group. */
export const GROUP_ROLES = ['chair', 'secretary', 'member', 'deputy', 'adviser'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

/** The situations on the "who to call" routing card, in the order the card shows them. */
export const ROUTING_SITUATIONS = ['immediate_danger', 'minor', 'adult_wants_help', 'adult_declines_help', 'labour_exploitation', 'after_hours'] as const;
export type RoutingSituation = (typeof ROUTING_SITUATIONS)[number];

const isoDate = z.iso.date();
const orgRef = z.object({ id: z.uuid(), name: z.string() });

// ---------------------------------------------------------------- members

export const MemberBodySchema = z.object({
  organisationId: z.uuid().describe('The organisation the member represents (from the partner registry)'),
  name: shortText(120).describe('Full name'),
  groupRole: z.enum(GROUP_ROLES).describe('Role in the group'),
  title: z.string().trim().max(120).default('').describe('Job title, e.g. "Politikontakt"'),
  phone: phoneSchema.nullable().default(null).describe('Work phone'),
  email: emailSchema.nullable().default(null).describe('Work e-mail'),
});
export type MemberBody = z.infer<typeof MemberBodySchema>;

export const MemberSchema = z.object({
  id: z.uuid(),
  organisation: orgRef,
  name: z.string(),
  groupRole: z.enum(GROUP_ROLES),
  title: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type Member = z.infer<typeof MemberSchema>;
export const MemberListSchema = z.object({ items: z.array(MemberSchema) });

// ---------------------------------------------------------------- routing card

export const RoutingEntryInputSchema = z.object({
  situation: z.enum(ROUTING_SITUATIONS),
  contact: shortText(160).describe('Who to call, e.g. "Politiets operasjonssentral"'),
  organisationId: z.uuid().nullable().default(null).describe('The organisation, if it is in the registry'),
  phone: phoneSchema.describe('The number to call'),
  whatToTell: z.string().trim().min(1).max(600).describe('What to tell them'),
});
export const RoutingCardBodySchema = z
  .object({ entries: z.array(RoutingEntryInputSchema).max(ROUTING_SITUATIONS.length).describe('At most one entry per situation') })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.entries.forEach((entry, index) => {
      if (seen.has(entry.situation)) ctx.addIssue({ code: 'custom', message: 'Each situation may appear once', path: ['entries', index, 'situation'] });
      seen.add(entry.situation);
    });
  });
export type RoutingCardBody = z.infer<typeof RoutingCardBodySchema>;

export const RoutingCardSchema = z.object({
  entries: z.array(
    z.object({
      situation: z.enum(ROUTING_SITUATIONS),
      contact: z.string().nullable(),
      organisation: orgRef.nullable(),
      phone: z.string().nullable(),
      whatToTell: z.string().nullable(),
    }),
  ).describe('Every situation, in card order; null fields where none is set'),
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: z.string().nullable(),
});
export type RoutingCard = z.infer<typeof RoutingCardSchema>;

// ---------------------------------------------------------------- meetings

export const MeetingBodySchema = z.object({
  startsAt: z.iso.datetime({ offset: true }).describe('Date and time of the meeting'),
  place: z.string().trim().max(200).default(''),
  minutes: z.string().trim().max(20_000).default('').describe('General minutes (stored encrypted)'),
  attendance: z.array(z.object({ memberId: z.uuid(), present: z.boolean() })).max(100).default([]).describe('Who attended'),
  items: z
    .array(
      z.object({
        title: shortText(200).describe('Agenda item'),
        notes: z.string().trim().max(10_000).default('').describe('Minutes of the item (stored encrypted)'),
        decision: z.string().trim().max(4000).default('').describe('Decision (stored encrypted)'),
      }),
    )
    .max(50)
    .default([]),
  actions: z
    .array(
      z.object({
        id: z.uuid().optional().describe('Keep this action item (omit for a new one)'),
        text: shortText(500).describe('What is to be done (no personal data: it shows on the measure timeline)'),
        ownerOrganisationId: z.uuid().nullable().default(null),
        dueDate: isoDate.nullable().default(null),
        measureId: z.uuid().nullable().default(null).describe('The plan measure it belongs to'),
      }),
    )
    .max(100)
    .default([]),
});
export type MeetingBody = z.infer<typeof MeetingBodySchema>;

export const ActionItemSchema = z.object({
  id: z.uuid(),
  text: z.string(),
  ownerOrganisation: orgRef.nullable(),
  dueDate: isoDate.nullable(),
  measure: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  completedOn: isoDate.nullable(),
});
export type ActionItem = z.infer<typeof ActionItemSchema>;

export const MeetingSummarySchema = z.object({
  id: z.uuid(),
  startsAt: z.iso.datetime(),
  place: z.string(),
  itemCount: z.number().int(),
  present: z.number().int(),
  openActions: z.number().int(),
});
export const MeetingListSchema = z.object({ items: z.array(MeetingSummarySchema) });

export const MeetingSchema = z.object({
  id: z.uuid(),
  startsAt: z.iso.datetime(),
  place: z.string(),
  minutes: z.string(),
  attendance: z.array(z.object({ member: MemberSchema, present: z.boolean() })),
  items: z.array(z.object({ id: z.uuid(), title: z.string(), notes: z.string(), decision: z.string() })),
  actions: z.array(ActionItemSchema),
  editable: z.boolean(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

export const ActionParamsSchema = z.object({ id: z.uuid().describe('The meeting id'), actionId: z.uuid().describe('The action item id') });
export const CompleteActionBodySchema = z.object({ completedOn: isoDate.optional().describe('When (default today); not in the future') });
