import { CURRENT_CATALOGUE_VERSION, currentCatalogue } from '@lykt/content/indicators';
import {
  evaluatePathway,
  isPossibleMinor,
  scoreScreening,
  type Answer,
  type IndicatorCatalogue,
  type Screening,
  type ScreeningBody,
  type ScreeningFacts,
  type ScreeningList,
  type ScreeningListQuery,
  type ScreeningProfile,
} from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { decodeCursor } from '../../platform/keyset';
import { loadPathwayRules } from '../pathway/pathway.service';
import { canReadScreening, seesAllScreenings } from './screening.policy';
import { parseProfile, presentScreening } from './screening.presenter';
import { findScreening, insertScreening, listScreenings, screeningListSort } from './screening.repository';

type FieldError = { field: string; message: string };

function invalid(errors: FieldError[]): AppError {
  return new AppError('VALIDATION_ERROR', `Check the field "${errors[0]?.field}": ${errors[0]?.message}`, errors);
}

/**
 * Checks answers against the catalogue they claim: only the current version is accepted, every
 * indicator id must exist in it and appear once. Returns the answers as a map.
 */
export function validateAnswers(
  catalogueVersion: string,
  answers: { indicatorId: string; answer: Answer }[],
): { catalogue: IndicatorCatalogue; answerMap: Record<string, Answer> } {
  if (catalogueVersion !== CURRENT_CATALOGUE_VERSION) {
    throw invalid([{ field: 'catalogueVersion', message: `Screenings use catalogue version ${CURRENT_CATALOGUE_VERSION}; reload the page to get it.` }]);
  }
  const catalogue = currentCatalogue();
  const known = new Set(catalogue.indicators.map((indicator) => indicator.id));
  const answerMap: Record<string, Answer> = {};
  const errors: FieldError[] = [];
  answers.forEach((entry, index) => {
    if (!known.has(entry.indicatorId)) errors.push({ field: `answers.${index}.indicatorId`, message: 'Unknown indicator id' });
    else if (answerMap[entry.indicatorId]) errors.push({ field: `answers.${index}.indicatorId`, message: 'Answered more than once' });
    else answerMap[entry.indicatorId] = entry.answer;
  });
  if (errors.length > 0) throw invalid(errors);
  return { catalogue, answerMap };
}

/** The coded facts with "may be under 18" set for an under-18 age band. */
export function normaliseFacts(facts: ScreeningFacts): ScreeningFacts {
  return { ...facts, possibleMinor: isPossibleMinor(facts) };
}

/** Scores a screening with the shared code and evaluates the municipality's pathway on it. */
export async function assess(
  deps: Deps,
  municipalityId: string,
  catalogue: IndicatorCatalogue,
  answerMap: Record<string, Answer>,
  facts: ScreeningFacts,
): Promise<{ profile: ScreeningProfile; ruleIds: string[] }> {
  const profile = scoreScreening(catalogue, answerMap, facts.possibleMinor);
  const { rules } = await loadPathwayRules(deps.db, municipalityId);
  return { profile, ruleIds: evaluatePathway(rules, { facts, profile }).map((rule) => rule.id) };
}

export async function createScreening(deps: Deps, actor: UserActor, body: ScreeningBody): Promise<Screening> {
  const { catalogue, answerMap } = validateAnswers(body.catalogueVersion, body.answers);
  const facts = normaliseFacts(body.facts);
  const { profile, ruleIds } = await assess(deps, actor.municipalityId, catalogue, answerMap, facts);
  const row = await inTransaction(deps, async (tx) => {
    const inserted = await insertScreening(tx, actor.municipalityId, {
      createdByUserId: actor.userId,
      organisationId: actor.organisationId,
      context: body.context,
      catalogueVersion: catalogue.version,
      suspectedForms: [...new Set(body.suspectedForms)],
      facts,
      possibleMinor: facts.possibleMinor,
      answers: body.answers,
      profile,
      level: profile.level,
      nextStepRuleIds: ruleIds,
    });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'screening.created',
      entityType: 'screening',
      entityId: inserted.id,
      details: { context: body.context, catalogueVersion: catalogue.version, level: profile.level, possibleMinor: facts.possibleMinor, steps: ruleIds },
    });
    return inserted;
  });
  return presentScreening(row, actor.userId);
}

/** A page of screenings: the coordinator sees all (or only their own with mine=true), others only their own. */
export async function findScreenings(deps: Deps, actor: UserActor, query: ScreeningListQuery): Promise<ScreeningList> {
  const sort = screeningListSort(query.sort);
  const cursor = decodeCursor(query.cursor, sort);
  const createdBy = seesAllScreenings(actor) && query.mine !== 'true' ? null : actor.userId;
  const filter = { context: query.context, level: query.level, from: query.from, to: query.to, minor: query.minor === undefined ? undefined : query.minor === 'true' };
  const { rows, nextCursor, total } = await listScreenings(deps.db, actor.municipalityId, createdBy, filter, { sort, cursor, limit: query.limit });
  return {
    nextCursor,
    total,
    items: rows.map((row) => ({
      id: row.id,
      context: row.context as Screening['context'],
      catalogueVersion: row.catalogueVersion,
      createdAt: row.createdAt.toISOString(),
      mine: row.createdByUserId === actor.userId,
      level: parseProfile(row.profile).level,
      possibleMinor: row.possibleMinor,
    })),
  };
}

export async function getScreening(deps: Deps, actor: UserActor, screeningId: string): Promise<Screening> {
  const row = await findScreening(deps.db, actor.municipalityId, screeningId);
  if (!row || !canReadScreening(actor, row)) throw notFound('The screening');
  // The coded facts and answers describe one person (as a concern's do): every read is audited,
  // with the service only, never the answers.
  await inTransaction(deps, (tx) =>
    recordAudit(tx, { municipalityId: actor.municipalityId, action: 'screening.viewed', entityType: 'screening', entityId: row.id, details: { context: row.context } }),
  );
  return presentScreening(row, actor.userId);
}

