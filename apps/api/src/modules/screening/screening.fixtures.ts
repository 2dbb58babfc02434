import { CURRENT_CATALOGUE_VERSION } from '@lykt/content/indicators';

/** A valid screening body for tests: a possible minor (13-15) met in a health service, one indicator answered yes. */
export function screeningBody(overrides: Record<string, unknown> = {}) {
  return {
    catalogueVersion: CURRENT_CATALOGUE_VERSION,
    context: 'health',
    suspectedForms: [],
    facts: { ageBand: '13_15', possibleMinor: false, gender: 'female', nationality: 'RO', sector: 'none', placeKind: 'health_service', immediateDanger: false, wantsHelp: 'unknown' },
    answers: [
      { indicatorId: 'chi.not-in-school', answer: 'yes' },
      { indicatorId: 'gen.others-speak', answer: 'no' },
      { indicatorId: 'gen.fear', answer: 'unknown' },
    ],
    ...overrides,
  };
}
