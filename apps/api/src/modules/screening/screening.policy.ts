import type { UserActor } from '../../platform/context';
import type { ScreeningRow } from './screening.repository';

/** The coordinator sees every screening of the municipality; everyone else only their own. */
export function seesAllScreenings(actor: UserActor): boolean {
  return actor.role === 'coordinator';
}

export function canReadScreening(actor: UserActor, row: ScreeningRow): boolean {
  return seesAllScreenings(actor) || row.createdByUserId === actor.userId;
}
