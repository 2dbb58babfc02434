import { can } from '@lykt/shared';
import type { UserActor } from '../../platform/context';

/**
 * Need-to-know for procurement: the procurement officer and the coordinator read and change contracts,
 * checks and findings. Partners, frontline staff, caseworkers, viewers and administrators do not (the
 * route permission refuses them); viewers see only the suppressed counts in the council report.
 */
export function mayWriteProcurement(actor: UserActor): boolean {
  return can(actor.role, 'procurement:write');
}
