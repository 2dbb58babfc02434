import { z } from 'zod';
import { EXPLOITATION_FORMS } from '../catalogues/identification';
import { ContentSourceSchema } from './content-sources';
import { KeysetQuerySchema, keysetPageSchema, sortValues } from './common';

/** Exploitation forms (domain.md §3, KOM's coding; war service is not screened for). */
export { EXPLOITATION_FORMS };
export type ExploitationForm = (typeof EXPLOITATION_FORMS)[number];

/** The sets an indicator belongs to: general, one per form, and children. */
export const INDICATOR_SETS = ['general', ...EXPLOITATION_FORMS, 'children'] as const;
export type IndicatorSet = (typeof INDICATOR_SETS)[number];

export const INDICATOR_STRENGTHS = ['strong', 'medium', 'weak'] as const;
export type IndicatorStrength = (typeof INDICATOR_STRENGTHS)[number];

/** The service a frontline user works in; each has its screening guide. */
export const SCREENING_CONTEXTS = ['school', 'health', 'social_services', 'child_welfare', 'refugee_service', 'inspection', 'police_liaison', 'other'] as const;
export type ScreeningContext = (typeof SCREENING_CONTEXTS)[number];

export const ANSWERS = ['yes', 'no', 'unknown'] as const;
export type Answer = (typeof ANSWERS)[number];

/** The 17 HTCDS v2.0 "methods of control" values, snake_cased. */
export const HTCDS_METHODS_OF_CONTROL = [
  'debt_bondage',
  'takes_earnings',
  'restricts_finances',
  'threats',
  'psychological_abuse',
  'physical_abuse',
  'sexual_abuse',
  'false_promises',
  'psychoactive_substances',
  'restricts_movement',
  'restricts_medical_care',
  'excessive_working_hours',
  'uses_children',
  'threat_of_law_enforcement',
  'withholds_necessities',
  'withholds_documents',
  'other',
] as const;

export const AGE_BANDS = ['under_13', '13_15', '16_17', '18_24', '25_39', '40_59', '60_plus', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
/** Age bands that are under 18: the person is then a possible minor whatever else is answered. */
export const MINOR_AGE_BANDS: readonly AgeBand[] = ['under_13', '13_15', '16_17'];

export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;
export const SECTORS = ['none', 'domestic_work', 'restaurant', 'agriculture', 'construction', 'cleaning', 'petrol_station', 'fishing', 'transport', 'beauty', 'sex_industry', 'other', 'unknown'] as const;
export const PLACE_KINDS = ['home', 'workplace', 'school', 'health_service', 'public_office', 'street', 'housing', 'online', 'other'] as const;
export const WANTS_HELP = ['yes', 'no', 'unknown'] as const;

export const GENERAL_INDICATOR_RULES = ['every_form', 'general_level'] as const;
export type GeneralIndicatorRule = (typeof GENERAL_INDICATOR_RULES)[number];

/** A text in bokmål and English. */
const Translated = z.object({ nb: z.string().trim().min(1), en: z.string().trim().min(1) });

/** The ILO/EU operational-indicator lists (2009): adults and children, labour and sexual exploitation. */
export const ILO_EU_LISTS = ['adults_labour', 'adults_sexual', 'children_labour', 'children_sexual'] as const;

export const IndicatorReferenceSchema = z
  .object({
    iloEu: z
      .object({
        list: z.enum(ILO_EU_LISTS).describe('The ILO/EU list the item was compared with'),
        item: z.string().trim().min(3).describe('The ILO/EU indicator it corresponds to, in the list\'s English'),
        strength: z.enum(INDICATOR_STRENGTHS).describe('Its strength there'),
      })
      .nullable()
      .describe('Null when the ILO/EU lists have no corresponding indicator'),
    /** Why our strength differs from the ILO/EU one, or where it comes from when there is none; null when it matches. */
    deviation: z.string().trim().min(10).nullable(),
  })
  .strict()
  .refine((reference) => reference.iloEu !== null || reference.deviation !== null, 'An indicator outside the ILO/EU lists needs a note on where its strength comes from');
export type IndicatorReference = z.infer<typeof IndicatorReferenceSchema>;

export const IndicatorSchema = z.object({
  id: z.string().regex(/^[a-z]+\.[a-z0-9-]+$/, 'Use set.slug, lower case'),
  set: z.enum(INDICATOR_SETS),
  strength: z.enum(INDICATOR_STRENGTHS),
  forms: z.array(z.enum(EXPLOITATION_FORMS)).min(1),
  codes: z.object({
    ilo: z.array(z.string().regex(/^ILO11-(0[1-9]|1[01])$/)),
    unodc: z.array(z.enum(['UNODC-GENERAL', 'UNODC-LABOUR', 'UNODC-SEXUAL', 'UNODC-DOMESTIC', 'UNODC-CHILDREN', 'UNODC-BEGGING', 'UNODC-CRIME'])),
    htcds: z.array(z.enum(HTCDS_METHODS_OF_CONTROL)),
  }),
  question: Translated,
  explanation: Translated,
  /**
   * How the strength compares with the ILO/EU operational indicators (2009). From catalogue 2026.2 on
   * every indicator carries it; older catalogues may leave it out.
   */
  reference: IndicatorReferenceSchema.optional(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const ScreeningGuideSchema = z.object({
  context: z.enum(SCREENING_CONTEXTS),
  title: Translated,
  intro: Translated,
  indicatorIds: z.array(z.string()).min(1),
});
export type ScreeningGuide = z.infer<typeof ScreeningGuideSchema>;

/** A versioned indicator catalogue with its guides and cut-offs (content as data). */
export const IndicatorCatalogueSchema = z.object({
  version: z.string().regex(/^\d{4}\.\d+$/),
  publishedOn: z.iso.date(),
  sources: z.array(ContentSourceSchema).min(1),
  /** How this catalogue version was made and checked (free text, optional). */
  method: z.string().optional(),
  scoring: z.object({
    /** A form's profile is "strong indicators" at this many strong, or this many medium, indicators answered yes. */
    strongLevel: z.object({ minStrong: z.number().int().min(1), minMedium: z.number().int().min(1) }),
    /**
     * How general indicators (those that apply to every form) are counted.
     * `every_form` (catalogue 2026.1): they counted in every form's profile, so general answers alone showed all six forms.
     * `general_level` (from 2026.2): they give a separate general level; a form counts them only once it has an indicator of its own.
     */
    generalIndicators: z.enum(GENERAL_INDICATOR_RULES).default('every_form'),
  }),
  indicators: z.array(IndicatorSchema).min(1),
  guides: z.array(ScreeningGuideSchema),
});
export type IndicatorCatalogue = z.infer<typeof IndicatorCatalogueSchema>;

/** The coded facts of a screening: coarse on purpose, never names. */
export const ScreeningFactsSchema = z.object({
  ageBand: z.enum(AGE_BANDS).describe('Age band of the person'),
  possibleMinor: z.boolean().describe('The person may be under 18 (set automatically for under-18 age bands)'),
  gender: z.enum(GENDERS).describe('Gender as observed or told'),
  nationality: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Use a two-letter country code')
    .nullable()
    .default(null)
    .describe('ISO 3166-1 alpha-2 nationality, optional'),
  sector: z.enum(SECTORS).describe('Sector the person works in, if any'),
  placeKind: z.enum(PLACE_KINDS).describe('Kind of place where the person was met'),
  immediateDanger: z.boolean().describe('The person is in danger now'),
  wantsHelp: z.enum(WANTS_HELP).describe('Whether the person (if adult) wants help'),
});
export type ScreeningFacts = z.infer<typeof ScreeningFactsSchema>;

export const ScreeningAnswerSchema = z.object({
  indicatorId: z.string().trim().min(1).max(60).describe('Indicator id from the catalogue'),
  answer: z.enum(ANSWERS).describe('yes / no / unknown ("don\'t know")'),
});

export const ScreeningBodySchema = z.object({
  catalogueVersion: z.string().trim().min(1).max(20).describe('The catalogue version the answers were given against; must be the current one'),
  context: z.enum(SCREENING_CONTEXTS).describe('The service context (selects the guide)'),
  suspectedForms: z.array(z.enum(EXPLOITATION_FORMS)).max(EXPLOITATION_FORMS.length).default([]).describe('Forms of exploitation suspected, optional'),
  facts: ScreeningFactsSchema,
  answers: z.array(ScreeningAnswerSchema).max(200).describe('The answers; indicators not answered count as not asked'),
});
export type ScreeningBody = z.infer<typeof ScreeningBodySchema>;

export const SIGNAL_LEVELS = ['none', 'some_indicators', 'strong_indicators'] as const;
export type SignalLevel = (typeof SIGNAL_LEVELS)[number];

/** The general indicators answered yes: signs of control that belong to no single form. */
export const GeneralProfileSchema = z.object({
  strong: z.number().int(),
  medium: z.number().int(),
  weak: z.number().int(),
  indicatorIds: z.array(z.string()).describe('General indicators answered yes'),
  level: z.enum(SIGNAL_LEVELS).describe('The general level of concern, never a verdict'),
});
export type GeneralProfile = z.infer<typeof GeneralProfileSchema>;

export const FormProfileSchema = z.object({
  form: z.enum(EXPLOITATION_FORMS),
  strong: z.number().int(),
  medium: z.number().int(),
  weak: z.number().int(),
  indicatorIds: z.array(z.string()).describe('Indicators answered yes that count for this form'),
  ownIndicatorIds: z
    .array(z.string())
    .optional()
    .describe("The form's own indicators among them (from catalogue 2026.2; a form without any is not listed)"),
  level: z.enum(SIGNAL_LEVELS).describe('An indicator profile, never a verdict'),
});
export type FormProfile = z.infer<typeof FormProfileSchema>;

export const ScreeningProfileSchema = z.object({
  catalogueVersion: z.string(),
  possibleMinor: z.boolean(),
  answered: z.number().int().describe('Indicators answered yes or no'),
  yes: z.number().int(),
  unknown: z.number().int(),
  level: z.enum(SIGNAL_LEVELS).describe('The highest level over the general level and all forms'),
  general: GeneralProfileSchema.nullable()
    .default(null)
    .describe('The general level of concern; null on profiles saved before catalogue 2026.2, where general indicators counted in every form'),
  forms: z.array(FormProfileSchema),
});
export type ScreeningProfile = z.infer<typeof ScreeningProfileSchema>;

export const ScreeningSchema = z.object({
  id: z.uuid(),
  catalogueVersion: z.string(),
  context: z.enum(SCREENING_CONTEXTS),
  suspectedForms: z.array(z.enum(EXPLOITATION_FORMS)),
  facts: ScreeningFactsSchema,
  answers: z.array(ScreeningAnswerSchema),
  profile: ScreeningProfileSchema,
  nextStepRuleIds: z.array(z.string()).describe('Pathway rules that matched when it was saved'),
  createdAt: z.iso.datetime(),
  mine: z.boolean().describe('Made by the signed-in user'),
});
export type Screening = z.infer<typeof ScreeningSchema>;

/** The columns the screening list sorts by. */
export const SCREENING_SORT_KEYS = ['createdAt', 'context', 'level'] as const;

export const ScreeningListQuerySchema = KeysetQuerySchema.extend({
  context: z.enum(SCREENING_CONTEXTS).optional().describe('Only screenings from this service'),
  level: z.enum(SIGNAL_LEVELS).optional().describe('Only screenings with this result band'),
  minor: z.enum(['true', 'false']).optional().describe('Only screenings about a possible minor (true) or not (false)'),
  mine: z.enum(['true']).optional().describe('Only the signed-in user’s own (the coordinator sees all otherwise; others always see only their own)'),
  from: z.iso.date().optional().describe('Saved on or after this day (Norwegian local day, Europe/Oslo)'),
  to: z.iso.date().optional().describe('Saved on or before this day (Norwegian local day, Europe/Oslo)'),
  sort: z.enum(sortValues(SCREENING_SORT_KEYS)).default('-createdAt').describe('Sort column; a leading "-" sorts descending'),
});
export type ScreeningListQuery = z.infer<typeof ScreeningListQuerySchema>;
export const ScreeningSummarySchema = ScreeningSchema.pick({ id: true, context: true, catalogueVersion: true, createdAt: true, mine: true }).extend({
  level: z.enum(SIGNAL_LEVELS),
  possibleMinor: z.boolean(),
});
export type ScreeningSummary = z.infer<typeof ScreeningSummarySchema>;
export const ScreeningListSchema = keysetPageSchema(ScreeningSummarySchema);
export type ScreeningList = z.infer<typeof ScreeningListSchema>;

