import { z } from 'zod';
import {
  CASE_AGE_BANDS,
  CASE_EXPLOITATION_FORMS,
  CASE_GENDERS,
  CASE_OUTCOMES,
  CASE_SECTORS,
  CASE_STATUSES,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  EXPORT_PURPOSES,
  IDENTIFYING_SERVICES,
  LEGAL_BASES,
  NEED_KINDS,
  NEED_STATUSES,
  REFERRAL_STATUSES,
  RESIDENCE_STATUSES,
} from '@lykt/shared';
import textsV1 from '../cases/export-texts.v1.json';

const text = z.string().trim().min(1).max(300);
const keyed = <K extends string>(keys: readonly K[]) => z.strictObject(Object.fromEntries(keys.map((key) => [key, text])) as Record<K, typeof text>);

/** The texts of a case export (PDF) in one language: labels, headings and a label for every coded value. */
export const CaseExportTextsSchema = z.strictObject({
  document: z.strictObject({
    title: text.regex(/\{number\}/, 'The title names the case number as {number}'),
    subtitle: keyed(EXPORT_PURPOSES),
    footer: text,
    generated: text,
    caseNumber: text,
    status: text,
    opened: text,
    none: text,
    unknown: text,
    yes: text,
    no: text,
    erased: text,
    withInterpreter: text,
    consentBasis: text,
  }),
  sections: keyed(['facts', 'person', 'needs', 'safetyPlan', 'tasks', 'journal', 'consents', 'referrals'] as const),
  facts: keyed(['gender', 'ageBand', 'isMinor', 'nationality', 'exploitationForms', 'sectors', 'identifyingService', 'residenceStatus', 'reflectionPeriod', 'policeReportMade', 'assistedReturn', 'childWelfareMeasure', 'outcome'] as const),
  person: keyed(['name', 'aliases', 'dateOfBirth', 'phone', 'email', 'address', 'languages', 'interpreterNeeded', 'notes'] as const),
  columns: keyed(['need', 'needStatus', 'note', 'task', 'owner', 'due', 'done', 'purpose', 'recipient', 'given', 'method', 'withdrawn', 'sent', 'basis'] as const),
  values: z.strictObject({
    statuses: keyed(CASE_STATUSES),
    genders: keyed(CASE_GENDERS),
    ageBands: keyed(CASE_AGE_BANDS),
    exploitationForms: keyed(CASE_EXPLOITATION_FORMS),
    sectors: keyed(CASE_SECTORS),
    identifyingServices: keyed(IDENTIFYING_SERVICES),
    residenceStatuses: keyed(RESIDENCE_STATUSES),
    outcomes: keyed(CASE_OUTCOMES),
    needKinds: keyed(NEED_KINDS),
    needStatuses: keyed(NEED_STATUSES),
    consentPurposes: keyed(CONSENT_PURPOSES),
    consentMethods: keyed(CONSENT_METHODS),
    referralStatuses: keyed(REFERRAL_STATUSES),
    legalBases: keyed(LEGAL_BASES),
  }),
});
export type CaseExportTexts = z.infer<typeof CaseExportTextsSchema>;

export const CASE_EXPORT_LANGUAGES = ['nb', 'en'] as const;
export type CaseExportLanguage = (typeof CASE_EXPORT_LANGUAGES)[number];

export const CaseExportTextFileSchema = z.strictObject({
  version: z.number().int().positive(),
  texts: z.strictObject({ nb: CaseExportTextsSchema, en: CaseExportTextsSchema }),
});

let parsed: z.infer<typeof CaseExportTextFileSchema> | null = null;

/** The case export texts in a language (validated once). */
export function caseExportTexts(language: CaseExportLanguage): CaseExportTexts {
  parsed ??= CaseExportTextFileSchema.parse(textsV1);
  return parsed.texts[language];
}
