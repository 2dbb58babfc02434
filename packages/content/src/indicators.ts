import { IndicatorCatalogueSchema, PathwayRulesSchema, type IndicatorCatalogue, type PathwayRule } from '@lykt/shared';
import catalogue20261 from '../indicators/catalogue-2026.1.json';
import defaultPathwayNo from '../indicators/pathway-default.no.json';

/**
 * The indicator catalogues, by version. Old versions stay so that every saved screening can be
 * read against the catalogue it used; only the current version is accepted for new screenings.
 */
export const INDICATOR_CATALOGUES: Readonly<Record<string, IndicatorCatalogue>> = {
  '2026.1': IndicatorCatalogueSchema.parse(catalogue20261),
};

export const CURRENT_CATALOGUE_VERSION = '2026.1';

export function currentCatalogue(): IndicatorCatalogue {
  const catalogue = INDICATOR_CATALOGUES[CURRENT_CATALOGUE_VERSION];
  if (!catalogue) throw new Error(`catalogue ${CURRENT_CATALOGUE_VERSION} missing`);
  return catalogue;
}

/** The national default referral pathway for Norway, used until a coordinator saves the municipality's own. */
export const DEFAULT_PATHWAY_NO: { version: string; rules: PathwayRule[] } = {
  version: defaultPathwayNo.version,
  rules: PathwayRulesSchema.parse(defaultPathwayNo.rules),
};
