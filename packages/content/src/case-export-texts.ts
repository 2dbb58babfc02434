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
  IDENTIFYING_SERVICES,
  LEGAL_BASES,
  NEED_KINDS,
  NEED_STATUSES,
  REFERRAL_STATUSES,
  RESIDENCE_STATUSES,
  SHARE_CATEGORIES,
  UNSHARED_CASE_PARTS,
} from '@lykt/shared';
import textsV1 from '../cases/export-texts.v1.json';

const text = z.string().trim().min(1).max(300);
const keyed = <K extends string>(keys: readonly K[]) => z.strictObject(Object.fromEntries(keys.map((key) => [key, text])) as Record<K, typeof text>);
const longText = z.string().trim().min(1).max(1200);
const checked = z.iso.date();
/** Where a legal claim comes from: a law and section (Lovdata short name), or a public body's page. */
export const ContentSourceSchema = z.union([
  z.strictObject({ law: z.string().trim().min(3).max(120), checked }),
  z.strictObject({ title: z.string().trim().min(3).max(200), publisher: z.string().trim().min(2).max(120), url: z.url({ protocol: /^https$/ }), checked }),
]);
export type ContentSource = z.infer<typeof ContentSourceSchema>;
/** A text that states law: it carries its sources. */
const sourced = z.strictObject({ text: longText, sources: z.array(ContentSourceSchema).min(1) });
/** A text that describes rather than states law may carry no source. */
const maybeSourced = z.strictObject({ text: longText, sources: z.array(ContentSourceSchema).min(1).optional() });
export type SourcedText = z.infer<typeof maybeSourced>;

/** The texts of a case export (PDF) in one language: labels, headings and a label for every coded value. */
export const CaseExportTextsSchema = z.strictObject({
  document: z.strictObject({
    title: text.regex(/\{number\}/, 'The title names the case number as {number}'),
    subtitle: z.strictObject({ data_subject: text, recipient: text.regex(/\{recipient\}/, 'Names the recipient as {recipient}') }),
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
  categories: keyed(SHARE_CATEGORIES),
  unsharedParts: keyed(UNSHARED_CASE_PARTS),
  /** The first page of an export to a recipient: who, on what basis, what is in and what was left out. */
  recipient: z.strictObject({
    ...keyed(['heading', 'recipient', 'basis', 'reason', 'included', 'leftOut', 'part', 'why', 'notCoveredConsent', 'notCoveredBasis', 'neverShared', 'dataHeading'] as const).shape,
    basisConsent: text.regex(/\{dates\}/, 'Names the dates consent was given as {dates}'),
    basisTexts: z.strictObject({ avert_serious_crime: sourced, child_welfare_notification: sourced, other_statutory_duty: maybeSourced }),
  }),
  /** The data subject's copy: every element GDPR art. 15 asks for. */
  access: z.strictObject({
    ...keyed(['heading', 'controller', 'contact', 'noContact', 'purposesHeading', 'categoriesHeading', 'categoriesIntro', 'recipientsHeading', 'recipientsIntro', 'recipientsNone', 'retentionHeading', 'sourceHeading', 'rightsHeading', 'rightsHow', 'complaintHeading', 'sourcesLabel'] as const).shape,
    intro: sourced,
    purposes: z.array(text).min(1),
    categories: z.array(text).min(1),
    recipientKinds: keyed(['referral', 'export'] as const),
    columns: keyed(['recipient', 'kind', 'date', 'basis'] as const),
    retention: text.regex(/\{months\}/, 'Names the retention period as {months}'),
    source: sourced,
    /** Rectification (art. 16), erasure (art. 17), restriction (art. 18), objection (art. 21), in that order. */
    rights: z.tuple([sourced, sourced, sourced, sourced]),
    complaint: sourced,
  }),
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
