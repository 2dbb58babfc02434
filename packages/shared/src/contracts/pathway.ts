import { z } from 'zod';
import { ORGANISATION_KINDS } from './organisations';
import { EXPLOITATION_FORMS, SIGNAL_LEVELS, WANTS_HELP } from './screening';

/** What a next step asks the frontline user to do. Texts live in the web's i18n under identification.steps. */
export const STEP_KINDS = [
  'call_emergency',
  'notify_child_welfare',
  'contact_coordinator',
  'talk_with_person',
  'contact_police',
  'contact_police_with_consent',
  'contact_labour_inspection',
  'contact_akrim',
  'offer_shelter',
  'explain_reflection_period',
  'contact_health',
  'contact_social_services',
  'send_concern',
  'keep_watch',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const URGENCIES = ['now', 'today', 'this_week'] as const;

/** When a rule applies. Every given condition must hold; an empty condition always holds. */
export const PathwayConditionSchema = z
  .object({
    possibleMinor: z.boolean().optional().describe('The person may be under 18'),
    immediateDanger: z.boolean().optional().describe('The person is in danger now'),
    wantsHelp: z.enum(WANTS_HELP).optional().describe('The adult wants help'),
    forms: z.array(z.enum(EXPLOITATION_FORMS)).min(1).optional().describe('The counts below must hold for one of these forms (any form when left out)'),
    minStrong: z.number().int().min(0).max(50).optional().describe('At least this many strong indicators answered yes'),
    minMedium: z.number().int().min(0).max(50).optional().describe('At least this many medium indicators answered yes'),
    minAny: z.number().int().min(0).max(50).optional().describe('At least this many indicators of any strength answered yes'),
    maxAny: z.number().int().min(0).max(50).optional().describe('At most this many indicators answered yes (0: no indicators)'),
    minLevel: z.enum(SIGNAL_LEVELS).optional().describe('At least this profile level'),
  })
  .strict();
export type PathwayCondition = z.infer<typeof PathwayConditionSchema>;

export const PathwayStepSchema = z
  .object({
    kind: z.enum(STEP_KINDS).describe('What to do'),
    urgency: z.enum(URGENCIES).describe('How soon'),
    organisationId: z.uuid().nullable().default(null).describe('The partner-registry organisation to contact'),
    organisationKind: z.enum(ORGANISATION_KINDS).nullable().default(null).describe('Otherwise: the first active organisation of this kind'),
    phone: z.string().trim().max(40).nullable().default(null).describe('A fixed number to call, e.g. 112'),
  })
  .strict();
export type PathwayStep = z.infer<typeof PathwayStepSchema>;

export const PathwayRuleSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9-]{2,60}$/, 'Use lower-case letters, digits and hyphens')
      .describe('Stable id of the rule (recorded on each screening)'),
    when: PathwayConditionSchema,
    step: PathwayStepSchema,
  })
  .strict();
export type PathwayRule = z.infer<typeof PathwayRuleSchema>;

export const PathwayRulesSchema = z
  .array(PathwayRuleSchema)
  .min(1)
  .max(50)
  .refine((rules) => new Set(rules.map((rule) => rule.id)).size === rules.length, 'Rule ids must be unique');

export const PathwayBodySchema = z.object({ rules: PathwayRulesSchema.describe('Rules in order; every rule that applies gives a next step') });
export type PathwayBody = z.infer<typeof PathwayBodySchema>;

export const PathwayContactSchema = z.object({
  organisationId: z.uuid(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  people: z.array(z.object({ name: z.string(), roleTitle: z.string(), phone: z.string().nullable(), email: z.string().nullable() })),
});
export type PathwayContact = z.infer<typeof PathwayContactSchema>;

export const PathwaySchema = z.object({
  rules: z.array(PathwayRuleSchema),
  isDefault: z.boolean().describe('True while the municipality uses the national default pathway'),
  version: z.number().int().describe('Increases with each change'),
  updatedAt: z.iso.datetime().nullable(),
  contacts: z.record(z.string(), PathwayContactSchema).describe('Contacts from the partner registry, keyed by rule id'),
});
export type Pathway = z.infer<typeof PathwaySchema>;
