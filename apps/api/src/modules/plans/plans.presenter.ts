import type { Measure, MeasureStatus, PlanAreaCode, PlanVersionSummary, TimelineEntry } from '@lykt/shared';
import type { MeasureRow, MilestoneRow, TimelineRow, VersionRow } from './plans.repository';

export type OrgNames = Map<string, { name: string; archived: boolean }>;

const orgRef = (names: OrgNames, id: string | null) => {
  if (!id) return null;
  return { id, name: names.get(id)?.name ?? '' };
};

export function presentVersion(row: VersionRow, adoptedBy: string | null): PlanVersionSummary {
  return {
    number: row.number,
    status: row.status as PlanVersionSummary['status'],
    decisionRef: row.decisionRef,
    decisionDate: row.decisionDate,
    adoptedAt: row.adoptedAt?.toISOString() ?? null,
    adoptedBy,
  };
}

export function presentMeasure(row: MeasureRow, names: OrgNames, milestones: MilestoneRow[], rolledProgress: number, canUpdate: boolean): Measure {
  return {
    id: row.id,
    lineageId: row.lineageId,
    templateKey: row.templateKey,
    parentId: row.parentId,
    area: row.area as PlanAreaCode,
    position: row.position,
    title: row.title,
    description: row.description,
    why: row.why,
    ownerOrganisation: orgRef(names, row.ownerOrganisationId),
    partnerOrganisations: row.partnerOrganisationIds.map((id) => ({ id, name: names.get(id)?.name ?? '' })),
    responsiblePerson: row.responsiblePerson,
    startDate: row.startDate,
    dueDate: row.dueDate,
    status: row.status as MeasureStatus,
    progress: row.progress,
    rolledProgress,
    weight: row.weight,
    milestones: milestones.filter((milestone) => milestone.measureId === row.id).map((milestone) => ({ id: milestone.id, title: milestone.title, dueDate: milestone.dueDate, doneOn: milestone.doneOn })),
    canUpdate,
  };
}

export function presentTimeline(row: TimelineRow): TimelineEntry {
  return {
    id: row.id,
    occurredOn: row.occurredOn,
    createdAt: row.createdAt.toISOString(),
    text: row.text,
    progressBefore: row.progressBefore,
    progressAfter: row.progressAfter,
    statusBefore: row.statusBefore as MeasureStatus | null,
    statusAfter: row.statusAfter as MeasureStatus | null,
    author: row.authorName,
    organisation: row.organisationName,
    source: row.source as TimelineEntry['source'],
    versionNumber: row.versionNumber,
  };
}
