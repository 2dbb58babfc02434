import type { CaseAbilities } from '@lykt/shared';
import { CLOSED_CASE_STATUSES, type CaseStatus } from '@lykt/shared';
import type { UserActor } from '../../platform/context';
import type { CaseRow } from './case.repository';

/** How the actor stands to one case: team membership and any live break-glass grant. */
export type CaseAccess = { row: CaseRow; teamRole: 'owner' | 'member' | null; breakGlassUntil: Date | null };

/** The coordinator oversees every case (coded facts, team, status); others only cases they are on. */
export function seesAllCases(actor: UserActor): boolean {
  return actor.role === 'coordinator';
}

/** Whether the case exists for the actor at all; anything else answers 404. */
export function canSeeCase(actor: UserActor, teamRole: CaseAccess['teamRole']): boolean {
  return teamRole !== null || seesAllCases(actor);
}

/** Personal data: the case team, or a coordinator under a live break-glass grant. */
export function canReadPersonalData(access: CaseAccess): boolean {
  return access.teamRole !== null || access.breakGlassUntil !== null;
}

/**
 * Why the case was read under break-glass and why referrals were revoked: the case team (to see
 * who looked and why) and the coordinator (oversight), even without personal-data access.
 */
export function canReadAccessReasons(actor: UserActor, access: CaseAccess): boolean {
  return access.teamRole !== null || seesAllCases(actor);
}

function isClosed(status: string): boolean {
  return CLOSED_CASE_STATUSES.includes(status as CaseStatus);
}

/** The abilities the server enforces and the UI uses to hide what the actor may not do. */
export function abilitiesFor(actor: UserActor, access: CaseAccess): CaseAbilities {
  const personal = canReadPersonalData(access);
  const erased = access.row.personalDataErasedAt !== null;
  const closed = isClosed(access.row.status);
  const coordinator = seesAllCases(actor);
  return {
    readPersonalData: personal && !erased,
    edit: personal && !closed && !erased,
    manageTeam: (access.teamRole === 'owner' || coordinator) && !closed,
    close: personal && !closed,
    reopen: (personal || coordinator) && closed,
    breakGlass: coordinator && access.teamRole === null && access.breakGlassUntil === null,
    viewReadLog: coordinator,
    viewDuplicates: coordinator && !erased,
    erase: coordinator && !erased,
    export: personal && !erased,
  };
}
