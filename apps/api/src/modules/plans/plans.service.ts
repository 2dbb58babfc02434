import { randomUUID } from 'node:crypto';
import { planTemplate } from '@lykt/content/plan-template';
import {
  addDaysToDay,
  PLAN_AREA_CODES,
  progressForStatus,
  rollUpPlan,
  todayInNorway,
  type AdoptBody,
  type Deadlines,
  type MeasureBody,
  type MeasureDetail,
  type MeasureUpdateBody,
  type PlanCompare,
  type PlanCreateBody,
  type PlanSummary,
  type PlanTemplateView,
  type PlanVersionDetail,
} from '@lykt/shared';
import type { Database } from '@lykt/db';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { isPartnerScoped, mayEdit, mayPostUpdate, measureVisible, visibleStatuses } from './plans.policy';
import { presentMeasure, presentTimeline, presentVersion, type OrgNames } from './plans.presenter';
import * as repo from './plans.repository';
import type { MeasureRow, VersionRow } from './plans.repository';

const fieldError = (field: string, message: string) => new AppError('VALIDATION_ERROR', message, [{ field, message }]);

// ---------------------------------------------------------------- template

export function getTemplate(language: 'nb' | 'en'): PlanTemplateView {
  const template = planTemplate();
  return {
    id: template.id,
    version: template.version,
    language,
    areas: template.areas.map((area) => ({
      code: area.code,
      councilQuestion: area.councilQuestion,
      title: area.title[language],
      description: area.description[language],
      measures: area.measures.map((measure) => ({ key: measure.key, title: measure.title[language], description: measure.description[language], why: measure.why[language] })),
    })),
  };
}

// ---------------------------------------------------------------- visibility helpers

type Visible = { plan: repo.PlanRow; versions: VersionRow[] };

/** The plan and the versions the actor may see; 404 when the actor may see none. */
async function visiblePlan(db: Database, actor: UserActor, planId: string): Promise<Visible> {
  const plan = await repo.findPlan(db, actor.municipalityId, planId);
  if (!plan) throw notFound('The plan');
  if (isPartnerScoped(actor)) {
    const involved = await repo.planIdsInvolving(db, actor.municipalityId, actor.organisationId);
    if (!involved.has(plan.id)) throw notFound('The plan');
  }
  const statuses = visibleStatuses(actor);
  const versions = (await repo.findVersions(db, actor.municipalityId, [plan.id])).filter((version) => statuses.includes(version.status as never));
  if (versions.length === 0) throw notFound('The plan');
  return { plan, versions };
}

async function visibleVersion(db: Database, actor: UserActor, planId: string, number: number): Promise<Visible & { version: VersionRow }> {
  const visible = await visiblePlan(db, actor, planId);
  const version = visible.versions.find((candidate) => candidate.number === number);
  if (!version) throw notFound('The plan version');
  return { ...visible, version };
}

/** A measure the actor may see, with its version and plan; 404 otherwise. */
async function visibleMeasure(db: Database, actor: UserActor, measureId: string): Promise<{ measure: MeasureRow; version: VersionRow; plan: repo.PlanRow; versions: VersionRow[] }> {
  const measure = await repo.findMeasure(db, actor.municipalityId, measureId);
  if (!measure || !measureVisible(actor, measure)) throw notFound('The measure');
  const version = await repo.findVersionById(db, actor.municipalityId, measure.planVersionId);
  if (!version || !visibleStatuses(actor).includes(version.status as never)) throw notFound('The measure');
  const visible = await visiblePlan(db, actor, version.planId);
  return { measure, version, plan: visible.plan, versions: visible.versions };
}

async function summaries(db: Database, municipalityId: string, versions: VersionRow[]) {
  const names = await repo.userNames(db, municipalityId, versions.flatMap((version) => (version.adoptedByUserId ? [version.adoptedByUserId] : [])));
  return versions.map((version) => presentVersion(version, version.adoptedByUserId ? (names.get(version.adoptedByUserId) ?? null) : null));
}

function summarisePlan(plan: repo.PlanRow, versions: ReturnType<typeof presentVersion>[]): PlanSummary {
  return {
    id: plan.id,
    title: plan.title,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    versions,
    currentVersion: versions.find((version) => version.status === 'adopted')?.number ?? null,
    draftVersion: versions.find((version) => version.status === 'draft')?.number ?? null,
  };
}

// ---------------------------------------------------------------- plans

export async function listPlans(deps: Deps, actor: UserActor): Promise<{ items: PlanSummary[] }> {
  let plans = await repo.findPlans(deps.db, actor.municipalityId);
  if (isPartnerScoped(actor)) {
    const involved = await repo.planIdsInvolving(deps.db, actor.municipalityId, actor.organisationId);
    plans = plans.filter((plan) => involved.has(plan.id));
  }
  const statuses = visibleStatuses(actor);
  const versions = (await repo.findVersions(deps.db, actor.municipalityId, plans.map((plan) => plan.id))).filter((version) => statuses.includes(version.status as never));
  const presented = await summaries(deps.db, actor.municipalityId, versions);
  const items: PlanSummary[] = [];
  for (const plan of plans) {
    const own = presented.filter((_, index) => versions[index]?.planId === plan.id);
    if (own.length > 0) items.push(summarisePlan(plan, own));
  }
  return { items };
}

export async function getPlan(deps: Deps, actor: UserActor, planId: string): Promise<PlanSummary> {
  const { plan, versions } = await visiblePlan(deps.db, actor, planId);
  return summarisePlan(plan, await summaries(deps.db, actor.municipalityId, versions));
}

export async function createPlan(deps: Deps, actor: UserActor, body: PlanCreateBody): Promise<PlanSummary> {
  const template = planTemplate();
  const chosen = body.template
    ? template.areas.flatMap((area) => area.measures.map((measure) => ({ area: area.code, measure }))).filter(({ measure }) => !body.template?.measureKeys || body.template.measureKeys.includes(measure.key))
    : [];
  if (body.template?.measureKeys) {
    const known = new Set(template.areas.flatMap((area) => area.measures.map((measure) => measure.key)));
    const unknown = body.template.measureKeys.findIndex((key) => !known.has(key));
    if (unknown >= 0) throw fieldError(`template.measureKeys.${unknown}`, 'The template has no such measure.');
  }
  const language = body.template?.language ?? 'nb';
  const planId = await inTransaction(deps, async (tx) => {
    const plan = await repo.insertPlan(tx, actor.municipalityId, { title: body.title, periodStart: body.periodStart, periodEnd: body.periodEnd });
    const version = await repo.insertVersion(tx, actor.municipalityId, plan.id, 1);
    for (const [position, { area, measure }] of chosen.entries()) {
      await repo.insertMeasure(tx, actor.municipalityId, {
        planVersionId: version.id,
        lineageId: randomUUID(),
        parentId: null,
        templateKey: measure.key,
        area,
        position,
        title: measure.title[language],
        description: measure.description[language],
        why: measure.why[language],
        status: 'not_started',
        progress: 0,
      });
    }
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'plan.created',
      entityType: 'plan',
      entityId: plan.id,
      details: { fromTemplate: body.template ? `${template.id}@${template.version}` : null, measures: chosen.length },
    });
    return plan.id;
  });
  return getPlan(deps, actor, planId);
}

export async function getVersion(deps: Deps, actor: UserActor, planId: string, number: number): Promise<PlanVersionDetail> {
  const { plan, versions, version } = await visibleVersion(deps.db, actor, planId, number);
  const [measures, names] = await Promise.all([repo.findMeasures(deps.db, actor.municipalityId, version.id), repo.organisationNames(deps.db, actor.municipalityId)]);
  const rollup = rollUpPlan(
    measures.map((measure) => ({ id: measure.id, parentId: measure.parentId, area: measure.area as never, status: measure.status as never, progress: measure.progress, weight: measure.weight })),
    PLAN_AREA_CODES,
  );
  const shown = measures.filter((measure) => measureVisible(actor, measure));
  const milestones = await repo.findMilestones(deps.db, actor.municipalityId, shown.map((measure) => measure.id));
  const template = planTemplate();
  const presentedVersions = await summaries(deps.db, actor.municipalityId, versions);
  return {
    plan: { id: plan.id, title: plan.title, periodStart: plan.periodStart, periodEnd: plan.periodEnd },
    version: presentedVersions.find((candidate) => candidate.number === version.number) ?? presentVersion(version, null),
    versions: presentedVersions,
    areas: template.areas.map((area) => ({
      code: area.code,
      councilQuestion: area.councilQuestion,
      progress: rollup.areas.get(area.code) ?? null,
      measureCount: shown.filter((measure) => measure.area === area.code).length,
    })),
    totalProgress: rollup.total,
    editable: mayEdit(actor, version.status),
    measures: shown.map((measure) => presentMeasure(measure, names, milestones, rollup.measures.get(measure.id) ?? measure.progress, mayPostUpdate(actor, measure, version.status))),
  };
}

export async function adoptVersion(deps: Deps, actor: UserActor, planId: string, number: number, body: AdoptBody): Promise<PlanVersionDetail> {
  const { version, versions } = await visibleVersion(deps.db, actor, planId, number);
  if (body.decisionDate > todayInNorway()) throw fieldError('decisionDate', 'The decision date cannot be in the future.');
  if (version.status !== 'draft') throw new AppError('CONFLICT', 'Only a draft can be adopted; this version is already adopted.');
  const measures = await repo.findMeasures(deps.db, actor.municipalityId, version.id);
  if (measures.length === 0) throw new AppError('CONFLICT', 'The draft has no measures. Add measures before it is adopted.');
  const previous = versions.find((candidate) => candidate.status === 'adopted');
  await inTransaction(deps, async (tx) => {
    let carried = 0;
    if (previous) {
      // Execution went on in the version in force while this one was drafted: carry its progress over.
      const before = new Map((await repo.findMeasures(tx, actor.municipalityId, previous.id)).map((measure) => [measure.lineageId, measure]));
      for (const measure of measures) {
        const old = before.get(measure.lineageId);
        if (old && (old.progress !== measure.progress || old.status !== measure.status)) {
          await repo.updateMeasureRow(tx, actor.municipalityId, measure.id, { progress: old.progress, status: old.status });
          carried += 1;
        }
      }
      await repo.updateVersionRow(tx, actor.municipalityId, previous.id, { status: 'superseded' });
    }
    await repo.updateVersionRow(tx, actor.municipalityId, version.id, {
      status: 'adopted',
      decisionRef: body.decisionRef,
      decisionDate: body.decisionDate,
      adoptedAt: new Date(),
      adoptedByUserId: actor.userId,
    });
    await repo.touchPlan(tx, actor.municipalityId, planId);
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'plan.version.adopted',
      entityType: 'plan',
      entityId: planId,
      details: { version: number, decisionRef: body.decisionRef, decisionDate: body.decisionDate, measures: measures.length, supersedes: previous?.number ?? null, progressCarried: carried },
    });
  });
  return getVersion(deps, actor, planId, number);
}

/** Starts the next version as a draft copy of the version in force. */
export async function startRevision(deps: Deps, actor: UserActor, planId: string): Promise<PlanVersionDetail> {
  const { versions } = await visiblePlan(deps.db, actor, planId);
  if (versions.some((version) => version.status === 'draft')) throw new AppError('CONFLICT', 'A draft version is already being worked on.');
  const current = versions.find((version) => version.status === 'adopted');
  if (!current) throw new AppError('CONFLICT', 'There is no adopted version to revise.');
  const nextNumber = Math.max(...versions.map((version) => version.number)) + 1;
  await inTransaction(deps, async (tx) => {
    const draft = await repo.insertVersion(tx, actor.municipalityId, planId, nextNumber);
    const measures = await repo.findMeasures(tx, actor.municipalityId, current.id);
    const milestones = await repo.findMilestones(tx, actor.municipalityId, measures.map((measure) => measure.id));
    const newIds = new Map(measures.map((measure) => [measure.id, randomUUID()]));
    // Parents before children so the parent reference exists.
    const ordered = orderParentsFirst(measures);
    for (const measure of ordered) {
      const { id, municipalityId: _m, createdAt: _c, updatedAt: _u, ...values } = measure;
      const copy = await repo.insertMeasure(tx, actor.municipalityId, {
        ...values,
        id: newIds.get(id),
        planVersionId: draft.id,
        parentId: measure.parentId ? (newIds.get(measure.parentId) ?? null) : null,
      });
      await repo.replaceMilestones(
        tx,
        actor.municipalityId,
        copy.id,
        milestones.filter((milestone) => milestone.measureId === id).map((milestone) => ({ title: milestone.title, dueDate: milestone.dueDate, doneOn: milestone.doneOn })),
      );
    }
    await repo.touchPlan(tx, actor.municipalityId, planId);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'plan.revision.started', entityType: 'plan', entityId: planId, details: { version: nextNumber, from: current.number, measures: measures.length } });
  });
  return getVersion(deps, actor, planId, nextNumber);
}

function orderParentsFirst(measures: MeasureRow[]): MeasureRow[] {
  const byId = new Map(measures.map((measure) => [measure.id, measure]));
  const done = new Set<string>();
  const out: MeasureRow[] = [];
  const visit = (measure: MeasureRow) => {
    if (done.has(measure.id)) return;
    done.add(measure.id);
    const parent = measure.parentId ? byId.get(measure.parentId) : undefined;
    if (parent) visit(parent);
    out.push(measure);
  };
  measures.forEach(visit);
  return out;
}

// ---------------------------------------------------------------- measures

function checkOrganisations(body: MeasureBody, names: OrgNames): void {
  const usable = (id: string) => names.has(id) && !names.get(id)?.archived;
  if (body.ownerOrganisationId && !usable(body.ownerOrganisationId)) throw fieldError('ownerOrganisationId', 'Choose an organisation from the partner registry.');
  const bad = body.partnerOrganisationIds.findIndex((id) => !usable(id));
  if (bad >= 0) throw fieldError(`partnerOrganisationIds.${bad}`, 'Choose an organisation from the partner registry.');
}

async function checkParent(db: Database, actor: UserActor, versionId: string, body: MeasureBody, self: string | null): Promise<void> {
  if (!body.parentId) return;
  const measures = await repo.findMeasures(db, actor.municipalityId, versionId);
  const parent = measures.find((measure) => measure.id === body.parentId);
  if (!parent) throw fieldError('parentId', 'The parent must be a measure of the same plan version.');
  if (parent.area !== body.area) throw fieldError('parentId', 'A sub-measure must be in the same area as its parent.');
  if (self) {
    // Refuse to move a measure under itself or under one of its own descendants.
    const byId = new Map(measures.map((measure) => [measure.id, measure]));
    for (let cursor: MeasureRow | undefined = parent; cursor; cursor = cursor.parentId ? byId.get(cursor.parentId) : undefined) {
      if (cursor.id === self) throw fieldError('parentId', 'A measure cannot be placed under itself or its own sub-measures.');
    }
  }
}

function checkMilestoneIds(body: MeasureBody, existing: string[]): void {
  const bad = body.milestones.findIndex((milestone) => milestone.id !== undefined && !existing.includes(milestone.id));
  if (bad >= 0) throw fieldError(`milestones.${bad}.id`, 'No such milestone on this measure.');
}

function measureValues(body: MeasureBody, currentProgress: number) {
  return {
    area: body.area,
    parentId: body.parentId,
    title: body.title,
    description: body.description,
    why: body.why,
    ownerOrganisationId: body.ownerOrganisationId,
    partnerOrganisationIds: [...new Set(body.partnerOrganisationIds)],
    responsiblePerson: body.responsiblePerson,
    startDate: body.startDate,
    dueDate: body.dueDate,
    status: body.status,
    progress: progressForStatus(body.status, body.progress, currentProgress),
    weight: body.weight,
  };
}

export async function createMeasure(deps: Deps, actor: UserActor, planId: string, number: number, body: MeasureBody): Promise<MeasureDetail> {
  const { version } = await visibleVersion(deps.db, actor, planId, number);
  const names = await repo.organisationNames(deps.db, actor.municipalityId);
  checkOrganisations(body, names);
  await checkParent(deps.db, actor, version.id, body, null);
  checkMilestoneIds(body, []);
  if (version.status !== 'draft') throw new AppError('CONFLICT', 'This version is adopted and frozen. Start a revision to change the plan.');
  const siblings = (await repo.findMeasures(deps.db, actor.municipalityId, version.id)).filter((measure) => measure.area === body.area && measure.parentId === body.parentId);
  const id = await inTransaction(deps, async (tx) => {
    const row = await repo.insertMeasure(tx, actor.municipalityId, {
      ...measureValues(body, 0),
      planVersionId: version.id,
      lineageId: randomUUID(),
      templateKey: null,
      position: siblings.length === 0 ? 0 : Math.max(...siblings.map((measure) => measure.position)) + 1,
    });
    await repo.replaceMilestones(tx, actor.municipalityId, row.id, body.milestones);
    await repo.touchPlan(tx, actor.municipalityId, planId);
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'plan.measure.created',
      entityType: 'plan_measure',
      entityId: row.id,
      details: { planId, version: number, area: body.area, parent: body.parentId !== null, milestones: body.milestones.length },
    });
    return row.id;
  });
  return getMeasure(deps, actor, id);
}

const COMPARED_FIELDS = ['area', 'parentId', 'title', 'description', 'why', 'ownerOrganisationId', 'partnerOrganisationIds', 'responsiblePerson', 'startDate', 'dueDate', 'status', 'progress', 'weight'] as const;

export async function updateMeasure(deps: Deps, actor: UserActor, measureId: string, body: MeasureBody): Promise<MeasureDetail> {
  const { measure, version, plan } = await visibleMeasure(deps.db, actor, measureId);
  const names = await repo.organisationNames(deps.db, actor.municipalityId);
  checkOrganisations(body, names);
  await checkParent(deps.db, actor, version.id, body, measure.id);
  const existingMilestones = await repo.findMilestones(deps.db, actor.municipalityId, [measure.id]);
  checkMilestoneIds(body, existingMilestones.map((milestone) => milestone.id));
  if (version.status !== 'draft') throw new AppError('CONFLICT', 'This version is adopted and frozen. Start a revision to change the plan.');
  const values = measureValues(body, measure.progress);
  const changed = COMPARED_FIELDS.filter((field) => JSON.stringify(values[field]) !== JSON.stringify(measure[field]));
  const milestonesChanged =
    JSON.stringify(existingMilestones.map((milestone) => [milestone.id, milestone.title, milestone.dueDate, milestone.doneOn])) !==
    JSON.stringify(body.milestones.map((milestone) => [milestone.id ?? null, milestone.title, milestone.dueDate, milestone.doneOn]));
  const sameParent = body.parentId === measure.parentId && body.area === measure.area;
  let position = measure.position;
  if (!sameParent) {
    const siblings = (await repo.findMeasures(deps.db, actor.municipalityId, version.id)).filter((other) => other.area === body.area && other.parentId === body.parentId);
    position = siblings.length === 0 ? 0 : Math.max(...siblings.map((other) => other.position)) + 1;
  }
  await inTransaction(deps, async (tx) => {
    await repo.updateMeasureRow(tx, actor.municipalityId, measure.id, { ...values, position });
    if (milestonesChanged) await repo.replaceMilestones(tx, actor.municipalityId, measure.id, body.milestones);
    await repo.touchPlan(tx, actor.municipalityId, plan.id);
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'plan.measure.updated',
      entityType: 'plan_measure',
      entityId: measure.id,
      details: { planId: plan.id, version: version.number, fields: milestonesChanged ? [...changed, 'milestones'] : changed },
    });
  });
  return getMeasure(deps, actor, measure.id);
}

export async function deleteMeasure(deps: Deps, actor: UserActor, measureId: string): Promise<{ ok: true }> {
  const { measure, version, plan } = await visibleMeasure(deps.db, actor, measureId);
  if (version.status !== 'draft') throw new AppError('CONFLICT', 'This version is adopted and frozen. Start a revision to change the plan.');
  const all = await repo.findMeasures(deps.db, actor.municipalityId, version.id);
  const removed = new Set([measure.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const other of all) {
      if (other.parentId && removed.has(other.parentId) && !removed.has(other.id)) {
        removed.add(other.id);
        grew = true;
      }
    }
  }
  await inTransaction(deps, async (tx) => {
    await repo.deleteMeasureRow(tx, actor.municipalityId, measure.id);
    await repo.touchPlan(tx, actor.municipalityId, plan.id);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'plan.measure.deleted', entityType: 'plan_measure', entityId: measure.id, details: { planId: plan.id, version: version.number, area: measure.area, removed: removed.size } });
  });
  return { ok: true };
}

export async function getMeasure(deps: Deps, actor: UserActor, measureId: string): Promise<MeasureDetail> {
  const { measure, version, plan, versions } = await visibleMeasure(deps.db, actor, measureId);
  const [all, names, timeline] = await Promise.all([
    repo.findMeasures(deps.db, actor.municipalityId, version.id),
    repo.organisationNames(deps.db, actor.municipalityId),
    repo.findTimeline(deps.db, actor.municipalityId, plan.id, measure.lineageId),
  ]);
  const rollup = rollUpPlan(
    all.map((row) => ({ id: row.id, parentId: row.parentId, area: row.area as never, status: row.status as never, progress: row.progress, weight: row.weight })),
    PLAN_AREA_CODES,
  );
  const children = all.filter((row) => row.parentId === measure.id && measureVisible(actor, row));
  const milestones = await repo.findMilestones(deps.db, actor.municipalityId, [measure.id, ...children.map((child) => child.id)]);
  const presentOne = (row: MeasureRow) => presentMeasure(row, names, milestones, rollup.measures.get(row.id) ?? row.progress, mayPostUpdate(actor, row, version.status));
  const presentedVersions = await summaries(deps.db, actor.municipalityId, versions);
  return {
    plan: { id: plan.id, title: plan.title },
    version: presentedVersions.find((candidate) => candidate.number === version.number) ?? presentVersion(version, null),
    measure: presentOne(measure),
    children: children.map(presentOne),
    editable: mayEdit(actor, version.status),
    timeline: timeline.map(presentTimeline),
  };
}

/** Posts a dated update on a measure of the version in force, optionally changing status, progress and milestones. */
export async function postUpdate(deps: Deps, actor: UserActor, measureId: string, body: MeasureUpdateBody): Promise<MeasureDetail> {
  const { measure, version, plan } = await visibleMeasure(deps.db, actor, measureId);
  // A partner may update only what its organisation owns; the rest is not theirs to touch.
  if (isPartnerScoped(actor) && measure.ownerOrganisationId !== actor.organisationId) throw notFound('The measure');
  const occurredOn = body.occurredOn ?? todayInNorway();
  if (occurredOn > todayInNorway()) throw fieldError('occurredOn', 'The date cannot be in the future.');
  const milestones = await repo.findMilestones(deps.db, actor.municipalityId, [measure.id]);
  const badMilestone = body.completedMilestoneIds.findIndex((id) => !milestones.some((milestone) => milestone.id === id));
  if (badMilestone >= 0) throw fieldError(`completedMilestoneIds.${badMilestone}`, 'No such milestone on this measure.');
  if (!mayPostUpdate(actor, measure, version.status)) throw new AppError('CONFLICT', 'Updates are posted on the adopted version in force.');
  const status = body.status ?? (measure.status as MeasureBody['status']);
  const progress = body.progress ?? (body.status ? progressForStatus(body.status, undefined, measure.progress) : measure.progress);
  await inTransaction(deps, async (tx) => {
    await repo.insertUpdate(tx, actor.municipalityId, {
      planId: plan.id,
      lineageId: measure.lineageId,
      measureId: measure.id,
      authorUserId: actor.userId,
      source: 'update',
      occurredOn,
      text: body.text,
      progressBefore: measure.progress,
      progressAfter: progress,
      statusBefore: measure.status,
      statusAfter: status,
    });
    if (progress !== measure.progress || status !== measure.status) await repo.updateMeasureRow(tx, actor.municipalityId, measure.id, { progress, status });
    await repo.markMilestonesDone(tx, actor.municipalityId, measure.id, body.completedMilestoneIds, occurredOn);
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'plan.measure.progress.posted',
      entityType: 'plan_measure',
      entityId: measure.id,
      details: { planId: plan.id, version: version.number, status: status !== measure.status ? status : null, progress: progress !== measure.progress ? progress : null, milestones: body.completedMilestoneIds.length },
    });
  });
  return getMeasure(deps, actor, measure.id);
}

/**
 * Records the completion of a meeting action item on a linked measure's timeline (called by
 * the cooperation module inside its transaction; the measure must exist in the municipality).
 */
export async function recordActionCompletion(tx: Database, municipalityId: string, input: { measureId: string; actionItemId: string; text: string; completedOn: string; userId: string }): Promise<void> {
  const measure = await repo.findMeasure(tx, municipalityId, input.measureId);
  if (!measure) return;
  const version = await repo.findVersionById(tx, municipalityId, measure.planVersionId);
  if (!version) return;
  await repo.insertUpdate(tx, municipalityId, {
    planId: version.planId,
    lineageId: measure.lineageId,
    measureId: measure.id,
    authorUserId: input.userId,
    source: 'meeting_action',
    actionItemId: input.actionItemId,
    occurredOn: input.completedOn,
    text: input.text,
  });
}

// ---------------------------------------------------------------- compare, deadlines

export async function compareVersions(deps: Deps, actor: UserActor, planId: string, from: number, to: number): Promise<PlanCompare> {
  const { versions } = await visiblePlan(deps.db, actor, planId);
  const older = versions.find((version) => version.number === from);
  const newer = versions.find((version) => version.number === to);
  if (!older || !newer) throw notFound('The plan version');
  const [a, b, names] = await Promise.all([
    repo.findMeasures(deps.db, actor.municipalityId, older.id),
    repo.findMeasures(deps.db, actor.municipalityId, newer.id),
    repo.organisationNames(deps.db, actor.municipalityId),
  ]);
  const seen = (rows: MeasureRow[]) => rows.filter((row) => measureVisible(actor, row));
  const byLineage = (rows: MeasureRow[]) => new Map(seen(rows).map((row) => [row.lineageId, row]));
  const left = byLineage(a);
  const right = byLineage(b);
  const allRows = new Map([...a, ...b].map((row) => [row.id, row]));
  const text = (row: MeasureRow, field: (typeof COMPARED_FIELDS)[number]): string | null => {
    const value = row[field];
    if (value === null || value === undefined) return null;
    if (field === 'ownerOrganisationId') return names.get(String(value))?.name ?? null;
    if (field === 'partnerOrganisationIds') return (value as string[]).map((id) => names.get(id)?.name ?? '').sort().join(', ');
    if (field === 'parentId') return allRows.get(String(value))?.title ?? null;
    return String(value);
  };
  const milestoneRows = await repo.findMilestones(deps.db, actor.municipalityId, [...left.values(), ...right.values()].map((row) => row.id));
  const milestonesText = (row: MeasureRow) =>
    milestoneRows
      .filter((milestone) => milestone.measureId === row.id)
      .map((milestone) => `${milestone.title} (${milestone.dueDate})`)
      .join('; ') || null;
  const brief = (row: MeasureRow) => ({ lineageId: row.lineageId, area: row.area as never, title: row.title });
  const definitionFields = COMPARED_FIELDS.filter((field) => field !== 'status' && field !== 'progress');
  return {
    from,
    to,
    added: [...right.values()].filter((row) => !left.has(row.lineageId)).map(brief),
    removed: [...left.values()].filter((row) => !right.has(row.lineageId)).map(brief),
    changed: [...right.values()].flatMap((row) => {
      const old = left.get(row.lineageId);
      if (!old) return [];
      const fields: { field: string; from: string | null; to: string | null }[] = definitionFields.flatMap((field) => {
        const before = text(old, field);
        const after = text(row, field);
        return before === after ? [] : [{ field, from: before, to: after }];
      });
      const mBefore = milestonesText(old);
      const mAfter = milestonesText(row);
      if (mBefore !== mAfter) fields.push({ field: 'milestones', from: mBefore, to: mAfter });
      return fields.length === 0 ? [] : [{ ...brief(row), fields }];
    }),
  };
}

export async function findDeadlines(deps: Deps, actor: UserActor, days: number): Promise<Deadlines> {
  const now = todayInNorway();
  const rows = await repo.findOpenDueMeasures(deps.db, actor.municipalityId, addDaysToDay(now, days), isPartnerScoped(actor) ? actor.organisationId : null);
  const names = await repo.organisationNames(deps.db, actor.municipalityId);
  const items = rows.map((row) => ({
    measureId: row.measure.id,
    planId: row.planId,
    planTitle: row.planTitle,
    versionNumber: row.versionNumber,
    area: row.measure.area as never,
    title: row.measure.title,
    dueDate: row.measure.dueDate ?? now,
    status: row.measure.status as never,
    progress: row.measure.progress,
    ownerOrganisation: row.measure.ownerOrganisationId ? { id: row.measure.ownerOrganisationId, name: names.get(row.measure.ownerOrganisationId)?.name ?? '' } : null,
  }));
  return { overdue: items.filter((item) => item.dueDate < now), dueSoon: items.filter((item) => item.dueDate >= now) };
}
