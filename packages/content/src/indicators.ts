import { IndicatorCatalogueSchema, PathwayRulesSchema, STEP_KINDS, type IndicatorCatalogue, type PathwayRule, type StepKind } from '@lykt/shared';
import { z } from 'zod';
import catalogue20261 from '../indicators/catalogue-2026.1.json';
import catalogue20262 from '../indicators/catalogue-2026.2.json';
import defaultPathwayNo from '../indicators/pathway-default.no.json';

/**
 * The indicator catalogues, by version. Old versions stay so that every saved screening can be
 * read against the catalogue it used; only the current version is accepted for new screenings.
 */
export const INDICATOR_CATALOGUES: Readonly<Record<string, IndicatorCatalogue>> = {
  '2026.1': IndicatorCatalogueSchema.parse(catalogue20261),
  '2026.2': IndicatorCatalogueSchema.parse(catalogue20262),
};

export const CURRENT_CATALOGUE_VERSION = '2026.2';

export function currentCatalogue(): IndicatorCatalogue {
  const catalogue = INDICATOR_CATALOGUES[CURRENT_CATALOGUE_VERSION];
  if (!catalogue) throw new Error(`catalogue ${CURRENT_CATALOGUE_VERSION} missing`);
  return catalogue;
}

/** A source for a text that names a law, a phone number or a public body (the agreed content format). */
const LawSourceSchema = z.strictObject({ law: z.string().trim().min(3), checked: z.iso.date() });
const PageSourceSchema = z.strictObject({
  title: z.string().trim().min(3),
  publisher: z.string().trim().min(2),
  url: z.url({ protocol: /^https$/ }),
  checked: z.iso.date(),
});
export const ContentSourceSchema = z.union([LawSourceSchema, PageSourceSchema]);
export type ContentSource = z.infer<typeof ContentSourceSchema>;

/** The legal basis of a next step, in a line the frontline worker understands, with its sources. */
/** A step's legal-basis line; `sources` only where the line states a legal or factual claim. */
export const StepLegalBasisSchema = z.strictObject({ nb: z.string().trim().min(10), en: z.string().trim().min(10), sources: z.array(ContentSourceSchema).min(1).optional() });
export type StepLegalBasis = z.infer<typeof StepLegalBasisSchema>;

const PathwayFileSchema = z.object({
  version: z.string(),
  rules: PathwayRulesSchema,
  legalBasis: z.strictObject(Object.fromEntries(STEP_KINDS.map((kind) => [kind, StepLegalBasisSchema])) as Record<StepKind, typeof StepLegalBasisSchema>),
});
const defaultPathwayFile = PathwayFileSchema.parse(defaultPathwayNo);

/** The national default referral pathway for Norway, used until a coordinator saves the municipality's own. */
export const DEFAULT_PATHWAY_NO: { version: string; rules: PathwayRule[] } = {
  version: defaultPathwayFile.version,
  rules: defaultPathwayFile.rules,
};

/** What each kind of next step rests on in Norwegian law (consent, the duty to avert, the duty to notify, confidentiality). */
export const STEP_LEGAL_BASIS_NO: Readonly<Record<StepKind, StepLegalBasis>> = defaultPathwayFile.legalBasis;
