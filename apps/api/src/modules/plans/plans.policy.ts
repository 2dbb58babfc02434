import { can, type PlanVersionStatus } from '@lykt/shared';
import type { UserActor } from '../../platform/context';
import type { MeasureRow } from './plans.repository';

/**
 * Object-level rules for plans. Coordinators see every version; partners see only the
 * measures their organisation owns or takes part in (any version); everyone else sees only
 * versions that were adopted. What the actor may not see answers 404.
 */
export function visibleStatuses(actor: UserActor): readonly PlanVersionStatus[] {
  if (can(actor.role, 'plans:write') || actor.role === 'partner') return ['draft', 'adopted', 'superseded'];
  return ['adopted', 'superseded'];
}

export function isPartnerScoped(actor: UserActor): boolean {
  return actor.role === 'partner';
}

export function measureVisible(actor: UserActor, measure: Pick<MeasureRow, 'ownerOrganisationId' | 'partnerOrganisationIds'>): boolean {
  if (!isPartnerScoped(actor)) return true;
  return measure.ownerOrganisationId === actor.organisationId || measure.partnerOrganisationIds.includes(actor.organisationId);
}

/** Whether the actor may post updates and change progress/status on a measure of the given version. */
export function mayPostUpdate(actor: UserActor, measure: Pick<MeasureRow, 'ownerOrganisationId'>, versionStatus: string): boolean {
  if (versionStatus !== 'adopted' || !can(actor.role, 'plans:progress')) return false;
  return !isPartnerScoped(actor) || measure.ownerOrganisationId === actor.organisationId;
}

export function mayEdit(actor: UserActor, versionStatus: string): boolean {
  return versionStatus === 'draft' && can(actor.role, 'plans:write');
}
