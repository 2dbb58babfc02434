import { z } from 'zod';
import { ISIC_SECTIONS, RISK_LEVELS } from './overview';
import { EXPLOITATION_FORMS } from './screening';

/**
 * Procurement (plan area H): the municipality's own contracts, their suppliers and subcontractors,
 * the requirements that apply, checks, findings and sanctions, and the supplier's self-declaration.
 * Workers' personal data (names on crew lists, payslips) are never stored here: a check records what
 * was seen, by whom, and the outcome. Free text is encrypted and refused when it looks like a crew list.
 */

export const CONTRACT_STATUSES = ['active', 'closed'] as const;
export const REQUIREMENT_KINDS = ['pay_conditions', 'seriousness', 'due_diligence'] as const;
export const REQUIREMENT_STATUSES = ['open', 'met', 'not_met', 'not_applicable'] as const;
export const CHECK_KINDS = ['documentation_request', 'site_visit', 'declaration_review', 'other'] as const;
/** Agencies that can take part in a check (a site visit together with the labour inspection or an A-krim centre). */
export const CHECK_AGENCIES = ['labour_inspection', 'a_krim', 'tax', 'police'] as const;
/** Kinds of documents a check can look at. Only the kind is stored, never the document or names in it. */
export const CHECK_DOCUMENTS = ['payslips', 'time_sheets', 'crew_lists', 'hms_cards', 'bank_payments', 'employment_contracts', 'subcontractor_list'] as const;
export const CHECK_OUTCOMES = ['no_findings', 'findings', 'not_carried_out'] as const;
export const FINDING_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const FINDING_CATEGORIES = ['pay', 'working_hours', 'hms', 'subcontracting', 'documentation', 'housing', 'trafficking_signs', 'other'] as const;
export const SANCTIONS = ['none', 'correction', 'action_plan', 'daily_fine', 'withholding', 'termination'] as const;
export const FINDING_STATUSES = ['open', 'closed'] as const;
export const DECLARATION_STATUSES = ['sent', 'submitted', 'revoked', 'expired'] as const;
/** Answers to the due-diligence questions. */
export const DUE_DILIGENCE_ANSWERS = ['yes', 'partly', 'no'] as const;

export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];
export type ProcurementRiskLevel = (typeof RISK_LEVELS)[number];

/** Limits shared by the API, the web forms and the supplier's page. */
export const PROCUREMENT_LIMITS = {
  note: 2000,
  observations: 4000,
  reason: 1000,
  subcontractors: 60,
  tiers: 6,
} as const;

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);
/** A Norwegian organisation number (nine digits) or empty for a foreign company. */
export const orgNumberSchema = z
  .string()
  .trim()
  .regex(/^(\d{9})?$/, 'Nine digits, or empty for a foreign company')
  .default('');

const NATIONAL_ID = /(?<!\d)\d{6}\s?\d{5}(?!\d)/;
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const PHONE = /(?<![\d-])(?:\+?\d{2}\s?)?\d{3}\s?\d{2}\s?\d{3}(?![\d-])/;
const NAME_LINE = /^\s*(?:\d+[.)]?\s*)?\p{Lu}\p{Ll}+(?:[-\s]\p{Lu}\p{Ll}+)+\s*(?:[,;\t].*)?$/u;

/** Reasons a text looks like it holds workers' personal data; empty when it does not. */
export type PersonalDataHint = 'national_id' | 'email' | 'phone' | 'name_list';

/**
 * Looks for signs of workers' personal data in free text: a national identity or D-number, an e-mail
 * address, a phone number, or a list of names (four or more lines that each look like a name, as a crew
 * list does). Procurement texts describe what was seen, never who; anything like this is refused.
 */
export function personalDataHints(value: string): PersonalDataHint[] {
  const hints: PersonalDataHint[] = [];
  if (NATIONAL_ID.test(value)) hints.push('national_id');
  if (EMAIL.test(value)) hints.push('email');
  if (PHONE.test(value)) hints.push('phone');
  const nameLines = value.split(/\r?\n/).filter((line) => NAME_LINE.test(line)).length;
  if (nameLines >= 4) hints.push('name_list');
  return hints;
}

/** A free-text field that must not hold workers' personal data (stored encrypted). */
const noPersonalData = (max: number) =>
  text(max)
    .default('')
    .superRefine((value, ctx) => {
      const hints = personalDataHints(value);
      if (hints.length > 0) ctx.addIssue({ code: 'custom', message: `Write no names or personal details of workers (${hints.join(', ')})`, params: { hints } });
    });

// ---- contracts ----

export const SupplierInputSchema = z
  .object({
    name: required(160).describe('The supplier company'),
    orgNumber: orgNumberSchema.describe('Organisation number (nine digits), empty for a foreign company'),
  })
  .strict();

export const ContractBodySchema = z
  .object({
    title: required(200).describe('What the contract is for'),
    supplier: SupplierInputSchema,
    isicSection: z.enum(ISIC_SECTIONS).describe('Sector of the work as an ISIC Rev. 4 section'),
    productCategory: z.string().trim().max(60).nullable().default(null).describe('Category id from the high-risk list (packages/content/procurement), if any'),
    valueNok: z.number().int().min(0).max(1_000_000_000_000).describe('Estimated contract value in NOK, excluding VAT'),
    startsOn: z.iso.date().describe('First day of the contract'),
    endsOn: z.iso.date().describe('Last day of the contract'),
    responsibleUnit: required(160).describe('The municipal unit that follows the contract up'),
    siteId: z.uuid().nullable().default(null).describe('The site on the situation map where the work is done, if any'),
  })
  .strict()
  .refine((body) => body.endsOn >= body.startsOn, { path: ['endsOn'], message: 'The end must be on or after the start' });
export type ContractBody = z.infer<typeof ContractBodySchema>;

export const RiskOverrideBodySchema = z
  .object({
    level: z.enum(RISK_LEVELS).nullable().describe('The level a person sets; null returns to the computed level'),
    reason: noPersonalData(PROCUREMENT_LIMITS.reason).describe('Why (required when setting a level; stored encrypted)'),
  })
  .strict()
  .refine((body) => body.level === null || body.reason.length > 0, { path: ['reason'], message: 'Say why the level differs from the computed one' });
export type RiskOverrideBody = z.infer<typeof RiskOverrideBodySchema>;

export const CloseContractBodySchema = z.object({ note: noPersonalData(PROCUREMENT_LIMITS.note).describe('Closing note (stored encrypted)') }).strict();

export const SubcontractorBodySchema = z
  .object({
    name: required(160).describe('The subcontractor company'),
    orgNumber: orgNumberSchema,
    parentId: z.uuid().nullable().default(null).describe('The subcontractor it works for; null when it works for the main supplier'),
  })
  .strict();
export type SubcontractorBody = z.infer<typeof SubcontractorBodySchema>;

export const SubcontractorSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  orgNumber: z.string(),
  parentId: z.uuid().nullable(),
  tier: z.number().int().describe('1 works for the main supplier, 2 for a tier-1 subcontractor, and so on'),
  fromDeclaration: z.boolean().describe('Listed by the supplier in a self-declaration'),
});

// ---- requirement template and checklist ----

export const TemplateItemSchema = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z0-9_]{2,40}$/, 'Lower-case letters, digits and _')
      .describe('Stable key'),
    kind: z.enum(REQUIREMENT_KINDS),
    title: required(200).describe('The requirement as the municipality words it'),
    appliesTo: z.array(z.enum(ISIC_SECTIONS)).max(ISIC_SECTIONS.length).default([]).describe('Sectors it applies to; empty means every contract'),
  })
  .strict();
export type TemplateItem = z.infer<typeof TemplateItemSchema>;

export const TemplateBodySchema = z
  .object({ items: z.array(TemplateItemSchema).min(1).max(60) })
  .strict()
  .refine((body) => new Set(body.items.map((item) => item.key)).size === body.items.length, { path: ['items'], message: 'Each key once' });
export type TemplateBody = z.infer<typeof TemplateBodySchema>;

export const TemplateSchema = z.object({
  items: z.array(TemplateItemSchema),
  isDefault: z.boolean().describe('The shipped template (the municipality has not edited it yet)'),
  updatedAt: z.iso.datetime().nullable(),
});

export const RequirementBodySchema = z.object({ status: z.enum(REQUIREMENT_STATUSES) }).strict();

export const RequirementSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  kind: z.enum(REQUIREMENT_KINDS),
  title: z.string(),
  status: z.enum(REQUIREMENT_STATUSES),
});

// ---- checks and findings ----

export const CheckBodySchema = z
  .object({
    kind: z.enum(CHECK_KINDS),
    plannedOn: z.iso.date().describe('Day the check is planned for'),
    agencies: z.array(z.enum(CHECK_AGENCIES)).max(CHECK_AGENCIES.length).default([]).describe('Agencies taking part'),
  })
  .strict();
export type CheckBody = z.infer<typeof CheckBodySchema>;

export const CheckResultBodySchema = z
  .object({
    doneOn: z.iso.date().describe('Day the check was done'),
    agencies: z.array(z.enum(CHECK_AGENCIES)).max(CHECK_AGENCIES.length).default([]),
    documentsSeen: z.array(z.enum(CHECK_DOCUMENTS)).max(CHECK_DOCUMENTS.length).default([]).describe('Kinds of documents seen (never the documents)'),
    outcome: z.enum(CHECK_OUTCOMES),
    observations: noPersonalData(PROCUREMENT_LIMITS.observations).describe('What was seen, without names (stored encrypted)'),
  })
  .strict();
export type CheckResultBody = z.infer<typeof CheckResultBodySchema>;

export const CheckSchema = z.object({
  id: z.uuid(),
  kind: z.enum(CHECK_KINDS),
  plannedOn: z.iso.date(),
  doneOn: z.iso.date().nullable(),
  agencies: z.array(z.enum(CHECK_AGENCIES)),
  documentsSeen: z.array(z.enum(CHECK_DOCUMENTS)),
  outcome: z.enum(CHECK_OUTCOMES).nullable(),
  observations: z.string(),
  doneBy: z.string().nullable().describe('Who recorded the result'),
});
export type Check = z.infer<typeof CheckSchema>;

export const FindingBodySchema = z
  .object({
    checkId: z.uuid().describe('The check that found it'),
    severity: z.enum(FINDING_SEVERITIES),
    category: z.enum(FINDING_CATEGORIES),
    description: noPersonalData(PROCUREMENT_LIMITS.note).describe('What is wrong, without names (stored encrypted)'),
    deadlineOn: z.iso.date().nullable().default(null).describe('Deadline for the supplier to put it right'),
    sanction: z.enum(SANCTIONS).default('none'),
  })
  .strict();
export type FindingBody = z.infer<typeof FindingBodySchema>;

export const FindingUpdateBodySchema = z
  .object({
    deadlineOn: z.iso.date().nullable(),
    sanction: z.enum(SANCTIONS),
    close: z.boolean().default(false).describe('Close the finding'),
    closingNote: noPersonalData(PROCUREMENT_LIMITS.note).describe('How it was put right (stored encrypted)'),
  })
  .strict();
export type FindingUpdateBody = z.infer<typeof FindingUpdateBodySchema>;

export const FindingConcernBodySchema = z
  .object({
    suspectedForms: z.array(z.enum(EXPLOITATION_FORMS)).max(EXPLOITATION_FORMS.length).default(['labour']),
    immediateDanger: z.boolean().default(false).describe('Someone is in danger now'),
    note: noPersonalData(PROCUREMENT_LIMITS.note).describe('What worries you, without names (goes to the concern, encrypted)'),
  })
  .strict();
export type FindingConcernBody = z.infer<typeof FindingConcernBodySchema>;

export const FindingSchema = z.object({
  id: z.uuid(),
  checkId: z.uuid(),
  severity: z.enum(FINDING_SEVERITIES),
  category: z.enum(FINDING_CATEGORIES),
  description: z.string(),
  deadlineOn: z.iso.date().nullable(),
  overdue: z.boolean(),
  sanction: z.enum(SANCTIONS),
  status: z.enum(FINDING_STATUSES),
  closingNote: z.string(),
  concernId: z.uuid().nullable().describe('The concern this finding started'),
  createdAt: z.iso.datetime(),
});
export type Finding = z.infer<typeof FindingSchema>;

// ---- supplier declaration ----

/** The due-diligence questions the supplier answers (texts in packages/content/procurement). */
export const DUE_DILIGENCE_QUESTIONS = ['policy', 'risk_assessment', 'subcontractor_follow_up', 'grievance', 'transparency_act'] as const;
/** The clauses the supplier confirms. */
export const DECLARATION_CLAUSES = ['pay_conditions', 'documentation', 'sanctions', 'subcontractor_tiers', 'hms_cards', 'bank_payments'] as const;

export const DeclarationSubmissionSchema = z
  .object({
    confirmedClauses: z.array(z.enum(DECLARATION_CLAUSES)).max(DECLARATION_CLAUSES.length),
    answers: z.record(z.enum(DUE_DILIGENCE_QUESTIONS), z.enum(DUE_DILIGENCE_ANSWERS)),
    subcontractors: z
      .array(z.object({ name: required(160), orgNumber: orgNumberSchema, tier: z.number().int().min(1).max(PROCUREMENT_LIMITS.tiers) }).strict())
      .max(PROCUREMENT_LIMITS.subcontractors),
    signedBy: required(120).describe('The role of who signs for the company (not a worker)'),
    comment: noPersonalData(PROCUREMENT_LIMITS.note),
  })
  .strict();
export type DeclarationSubmission = z.infer<typeof DeclarationSubmissionSchema>;

export const DeclarationBodySchema = z
  .object({
    validDays: z.number().int().min(1).max(60).default(21).describe('How many days the link works'),
    language: z.enum(['nb', 'en']).default('nb').describe('The language the link opens in'),
  })
  .strict();

export const DeclarationSchema = z.object({
  id: z.uuid(),
  status: z.enum(DECLARATION_STATUSES),
  expiresAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  submittedAt: z.iso.datetime().nullable(),
  submission: DeclarationSubmissionSchema.nullable(),
});
export type Declaration = z.infer<typeof DeclarationSchema>;

export const DeclarationLinkSchema = DeclarationSchema.extend({
  path: z.string().describe('The link to send to the supplier, shown once: only a hash of the token is stored'),
});
export type DeclarationLink = z.infer<typeof DeclarationLinkSchema>;

// ---- contract views ----

export const ContractSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  supplierName: z.string(),
  isicSection: z.enum(ISIC_SECTIONS),
  productCategory: z.string().nullable(),
  valueNok: z.number().int(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  responsibleUnit: z.string(),
  status: z.enum(CONTRACT_STATUSES),
  riskLevel: z.enum(RISK_LEVELS).describe('The level in force: the override when set, else the computed one'),
  computedRisk: z.enum(RISK_LEVELS),
  checksPlanned: z.number().int(),
  checksDone: z.number().int(),
  openFindings: z.number().int(),
});
export type ContractSummary = z.infer<typeof ContractSummarySchema>;

export const RiskReasonSchema = z.object({
  code: z.enum(['sector', 'high_risk_category', 'site_risk', 'site_inspections', 'earlier_findings', 'tiers']),
  level: z.enum(RISK_LEVELS),
});

export const ContractSchema = ContractSummarySchema.extend({
  supplier: z.object({ id: z.uuid(), name: z.string(), orgNumber: z.string() }),
  siteId: z.uuid().nullable(),
  siteName: z.string().nullable(),
  riskReasons: z.array(RiskReasonSchema).describe('What the computed level rests on'),
  riskOverride: z.object({ level: z.enum(RISK_LEVELS), reason: z.string(), by: z.string().nullable(), at: z.iso.datetime() }).nullable(),
  closingNote: z.string(),
  subcontractors: z.array(SubcontractorSchema),
  requirements: z.array(RequirementSchema),
  checks: z.array(CheckSchema),
  findings: z.array(FindingSchema),
  declarations: z.array(DeclarationSchema),
  measureIds: z.array(z.uuid()).describe('Plan measures (area H) linked to this contract'),
  canWrite: z.boolean(),
});
export type Contract = z.infer<typeof ContractSchema>;

export const ContractListSchema = z.object({ items: z.array(ContractSummarySchema), canWrite: z.boolean() });

export const MeasureLinkBodySchema = z.object({ measureId: z.uuid() }).strict();

/** A measure of the plan's procurement area (H) in an adopted plan version, with the checks of its linked contracts. */
export const ProcurementMeasureSchema = z.object({
  id: z.uuid().describe('The measure in the adopted version'),
  title: z.string(),
  planTitle: z.string(),
  progress: z.number().int().describe('Per cent, set from the checks: done against planned'),
  checksPlanned: z.number().int(),
  checksDone: z.number().int(),
  contracts: z.array(z.object({ id: z.uuid(), title: z.string() })),
});
export type ProcurementMeasure = z.infer<typeof ProcurementMeasureSchema>;
export const ProcurementMeasureListSchema = z.object({ items: z.array(ProcurementMeasureSchema) });

/** Counts for the council report and statistics (suppressed there like every other figure). */
export const ProcurementFiguresSchema = z.object({
  contracts: z.number().int(),
  highRiskContracts: z.number().int(),
  checksPlanned: z.number().int(),
  checksDone: z.number().int(),
  findings: z.number().int(),
  findingsWithSanction: z.number().int(),
  concernsStarted: z.number().int(),
});
export type ProcurementFigures = z.infer<typeof ProcurementFiguresSchema>;
