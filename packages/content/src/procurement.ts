import { z } from 'zod';
import { ContentSourceSchema, DECLARATION_CLAUSES, FINDING_CATEGORIES, FINDING_SEVERITIES, DUE_DILIGENCE_ANSWERS, DUE_DILIGENCE_QUESTIONS, ISIC_SECTIONS, REQUIREMENT_KINDS, RISK_LEVELS } from '@lykt/shared';
import legalV1 from '../procurement/legal-basis.v1.json';
import highRiskV1 from '../procurement/high-risk-list.v1.json';
import sectorRiskV1 from '../procurement/sector-risk.v1.json';
import templateV1 from '../procurement/requirement-template.v1.json';
import declarationNb from '../procurement/declaration.nb.json';
import declarationEn from '../procurement/declaration.en.json';
import textsV1 from '../procurement/texts.v1.json';
import reportV1 from '../procurement/report.json';

const localised = (max: number) => z.object({ nb: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });
const sources = z.array(ContentSourceSchema).min(1);

/** The legal grounds for the procurement module, each with its sources. */
export const ProcurementLegalBasisSchema = z.object({
  id: z.literal('procurement-legal-basis'),
  version: z.number().int().positive(),
  note: z.string(),
  sources,
  items: z.array(z.object({ key: z.string(), title: localised(120), text: localised(1200), sources })).min(1),
});

/** DFØ's high-risk list of product categories, as far as its pages could be read (see `note`). */
export const HighRiskListSchema = z.object({
  id: z.literal('procurement-high-risk-list'),
  version: z.number().int().positive(),
  note: z.string(),
  about: localised(800).extend({ sources }),
  missing: localised(400),
  categories: z.array(z.object({ id: z.string().regex(/^[a-z_]+$/), title: localised(120), summary: localised(600), sources })).min(1),
});
export type HighRiskList = z.infer<typeof HighRiskListSchema>;

/** Sectors (ISIC sections) with a known risk of labour exploitation, and why. */
export const SectorRiskSchema = z.object({
  id: z.literal('procurement-sector-risk'),
  version: z.number().int().positive(),
  note: z.string(),
  sources,
  sections: z.array(z.object({ code: z.enum(ISIC_SECTIONS), level: z.enum(RISK_LEVELS), why: localised(300) })),
});
export type SectorRisk = z.infer<typeof SectorRiskSchema>;

/** regulation: a regulation requires it where it applies; guidance: DFØ's guidance; municipal_practice: a seriousness requirement municipalities choose. */
export const REQUIREMENT_BASES = ['regulation', 'guidance', 'municipal_practice'] as const;
export type RequirementBasis = (typeof REQUIREMENT_BASES)[number];

/** The shipped requirement template, in both languages. */
export const RequirementTemplateSchema = z.object({
  id: z.literal('procurement-requirement-template'),
  version: z.number().int().positive(),
  note: z.string(),
  sources,
  items: z
    .array(
      z.object({
        key: z.string().regex(/^[a-z0-9_]{2,40}$/),
        kind: z.enum(REQUIREMENT_KINDS),
        appliesTo: z.array(z.enum(ISIC_SECTIONS)),
        title: localised(200),
        basis: z.enum(REQUIREMENT_BASES).describe('Why the requirement is in the shipped template'),
        sources,
      }),
    )
    .min(1),
});


const record = <K extends readonly [string, ...string[]]>(keys: K) => z.record(z.enum(keys), z.string().trim().min(1).max(400));

/** The texts of the supplier's self-declaration page in one language. */
export const DeclarationTextsSchema = z.object({
  meta: z.object({ name: z.string(), dir: z.enum(['ltr', 'rtl']) }),
  title: z.string(),
  intro: z.string(),
  noPersonalData: z.string(),
  clausesHeading: z.string(),
  clauses: record(DECLARATION_CLAUSES),
  subcontractorsHeading: z.string(),
  subcontractorsHint: z.string(),
  subcontractorName: z.string(),
  subcontractorOrg: z.string(),
  subcontractorTier: z.string(),
  questionsHeading: z.string(),
  questions: record(DUE_DILIGENCE_QUESTIONS),
  answers: record(DUE_DILIGENCE_ANSWERS),
  signedBy: z.string(),
  comment: z.string(),
  submit: z.string(),
  thanksHeading: z.string(),
  thanks: z.string(),
  invalidHeading: z.string(),
  invalid: z.string(),
  errorsHeading: z.string(),
  errors: z.object({ answers: z.string(), signedBy: z.string(), subcontractor: z.string(), personalData: z.string() }),
  sources,
});
export type DeclarationTexts = z.infer<typeof DeclarationTextsSchema>;

export const procurementLegalBasis = ProcurementLegalBasisSchema.parse(legalV1);
export const highRiskList: HighRiskList = HighRiskListSchema.parse(highRiskV1);
export const sectorRisk: SectorRisk = SectorRiskSchema.parse(sectorRiskV1);
export const requirementTemplate = RequirementTemplateSchema.parse(templateV1);

/** The supplier page's texts by language. Public languages get a file here when their texts are written and checked. */
export const declarationTexts: Readonly<Record<string, DeclarationTexts>> = {
  nb: DeclarationTextsSchema.parse(declarationNb),
  en: DeclarationTextsSchema.parse(declarationEn),
};

/** The default template in one language, as the API stores it for a municipality. */
export function defaultTemplateItems(lang: 'nb' | 'en') {
  return requirementTemplate.items.map((item) => ({ key: item.key, kind: item.kind, title: item.title[lang], appliesTo: item.appliesTo }));
}


/** Short texts the API writes on the municipality's behalf (plan timeline, concern note). */
export const procurementTexts = z
  .object({
    id: z.literal('procurement-texts'),
    version: z.number().int().positive(),
    planUpdate: localised(300),
    concernNote: localised(300),
    categories: z.object({ nb: z.record(z.enum(FINDING_CATEGORIES), z.string()), en: z.record(z.enum(FINDING_CATEGORIES), z.string()) }),
    severities: z.object({ nb: z.record(z.enum(FINDING_SEVERITIES), z.string()), en: z.record(z.enum(FINDING_SEVERITIES), z.string()) }),
  })
  .parse(textsV1);

/** Fills {name} placeholders. */
export function fillProcurementText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

const ReportLangSchema = z.object({
  title: z.string(),
  empty: z.string(),
  notInRelease: z.string(),
  intro: z.string(),
  tableCaption: z.string(),
  columns: z.object({ figure: z.string(), count: z.string() }),
  rows: z.object({
    contracts: z.string(),
    highRiskContracts: z.string(),
    checksPlanned: z.string(),
    checksDone: z.string(),
    findings: z.string(),
    findingsWithSanction: z.string(),
    concernsStarted: z.string(),
  }),
  figures: z.object({ highRisk: z.string(), checksDone: z.string() }),
});

/** The council report section's texts. */
export const procurementReportTexts = z.object({ nb: ReportLangSchema, en: ReportLangSchema }).parse(reportV1);
