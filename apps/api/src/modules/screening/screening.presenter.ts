import { ScreeningFactsSchema, ScreeningProfileSchema, type Screening, type ScreeningFacts, type ScreeningProfile } from '@lykt/shared';
import type { ScreeningRow } from './screening.repository';

export function parseFacts(value: unknown): ScreeningFacts {
  return ScreeningFactsSchema.parse(value);
}

export function parseProfile(value: unknown): ScreeningProfile {
  return ScreeningProfileSchema.parse(value);
}

export function presentScreening(row: ScreeningRow, actorUserId: string): Screening {
  return {
    id: row.id,
    catalogueVersion: row.catalogueVersion,
    context: row.context as Screening['context'],
    suspectedForms: row.suspectedForms as Screening['suspectedForms'],
    facts: parseFacts(row.facts),
    answers: row.answers as Screening['answers'],
    profile: parseProfile(row.profile),
    nextStepRuleIds: row.nextStepRuleIds,
    createdAt: row.createdAt.toISOString(),
    mine: row.createdByUserId === actorUserId,
  };
}
