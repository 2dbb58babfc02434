import { type Maturity, type MaturityBody } from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { assertMayReadMap } from './overview.policy';
import * as repo from './overview.repository';

/** Every year's self-assessment, newest first, so years can be compared. */
export async function getMaturity(deps: Deps, actor: UserActor): Promise<Maturity> {
  assertMayReadMap(actor, await repo.partnersMayRead(deps.db, actor.municipalityId));
  const rows = await repo.listMaturity(deps.db, actor.municipalityId);
  const names = await repo.userNames(
    deps.db,
    actor.municipalityId,
    rows.map((row) => row.ratedByUserId),
  );
  const years = [...new Set(rows.map((row) => row.year))];
  return {
    years: years.map((year) => ({
      year,
      ratings: rows
        .filter((row) => row.year === year)
        .map((row) => ({
          areaCode: row.areaCode as Maturity['years'][number]['ratings'][number]['areaCode'],
          level: row.level as Maturity['years'][number]['ratings'][number]['level'],
          note: row.note,
          ratedBy: names.get(row.ratedByUserId) ?? '',
          ratedAt: row.ratedAt.toISOString(),
        })),
    })),
  };
}

/** Records (or revises) one year's levels, area by area. */
export async function rateMaturity(deps: Deps, actor: UserActor, body: MaturityBody): Promise<Maturity> {
  await inTransaction(deps, async (tx) => {
    for (const rating of body.ratings) {
      await repo.upsertMaturity(tx, {
        municipalityId: actor.municipalityId,
        year: body.year,
        areaCode: rating.areaCode,
        level: rating.level,
        note: rating.note,
        ratedByUserId: actor.userId,
      });
    }
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'overview.maturity.rated',
      entityType: 'maturity_rating',
      entityId: null,
      details: {
        year: body.year,
        areas: body.ratings.map((rating) => `${rating.areaCode}:${rating.level}`),
      },
    });
  });
  return getMaturity(deps, actor);
}
