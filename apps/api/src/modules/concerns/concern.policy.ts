import type { UserActor } from '../../platform/context';
import type { ConcernRow } from './concern.repository';

/** The coordinator sees every concern; others see those they reported or are assigned. Anything else is 404. */
export function seesAllConcerns(actor: UserActor): boolean {
  return actor.role === 'coordinator';
}

export function canReadConcern(actor: UserActor, row: ConcernRow): boolean {
  return seesAllConcerns(actor) || row.reporterUserId === actor.userId || row.assignedUserId === actor.userId;
}

/** Identifying details: only the coordinator and the assigned caseworker, never the reporter as such. */
export function canReadIdentifyingDetails(actor: UserActor, row: ConcernRow): boolean {
  return actor.role === 'coordinator' || (actor.role === 'caseworker' && row.assignedUserId === actor.userId);
}
