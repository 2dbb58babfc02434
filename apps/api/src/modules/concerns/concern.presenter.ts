import { ScreeningFactsSchema, ScreeningProfileSchema, type Concern, type ConcernSummary } from '@lykt/shared';
import type { ConcernRow } from './concern.repository';

export type Names = { users: Map<string, string>; organisations: Map<string, string> };

export function presentConcernSummary(row: ConcernRow, actorUserId: string, names: Names, now = new Date()): ConcernSummary {
  const assignedName = row.assignedUserId ? names.users.get(row.assignedUserId) : undefined;
  return {
    id: row.id,
    status: row.status as ConcernSummary['status'],
    context: row.context as ConcernSummary['context'],
    possibleMinor: row.possibleMinor,
    childWelfareDueAt: row.childWelfareDueAt?.toISOString() ?? null,
    childWelfareOverdue: row.childWelfareDueAt !== null && row.status !== 'closed' && row.childWelfareDueAt < now,
    level: (row.level as ConcernSummary['level']) ?? null,
    reporterName: names.users.get(row.reporterUserId) ?? null,
    reporterOrganisation: names.organisations.get(row.reporterOrganisationId) ?? null,
    assignedTo: row.assignedUserId && assignedName ? { id: row.assignedUserId, name: assignedName } : null,
    closeReason: (row.closeReason as ConcernSummary['closeReason']) ?? null,
    hasPersonDetails: row.personEnc !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    mine: row.reporterUserId === actorUserId,
  };
}

export function presentConcern(row: ConcernRow, actorUserId: string, names: Names, messages: Concern['messages']): Concern {
  return {
    ...presentConcernSummary(row, actorUserId, names),
    screeningId: row.screeningId,
    suspectedForms: row.suspectedForms as Concern['suspectedForms'],
    facts: ScreeningFactsSchema.parse(row.facts),
    profile: row.profile ? ScreeningProfileSchema.parse(row.profile) : null,
    messages,
  };
}
