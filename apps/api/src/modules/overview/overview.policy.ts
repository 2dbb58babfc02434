import { can } from '@lykt/shared';
import type { UserActor } from '../../platform/context';
import { forbidden } from '../../platform/errors';

/**
 * Who reads the local situation map: the coordinator always; partners in the cooperation group
 * only when the coordinator has switched that on (settings). Only the coordinator changes it.
 */
export function mayReadMap(actor: UserActor, partnersMayRead: boolean): boolean {
  if (!can(actor.role, 'overview:read')) return false;
  return actor.role !== 'partner' || partnersMayRead;
}

export function assertMayReadMap(actor: UserActor, partnersMayRead: boolean): void {
  if (!mayReadMap(actor, partnersMayRead)) throw forbidden();
}

export function mayWriteMap(actor: UserActor): boolean {
  return can(actor.role, 'overview:write');
}
