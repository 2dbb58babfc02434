import { routineTexts, trainingModule } from '@lykt/content/knowledge';
import type { ArticleLang, OrganisationKind, PlanLink, PlanLinkBody } from '@lykt/shared';
import { todayInNorway } from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import { runWithContext, type UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { schema, type Database } from '@lykt/db';
import { insertUpdate, updateMeasureRow } from '../plans/plans.repository';
import { postUpdate } from '../plans/plans.service';
import { computeCoverage } from './training.coverage';
import { audienceOf, moduleOrThrow, targetProgress } from './training.logic';
import * as repo from './training.repository';

const fieldError = (field: string, message: string) => new AppError('VALIDATION_ERROR', message, [{ field, message }]);

type Measures = Awaited<ReturnType<typeof repo.findMeasuresByLineage>>;

/** The measure of a lineage in the version in force (adopted), else the newest version's. */
function currentMeasure(measures: Measures, lineageId: string) {
  const rows = measures.filter((row) => row.lineageId === lineageId);
  return rows.find((row) => row.versionStatus === 'adopted') ?? rows[0] ?? null;
}

async function presentLinks(deps: Deps, actor: UserActor, rows: repo.PlanLinkRow[], lang: ArticleLang): Promise<PlanLink[]> {
  const [staff, measures] = await Promise.all([repo.findStaff(deps.db, actor.municipalityId), repo.findMeasuresByLineage(deps.db, actor.municipalityId, rows.map((row) => row.measureLineageId))]);
  const today = todayInNorway();
  const completionsByModule = new Map<string, repo.CompletionRow[]>();
  for (const key of new Set(rows.map((row) => row.moduleKey))) completionsByModule.set(key, await repo.findCompletions(deps.db, actor.municipalityId, { moduleKey: key }));
  return rows.map((row) => {
    const module = trainingModule(row.moduleKey);
    const audience = module ? audienceOf(staff, module, row.organisationKinds) : [];
    const coverage = computeCoverage(audience, completionsByModule.get(row.moduleKey) ?? [], today).total;
    return {
      id: row.id,
      planId: row.planId,
      measureLineageId: row.measureLineageId,
      measureTitle: currentMeasure(measures, row.measureLineageId)?.title ?? null,
      moduleKey: row.moduleKey,
      moduleTitle: module?.title[lang] ?? row.moduleKey,
      organisationKinds: row.organisationKinds as OrganisationKind[],
      targetShare: row.targetShare,
      targetDate: row.targetDate,
      coverage,
      progress: targetProgress(coverage.share, row.targetShare),
      lastAppliedAt: row.lastAppliedAt?.toISOString() ?? null,
    };
  });
}

export async function findPlanLinks(deps: Deps, actor: UserActor, lang: ArticleLang): Promise<{ items: PlanLink[] }> {
  return { items: await presentLinks(deps, actor, await repo.findPlanLinks(deps.db, actor.municipalityId), lang) };
}

async function presentOne(deps: Deps, actor: UserActor, linkId: string, lang: ArticleLang): Promise<PlanLink> {
  const row = await repo.findPlanLink(deps.db, actor.municipalityId, linkId);
  if (!row) throw notFound('The plan link');
  const [link] = await presentLinks(deps, actor, [row], lang);
  if (!link) throw notFound('The plan link');
  return link;
}

/** Links a plan measure to a module and a target share by a date. */
export async function createPlanLink(deps: Deps, actor: UserActor, body: PlanLinkBody, lang: ArticleLang): Promise<PlanLink> {
  moduleOrThrow(body.moduleKey);
  const measure = await repo.findMeasureWithVersion(deps.db, actor.municipalityId, body.measureId);
  if (!measure) throw fieldError('measureId', 'No measure with this id in the municipality.');
  const existing = (await repo.findPlanLinks(deps.db, actor.municipalityId)).find((row) => row.measureLineageId === measure.lineageId && row.moduleKey === body.moduleKey);
  if (existing) throw new AppError('CONFLICT', 'This measure is already linked to this module.');
  const row = await inTransaction(deps, async (tx) => {
    const created = await repo.insertPlanLink(tx, actor.municipalityId, {
      planId: measure.planId,
      measureLineageId: measure.lineageId,
      moduleKey: body.moduleKey,
      organisationKinds: [...new Set(body.organisationKinds)],
      targetShare: body.targetShare,
      targetDate: body.targetDate,
      createdByUserId: actor.userId,
    });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'training.plan_link.created',
      entityType: 'training_plan_link',
      entityId: created.id,
      details: { measureId: measure.id, moduleKey: body.moduleKey, targetShare: body.targetShare, targetDate: body.targetDate },
    });
    return created;
  });
  return presentOne(deps, actor, row.id, lang);
}

export async function deletePlanLink(deps: Deps, actor: UserActor, linkId: string): Promise<{ ok: true }> {
  const row = await repo.findPlanLink(deps.db, actor.municipalityId, linkId);
  if (!row) throw notFound('The plan link');
  await inTransaction(deps, async (tx) => {
    await repo.deletePlanLink(tx, actor.municipalityId, linkId);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'training.plan_link.deleted', entityType: 'training_plan_link', entityId: linkId, details: { moduleKey: row.moduleKey } });
  });
  return { ok: true };
}

/**
 * Sets the linked measure's progress from the coverage: posts a dated update on the measure of
 * the version in force through the plans module (which audits it as a progress update), then
 * records that the link was applied.
 */
export async function applyPlanLink(deps: Deps, actor: UserActor, linkId: string, lang: ArticleLang): Promise<PlanLink> {
  const link = await presentOne(deps, actor, linkId, lang);
  const measures = await repo.findMeasuresByLineage(deps.db, actor.municipalityId, [link.measureLineageId]);
  const measure = measures.find((row) => row.versionStatus === 'adopted');
  if (!measure) throw new AppError('CONFLICT', 'The measure is not in an adopted plan version; progress is posted on the version in force.');
  const text = updateText(link, lang);
  await postUpdate(deps, actor, measure.id, { text, progress: link.progress, completedMilestoneIds: [] });
  await inTransaction(deps, async (tx) => {
    await repo.markPlanLinkApplied(tx, actor.municipalityId, linkId);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'training.plan_link.applied', entityType: 'training_plan_link', entityId: linkId, details: { measureId: measure.id, progress: link.progress, share: link.coverage.share } });
  });
  return presentOne(deps, actor, linkId, lang);
}

/** The text of a measure update posted from a training target. */
function updateText(link: Pick<PlanLink, 'moduleTitle' | 'coverage' | 'targetShare' | 'targetDate'>, lang: ArticleLang): string {
  const values: Record<string, string> = {
    module: link.moduleTitle,
    share: link.coverage.share === null ? '–' : String(link.coverage.share),
    trained: String(link.coverage.trained ?? 0),
    staff: String(link.coverage.staff),
    target: String(link.targetShare),
    date: link.targetDate,
  };
  return routineTexts().planUpdate[lang].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * Lets linked measures follow the coverage automatically: called inside the transaction that
 * records a completion. For every link of the module whose measure is in an adopted version and
 * whose progress would change, it sets the measure's progress and adds a dated entry to its
 * timeline (no author: the system posted it), audited as `training.plan_link.applied`.
 */
export async function followCoverage(tx: Database, municipalityId: string, moduleKey: string, lang: ArticleLang): Promise<number> {
  const rows = (await repo.findPlanLinks(tx, municipalityId)).filter((row) => row.moduleKey === moduleKey);
  const module = trainingModule(moduleKey);
  if (rows.length === 0 || !module) return 0;
  const [staff, completions, measures] = await Promise.all([
    repo.findStaff(tx, municipalityId),
    repo.findCompletions(tx, municipalityId, { moduleKey }),
    repo.findMeasuresByLineage(tx, municipalityId, rows.map((row) => row.measureLineageId)),
  ]);
  let changed = 0;
  for (const row of rows) {
    const measure = measures.find((candidate) => candidate.lineageId === row.measureLineageId && candidate.versionStatus === 'adopted');
    if (!measure) continue;
    const coverage = computeCoverage(audienceOf(staff, module, row.organisationKinds), completions, todayInNorway()).total;
    const progress = targetProgress(coverage.share, row.targetShare);
    if (progress === measure.progress) continue;
    const text = updateText({ moduleTitle: module.title[lang], coverage, targetShare: row.targetShare, targetDate: row.targetDate }, lang);
    await insertUpdate(tx, municipalityId, {
      planId: measure.planId,
      lineageId: measure.lineageId,
      measureId: measure.id,
      authorUserId: null,
      source: 'update',
      occurredOn: todayInNorway(),
      text,
      progressBefore: measure.progress,
      progressAfter: progress,
      statusBefore: measure.status,
      statusAfter: measure.status,
    });
    await updateMeasureRow(tx, municipalityId, measure.id, { progress });
    await repo.markPlanLinkApplied(tx, municipalityId, row.id);
    await recordAudit(tx, { municipalityId, action: 'training.plan_link.applied', entityType: 'training_plan_link', entityId: row.id, details: { measureId: measure.id, progress, share: coverage.share, automatic: true } });
    changed += 1;
  }
  return changed;
}

/**
 * The nightly run: coverage also falls when certificates pass their refresh date, with nobody
 * completing anything, so every linked measure of every municipality is brought in line once a
 * day (and at start). Same rules, timeline entries and audit events as followCoverage.
 */
export async function followCoverageEverywhere(deps: Deps): Promise<number> {
  return runWithContext({ requestId: null, actor: { kind: 'system', label: 'training-coverage' } }, async () => {
    let changed = 0;
    const municipalities = await deps.db.select({ id: schema.municipality.id, settings: schema.municipality.settings }).from(schema.municipality);
    for (const municipality of municipalities) {
      const lang: ArticleLang = municipality.settings.defaultLanguage === 'en' ? 'en' : 'nb';
      const moduleKeys = new Set((await repo.findPlanLinks(deps.db, municipality.id)).map((row) => row.moduleKey));
      for (const moduleKey of moduleKeys) changed += await inTransaction(deps, (tx) => followCoverage(tx, municipality.id, moduleKey, lang));
    }
    return changed;
  });
}
