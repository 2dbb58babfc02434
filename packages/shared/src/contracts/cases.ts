import { z } from 'zod';
import { KeysetQuerySchema, keysetPageSchema, listSearchText, phoneSchema, emailSchema, sortValues } from './common';
import type { OrganisationKind } from './organisations';
import { AGE_BANDS, EXPLOITATION_FORMS, GENDERS, SECTORS } from './screening';

// ---------------------------------------------------------------------------------------------
// Value lists. Coded facts are stored in plain columns with these values; statistics (#7) import
// them from here. KOM's yearly categories and HTCDS v2.0 values (domain.md §3, §5).
// ---------------------------------------------------------------------------------------------

/** Case status, as HTCDS names it (Active, FollowUp, Closed, ClosedReferred). */
export const CASE_STATUSES = ['open', 'follow_up', 'closed', 'closed_referred'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CLOSED_CASE_STATUSES: readonly CaseStatus[] = ['closed', 'closed_referred'];
/** How each case status maps to HTCDS v2.0 Case.status. */
export const CASE_STATUS_HTCDS: Record<CaseStatus, string> = { open: 'Active', follow_up: 'FollowUp', closed: 'Closed', closed_referred: 'ClosedReferred' };

export const CASE_SOURCE_KINDS = ['concern', 'tip', 'direct'] as const;
export type CaseSourceKind = (typeof CASE_SOURCE_KINDS)[number];

/** Exploitation forms for a case: the screened forms plus war service (KOM codes it). */
export const CASE_EXPLOITATION_FORMS = [...EXPLOITATION_FORMS, 'war_service'] as const;
export type CaseExploitationForm = (typeof CASE_EXPLOITATION_FORMS)[number];
export const CASE_GENDERS = GENDERS;
export const CASE_AGE_BANDS = AGE_BANDS;
export const CASE_SECTORS = SECTORS;

/** Which service identified the person (KOM). */
export const IDENTIFYING_SERVICES = [
  'police',
  'child_welfare',
  'health',
  'social_services',
  'school',
  'immigrant_service',
  'labour_inspection',
  'tax',
  'shelter',
  'ngo',
  'municipal_service',
  'self_referral',
  'other',
  'unknown',
] as const;
export type IdentifyingService = (typeof IDENTIFYING_SERVICES)[number];

/** Residence status (KOM: reflection period, limited permit, asylum, EEA citizen). */
export const RESIDENCE_STATUSES = ['reflection_period', 'limited_permit', 'asylum_seeker', 'eea_citizen', 'norwegian_citizen', 'other_permit', 'no_permit', 'unknown'] as const;
export type ResidenceStatus = (typeof RESIDENCE_STATUSES)[number];

/** Outcome of a case (KOM). */
export const CASE_OUTCOMES = ['ongoing_assistance', 'residence_permit', 'assisted_return', 'referred_elsewhere', 'police_investigation', 'declined_assistance', 'lost_contact', 'other'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** Needs assessed in every case; child welfare applies to a minor. */
export const NEED_KINDS = ['housing', 'health', 'income', 'interpreter', 'legal_aid', 'safety', 'education_work', 'child_welfare'] as const;
export type NeedKind = (typeof NEED_KINDS)[number];
export const NEED_STATUSES = ['not_assessed', 'needed', 'in_progress', 'met', 'not_needed'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

export const CASE_TEAM_ROLES = ['owner', 'member'] as const;
export type CaseTeamRole = (typeof CASE_TEAM_ROLES)[number];

export const CONSENT_PURPOSES = ['case_work', 'share_with_organisation', 'statistics'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const CONSENT_METHODS = ['written', 'oral'] as const;

/** The parts of a case a referral may carry. Each must be covered by the consent it relies on. */
export const SHARE_CATEGORIES = ['first_name', 'full_name', 'date_of_birth', 'languages', 'interpreter_need', 'contact', 'age_band', 'gender', 'need'] as const;
export type ShareCategory = (typeof SHARE_CATEGORIES)[number];

/** Legal bases for sharing without consent (duty to notify child welfare, duty to avert serious crime). */
export const LEGAL_BASES = ['child_welfare_notification', 'avert_serious_crime', 'other_statutory_duty'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'completed', 'revoked'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = ['sent', 'accepted'];

/**
 * What each legal basis lets the municipality share without consent: only what the receiver needs to
 * act on the duty. The one list both a referral and an export to a recipient are checked against.
 * avert_serious_crime (straffeloven § 196): who the person is, how to reach them and talk with them;
 * not their needs. child_welfare_notification (barnevernsloven § 13-2): also the child's needs.
 * other_statutory_duty: identity only; the written reason names the statute.
 */
export const LEGAL_BASIS_CATEGORIES: Record<LegalBasis, readonly ShareCategory[]> = {
  avert_serious_crime: ['first_name', 'full_name', 'date_of_birth', 'languages', 'interpreter_need', 'contact', 'age_band', 'gender'],
  child_welfare_notification: SHARE_CATEGORIES,
  other_statutory_duty: ['first_name', 'full_name', 'date_of_birth', 'age_band', 'gender'],
};

/**
 * Whom each legal basis lets the municipality share with, by the recipient's organisation kind (null:
 * the written reason names the statute and the recipient). The duty to notify child welfare is a duty
 * towards child welfare services; the duty to avert is met by telling the police. Sharing anything with
 * anyone else without consent is refused.
 */
export const LEGAL_BASIS_RECIPIENT_KINDS: Record<LegalBasis, readonly OrganisationKind[] | null> = {
  avert_serious_crime: ['police'],
  child_welfare_notification: ['child_welfare'],
  other_statutory_duty: null,
};

/** The legal bases that can apply to a recipient of this kind (the forms offer only these). */
export function legalBasesFor(recipientKind: string | undefined): LegalBasis[] {
  return LEGAL_BASES.filter((basis) => {
    const kinds: readonly string[] | null = LEGAL_BASIS_RECIPIENT_KINDS[basis];
    return kinds === null || (recipientKind !== undefined && kinds.includes(recipientKind));
  });
}

/** The parts of a case no consent category or legal basis covers: never in an export to a recipient. */
export const UNSHARED_CASE_PARTS = ['coded_facts', 'safety_plan', 'tasks', 'journal', 'consents', 'referrals'] as const;
export type UnsharedCasePart = (typeof UNSHARED_CASE_PARTS)[number];

/** Who an export is for: the person themselves (access request) or a named organisation. */
export const EXPORT_PURPOSES = ['data_subject', 'recipient'] as const;

/** Days a partner has to answer a referral before it shows as overdue. */
export const REFERRAL_ANSWER_DAYS = 7;
/** How long a break-glass access lasts. */
export const BREAK_GLASS_HOURS = 4;
export const DEFAULT_RETENTION_MONTHS = 24;
/** The keyed-hash purpose of the duplicate-detection hash (the same for the API and the demo seed). */
export const CASE_PERSON_HASH_PURPOSE = 'case_file.person';
/** The coordinator is warned this many days before personal data is erased. */
export const RETENTION_WARNING_DAYS = 30;

/**
 * A person's name normalised for matching: case, accents (ø → o, æ → ae), punctuation, spacing
 * and word order do not count. Used by the case duplicate check and by prevalence list linkage,
 * so a keyed hash over it matches the same spellings in both.
 */
export function normalisePersonName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((token) => token.length > 0)
    .sort()
    .join(' ');
}

/**
 * Normalisation for duplicate detection: the keyed hash is taken over this string, so two
 * spellings of the same name that differ only in case, accents, spacing or word order match.
 * Returns null unless both a name and a date of birth are known (a name alone is too weak).
 */
export function duplicateKey(name: string | null, dateOfBirth: string | null): string | null {
  if (!name || !dateOfBirth) return null;
  const normalised = normalisePersonName(name);
  if (normalised.length === 0) return null;
  return `${normalised}|${dateOfBirth}`;
}

// ---------------------------------------------------------------------------------------------
// Shapes.
// ---------------------------------------------------------------------------------------------

const longText = (max: number) => z.string().trim().min(1).max(max);
const nullableText = (max: number) => z.string().trim().max(max).nullable().default(null);

/** Coded facts: no personal data, used for statistics. */
export const CaseFactsSchema = z
  .object({
    gender: z.enum(CASE_GENDERS).describe('Gender (KOM)'),
    ageBand: z.enum(CASE_AGE_BANDS).describe('Age band'),
    isMinor: z.boolean().describe('Under 18: child-welfare track and the means used do not matter'),
    nationality: z
      .string()
      .regex(/^[A-Z]{2}$/, 'Use an ISO 3166-1 alpha-2 code, e.g. NO')
      .nullable()
      .describe('Nationality (ISO 3166-1 alpha-2), null when unknown'),
    exploitationForms: z.array(z.enum(CASE_EXPLOITATION_FORMS)).max(CASE_EXPLOITATION_FORMS.length).describe('Exploitation forms (several may apply)'),
    sectors: z.array(z.enum(CASE_SECTORS)).max(CASE_SECTORS.length).describe('Sectors of exploitation (mapped to ISIC by statistics)'),
    identifyingService: z.enum(IDENTIFYING_SERVICES).describe('Which service identified the person'),
    residenceStatus: z.enum(RESIDENCE_STATUSES).describe('Residence status'),
    reflectionPeriodStart: z.iso.date().nullable().describe('Start of the reflection period'),
    reflectionPeriodEnd: z.iso.date().nullable().describe('End of the reflection period'),
    policeReportMade: z.boolean().nullable().describe('Whether a police report was made (null: unknown)'),
    assistedReturn: z.boolean().nullable().describe('Assisted return (null: unknown)'),
    childWelfareMeasure: z.boolean().nullable().describe('A child-welfare measure was taken (null: unknown or adult)'),
    outcome: z.enum(CASE_OUTCOMES).nullable().describe('Outcome, when known'),
  })
  .strict();
export type CaseFacts = z.infer<typeof CaseFactsSchema>;

/** The person's personal data: encrypted at rest, seen only by the case team. */
export const CasePersonSchema = z
  .object({
    name: nullableText(200).describe('Full name, if known'),
    aliases: z.array(z.string().trim().min(1).max(200)).max(10).default([]).describe('Other names used'),
    dateOfBirth: z.iso.date().nullable().default(null).describe('Date of birth, if known'),
    phone: phoneSchema.nullable().default(null).describe('Phone number'),
    email: emailSchema.nullable().default(null).describe('E-mail address'),
    address: nullableText(300).describe('Where the person lives or can be reached'),
    languages: z.array(z.string().trim().min(2).max(60)).max(10).default([]).describe('Languages the person speaks'),
    interpreterNeeded: z.boolean().default(false).describe('Whether an interpreter is needed'),
    notes: nullableText(4000).describe('Other notes about the person'),
  })
  .strict();
export type CasePerson = z.infer<typeof CasePersonSchema>;

export const CaseSourceSchema = z
  .object({
    kind: z.enum(CASE_SOURCE_KINDS).describe('Where the case comes from'),
    id: z.uuid().nullable().default(null).describe('The concern or tip id; null when opened directly'),
  })
  .strict();

export const CaseCreateBodySchema = z
  .object({
    source: CaseSourceSchema,
    facts: CaseFactsSchema.partial().default({}).describe('Coded facts known so far; from a concern they are prefilled'),
    person: CasePersonSchema.nullable().default(null).describe('Personal data, if known (encrypted)'),
  })
  .strict();
export type CaseCreateBody = z.infer<typeof CaseCreateBodySchema>;

export const CaseFactsBodySchema = CaseFactsSchema.partial().strict();
export type CaseFactsBody = z.infer<typeof CaseFactsBodySchema>;

/** The columns the case list sorts by. */
export const CASE_SORT_KEYS = ['updatedAt', 'createdAt', 'caseNumber'] as const;
/** Days ahead in which a reflection period's end or a child-welfare review counts as "soon" (the home page's reminders use the same). */
export const CASE_DEADLINE_SOON_DAYS = 14;
/** A task not done and due within this many days (or overdue) is due (home page count, tasks=due). */
export const CASE_TASK_DUE_DAYS = 3;

export const CaseListQuerySchema = KeysetQuerySchema.extend({
  status: z.enum(CASE_STATUSES).optional().describe('Only this status'),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true')
    .describe('Only cases whose team the signed-in user is on'),
  q: listSearchText.describe('Case number, or part of it (personal data is never searched)'),
  deadline: z.enum(['soon']).optional().describe(`Only open cases whose reflection period ends or child-welfare review is due within ${CASE_DEADLINE_SOON_DAYS} days (or is overdue)`),
  minor: z.enum(['true', 'false']).optional().describe('Only cases of minors (true) or of adults (false)'),
  tasks: z.enum(['due']).optional().describe(`Only cases with a task of the signed-in user, not done, due within ${CASE_TASK_DUE_DAYS} days or overdue`),
  form: z.enum(CASE_EXPLOITATION_FORMS).optional().describe('Only cases with this form of exploitation'),
  sort: z.enum(sortValues(CASE_SORT_KEYS)).default('-updatedAt').describe('Sort column; a leading "-" sorts descending'),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

const PersonRef = z.object({ id: z.uuid(), name: z.string() });

export const CaseSummarySchema = z.object({
  id: z.uuid(),
  caseNumber: z.string().describe('Case number (not derived from the person)'),
  status: z.enum(CASE_STATUSES),
  sourceKind: z.enum(CASE_SOURCE_KINDS),
  owner: PersonRef.nullable(),
  isMinor: z.boolean(),
  ageBand: z.enum(CASE_AGE_BANDS),
  exploitationForms: z.array(z.enum(CASE_EXPLOITATION_FORMS)),
  isMember: z.boolean().describe('The signed-in user is on the case team'),
  openReferrals: z.number().int(),
  dueTasks: z.number().int().optional().describe('Only with tasks=due: how many of the signed-in user’s own tasks on this case are due (not done, due within CASE_TASK_DUE_DAYS or overdue)'),
  personalDataErased: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;
export const CaseListSchema = keysetPageSchema(CaseSummarySchema);
export type CaseList = z.infer<typeof CaseListSchema>;

export const CaseMemberSchema = z.object({ userId: z.uuid(), name: z.string(), role: z.string().describe('The user’s role in Lykt'), teamRole: z.enum(CASE_TEAM_ROLES), addedAt: z.iso.datetime() });
export const CaseNeedSchema = z.object({ kind: z.enum(NEED_KINDS), status: z.enum(NEED_STATUSES), note: z.string().nullable(), updatedAt: z.iso.datetime().nullable() });
export const CaseTaskSchema = z.object({ id: z.uuid(), title: z.string(), owner: PersonRef.nullable(), dueOn: z.iso.date(), doneAt: z.iso.datetime().nullable(), overdue: z.boolean() });
export const CaseJournalEntrySchema = z.object({ id: z.uuid(), entryDate: z.iso.date(), text: z.string(), author: PersonRef.nullable(), createdAt: z.iso.datetime() });

export const ConsentSchema = z.object({
  id: z.uuid(),
  purpose: z.enum(CONSENT_PURPOSES),
  recipient: PersonRef.nullable().describe('The organisation data may be shared with (purpose share_with_organisation)'),
  dataCategories: z.array(z.enum(SHARE_CATEGORIES)),
  method: z.enum(CONSENT_METHODS),
  withInterpreter: z.boolean(),
  givenOn: z.iso.date(),
  recordedBy: PersonRef.nullable(),
  withdrawnAt: z.iso.datetime().nullable(),
  isActive: z.boolean(),
});
export type Consent = z.infer<typeof ConsentSchema>;

export const ReferralSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  organisation: PersonRef,
  needKind: z.enum(NEED_KINDS),
  dataCategories: z.array(z.enum(SHARE_CATEGORIES)),
  consentId: z.uuid().nullable(),
  legalBasis: z.enum(LEGAL_BASES).nullable().describe('Set when shared without consent: flagged'),
  legalBasisReason: z.string().nullable(),
  withoutConsent: z.boolean(),
  status: z.enum(REFERRAL_STATUSES),
  partnerNote: z.string().nullable().describe('The partner’s decline reason or latest update'),
  sharedDataHidden: z.boolean().describe('The shared fields are no longer visible to the recipient'),
  answerDueAt: z.iso.datetime(),
  overdue: z.boolean(),
  sentAt: z.iso.datetime(),
  respondedAt: z.iso.datetime().nullable(),
  completedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  revokeReason: z.string().nullable().describe('Why the sender revoked the referral (case team and coordinator; null once erased)'),
});
export type Referral = z.infer<typeof ReferralSchema>;

/** A break-glass grant on the case: who read it outside the team, until when, and why. */
export const CaseAccessGrantSchema = z.object({
  id: z.uuid(),
  user: PersonRef.nullable().describe('The coordinator who broke the glass'),
  grantedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  reason: z.string().describe('The written reason (stored encrypted)'),
});
export type CaseAccessGrant = z.infer<typeof CaseAccessGrantSchema>;

/** What the actor may do with the case (the UI hides the rest; the server enforces it). */
export const CaseAbilitiesSchema = z.object({
  readPersonalData: z.boolean(),
  edit: z.boolean(),
  manageTeam: z.boolean(),
  close: z.boolean(),
  reopen: z.boolean(),
  breakGlass: z.boolean(),
  viewReadLog: z.boolean(),
  viewDuplicates: z.boolean(),
  erase: z.boolean(),
  export: z.boolean(),
});
export type CaseAbilities = z.infer<typeof CaseAbilitiesSchema>;

export const CaseSchema = CaseSummarySchema.extend({
  sourceId: z.uuid().nullable(),
  facts: CaseFactsSchema,
  childWelfareReviewDueAt: z.iso.datetime().nullable(),
  team: z.array(CaseMemberSchema),
  needs: z.array(CaseNeedSchema),
  tasks: z.array(CaseTaskSchema),
  consents: z.array(ConsentSchema),
  referrals: z.array(ReferralSchema),
  /** Personal data: null unless the actor may read it (team or break-glass) or once erased. */
  person: CasePersonSchema.extend({ email: z.string().nullable() }).nullable(),
  safetyPlan: z.string().nullable(),
  journal: z.array(CaseJournalEntrySchema),
  closeReason: z.string().nullable(),
  reopenReason: z.string().nullable().describe('Why the case was last reopened (team only)'),
  erasureReason: z.string().nullable().describe('Why the personal data was erased on request (coordinator only)'),
  personalDataErasedAt: z.iso.datetime().nullable(),
  breakGlassUntil: z.iso.datetime().nullable().describe('The actor reads this case under break-glass until then'),
  accessGrants: z.array(CaseAccessGrantSchema).describe('Break-glass grants on the case, newest first, with their reasons (case team and coordinator; otherwise empty)'),
  abilities: CaseAbilitiesSchema,
});
export type Case = z.infer<typeof CaseSchema>;

export const CasePersonBodySchema = CasePersonSchema;
export const SafetyPlanBodySchema = z.object({ text: z.string().trim().max(8000).describe('The safety plan (encrypted)') }).strict();
export const CaseMemberBodySchema = z.object({ userId: z.uuid().describe('A caseworker or coordinator of the municipality') }).strict();
export const CaseMemberParamsSchema = z.object({ id: z.uuid(), userId: z.uuid() });
export const NeedParamsSchema = z.object({ id: z.uuid(), kind: z.enum(NEED_KINDS) });
export const NeedBodySchema = z.object({ status: z.enum(NEED_STATUSES), note: nullableText(2000).describe('Note (encrypted)') }).strict();
export const TaskBodySchema = z
  .object({ title: longText(300).describe('What must be done (encrypted)'), ownerUserId: z.uuid().describe('A member of the case team'), dueOn: z.iso.date().describe('Due date') })
  .strict();
export const SubIdParamsSchema = z.object({ id: z.uuid(), subId: z.uuid() });
export const TaskUpdateBodySchema = z.object({ done: z.boolean().describe('Mark the task done or not done') }).strict();
export const JournalBodySchema = z.object({ entryDate: z.iso.date().describe('The day the entry is about'), text: longText(8000).describe('The entry (encrypted)') }).strict();
export const CaseCloseBodySchema = z
  .object({ status: z.enum(['closed', 'closed_referred']).describe('Closed, or closed because referred elsewhere'), reason: longText(2000).describe('Why the case is closed (required)'), outcome: z.enum(CASE_OUTCOMES).nullable().default(null) })
  .strict();
export const ReasonBodySchema = z.object({ reason: longText(2000).describe('The reason (required, kept encrypted)') }).strict();
export const CaseStatusBodySchema = z.object({ status: z.enum(['open', 'follow_up']).describe('Active or follow-up') }).strict();

export const ConsentBodySchema = z
  .object({
    purpose: z.enum(CONSENT_PURPOSES),
    recipientOrganisationId: z.uuid().nullable().default(null).describe('Required for share_with_organisation'),
    dataCategories: z.array(z.enum(SHARE_CATEGORIES)).max(SHARE_CATEGORIES.length).default([]).describe('What may be shared (share_with_organisation)'),
    method: z.enum(CONSENT_METHODS).describe('Written or oral'),
    withInterpreter: z.boolean().default(false).describe('Given with an interpreter'),
    givenOn: z.iso.date().describe('The day consent was given'),
  })
  .strict();
export type ConsentBody = z.infer<typeof ConsentBodySchema>;

export const ReferralBodySchema = z
  .object({
    organisationId: z.uuid().describe('The receiving partner organisation'),
    needKind: z.enum(NEED_KINDS).describe('What the referral is for'),
    dataCategories: z.array(z.enum(SHARE_CATEGORIES)).min(1).max(SHARE_CATEGORIES.length).describe('What is shared; must be covered by the consent'),
    consentId: z.uuid().nullable().default(null).describe('The consent the sharing relies on'),
    legalBasis: z.enum(LEGAL_BASES).nullable().default(null).describe('Without consent: the legal basis (flagged)'),
    legalBasisReason: nullableText(2000).describe('Without consent: why (required then; encrypted)'),
  })
  .strict();
export type ReferralBody = z.infer<typeof ReferralBodySchema>;

export const ReferralResponseBodySchema = z
  .object({ decision: z.enum(['accept', 'decline']), reason: nullableText(2000).describe('Required when declining') })
  .strict();
export const ReferralUpdateBodySchema = z.object({ text: longText(2000).describe('An update for the case team'), completed: z.boolean().default(false).describe('The referral is completed') }).strict();

/** What a partner sees: only the shared fields of referrals to its organisation. */
export const SharedFieldsSchema = z.object({
  firstName: z.string().nullable().optional(),
  fullName: z.string().nullable().optional(),
  dateOfBirth: z.string().nullable().optional(),
  languages: z.array(z.string()).optional(),
  interpreterNeeded: z.boolean().optional(),
  contact: z.object({ phone: z.string().nullable(), email: z.string().nullable(), address: z.string().nullable() }).optional(),
  ageBand: z.enum(CASE_AGE_BANDS).optional(),
  gender: z.enum(CASE_GENDERS).optional(),
  need: z.object({ kind: z.enum(NEED_KINDS), note: z.string().nullable() }).optional(),
});
export type SharedFields = z.infer<typeof SharedFieldsSchema>;

export const PartnerReferralSchema = z.object({
  id: z.uuid(),
  caseNumber: z.string(),
  needKind: z.enum(NEED_KINDS),
  status: z.enum(REFERRAL_STATUSES),
  shared: SharedFieldsSchema,
  partnerNote: z.string().nullable(),
  withoutConsent: z.boolean(),
  answerDueAt: z.iso.datetime(),
  sentAt: z.iso.datetime(),
  respondedAt: z.iso.datetime().nullable(),
  completedAt: z.iso.datetime().nullable(),
});
export type PartnerReferral = z.infer<typeof PartnerReferralSchema>;
/** The columns the partner's referral list sorts by. */
export const PARTNER_REFERRAL_SORT_KEYS = ['sentAt', 'answerDueAt', 'status'] as const;
export const PartnerReferralListQuerySchema = KeysetQuerySchema.extend({
  q: listSearchText.describe('A case number (or part of one) or a coded need kind; the shared personal fields are encrypted and never searched'),
  state: z.enum(['awaiting', 'overdue']).optional().describe('Only referrals waiting for our answer (awaiting), or waiting past the answer date (overdue)'),
  status: z.enum(REFERRAL_STATUSES).exclude(['revoked']).optional().describe('Only referrals with this status'),
  needKind: z.enum(NEED_KINDS).optional().describe('Only referrals for this need'),
  sort: z.enum(sortValues(PARTNER_REFERRAL_SORT_KEYS)).default('-sentAt').describe('Sort column; a leading "-" sorts descending'),
});
export type PartnerReferralListQuery = z.infer<typeof PartnerReferralListQuerySchema>;
export const PartnerReferralListSchema = keysetPageSchema(PartnerReferralSchema.omit({ shared: true }));

export const CaseReadSchema = z.object({ at: z.iso.datetime(), user: PersonRef.nullable(), action: z.string(), breakGlass: z.boolean() });
export const CaseReadLogSchema = z.object({ items: z.array(CaseReadSchema) });
export const DuplicateListSchema = z.object({ items: z.array(z.object({ id: z.uuid(), caseNumber: z.string(), status: z.enum(CASE_STATUSES) })) });
export const CandidateListSchema = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.string() })) });
export const OrganisationOptionListSchema = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() })) });

export const CASE_REMINDER_KINDS = ['reflection_period_ending', 'child_welfare_review', 'referral_overdue', 'task_due', 'retention_erasure', 'break_glass'] as const;
export type CaseReminderKind = (typeof CASE_REMINDER_KINDS)[number];
export const CaseReminderSchema = z.object({ kind: z.enum(CASE_REMINDER_KINDS), caseId: z.uuid(), caseNumber: z.string(), dueAt: z.iso.datetime(), overdue: z.boolean() });
export const CaseReminderListSchema = z.object({ items: z.array(CaseReminderSchema) });
export type CaseReminder = z.infer<typeof CaseReminderSchema>;

/** The languages a case export is offered in. */
export const CASE_EXPORT_LANGUAGES = ['nb', 'en'] as const;
export type CaseExportLanguage = (typeof CASE_EXPORT_LANGUAGES)[number];

export const CaseExportQuerySchema = z.object({
  purpose: z.literal('data_subject').default('data_subject').describe('The person’s own copy (GDPR art. 15). An export to anyone else is a POST to /cases/{id}/exports'),
  lang: z.enum(CASE_EXPORT_LANGUAGES).default('nb').describe('Language of the document (bokmål by default)'),
});

/** An export to a named organisation: only what valid consent to that organisation or the stated legal basis covers. */
export const CaseRecipientExportBodySchema = z
  .object({
    recipientOrganisationId: z.uuid().describe('The organisation the export is for'),
    legalBasis: z.enum(LEGAL_BASES).nullable().default(null).describe('Without consent: the legal basis (then only what it allows)'),
    legalBasisReason: nullableText(2000).describe('Required with a legal basis: why (printed on the first page, not stored in the audit)'),
    lang: z.enum(CASE_EXPORT_LANGUAGES).default('nb'),
  })
  .strict();
export type CaseRecipientExportBody = z.infer<typeof CaseRecipientExportBodySchema>;

export const CaseSettingsSchema = z.object({ retentionMonths: z.number().int().min(1).max(240).describe('Months after closing before personal data is erased') });
export const CaseSettingsBodySchema = CaseSettingsSchema.strict();
