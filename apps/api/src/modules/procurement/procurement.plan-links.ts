import { fillProcurementText, procurementTexts } from '@lykt/content/procurement';
import type { Database } from '@lykt/db';
import type { Contract, ProcurementMeasure } from '@lykt/shared';
import { todayInNorway } from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { insertUpdate, updateMeasureRow } from '../plans/plans.repository';
import { findMeasuresByLineage } from '../training/training.repository';
import * as repo from './procurement.repository';
import { contractOrThrow, fieldError, getContract } from './procurement.service';

/** The plan area measures in procurement belong to. */
export const PROCUREMENT_AREA = 'H';

/** Progress of a measure from its contracts' checks: done against planned, in whole per cent. */
export function checksProgress(planned: number, done: number): number {
  return planned === 0 ? 0 : Math.round((done / planned) * 100);
}

/**
 * Lets the measures linked to a contract follow its checks: called inside the transaction that plans or
 * records a check. For each linked measure in an adopted plan version whose progress would change, it
 * sets the progress from all its linked contracts' checks and adds a dated, authorless timeline entry.
 */
export async function followChecks(tx: Database, municipalityId: string, contractId: string): Promise<number> {
  const lineages = await repo.linksOfContract(tx, municipalityId, contractId);
  if (lineages.length === 0) return 0;
  const measures = await findMeasuresByLineage(tx, municipalityId, lineages);
  const lang = await repo.municipalityLanguage(tx, municipalityId);
  let changed = 0;
  for (const lineage of lineages) {
    const measure = measures.find((row) => row.lineageId === lineage && row.versionStatus === 'adopted');
    if (!measure) continue;
    const checks = await repo.listChecks(tx, municipalityId, await repo.contractsOfLineage(tx, municipalityId, lineage));
    const planned = checks.length;
    const done = checks.filter((check) => check.doneOn !== null).length;
    const progress = checksProgress(planned, done);
    if (progress === measure.progress) continue;
    await insertUpdate(tx, municipalityId, {
      planId: measure.planId,
      lineageId: measure.lineageId,
      measureId: measure.id,
      authorUserId: null,
      source: 'update',
      occurredOn: todayInNorway(),
      text: fillProcurementText(procurementTexts.planUpdate[lang], { done, planned }),
      progressBefore: measure.progress,
      progressAfter: progress,
      statusBefore: measure.status,
      statusAfter: measure.status,
    });
    await updateMeasureRow(tx, municipalityId, measure.id, { progress });
    await recordAudit(tx, { municipalityId, action: 'procurement.measure.progress_synced', entityType: 'plan_measure', entityId: measure.id, details: { planned, done, progress } });
    changed += 1;
  }
  return changed;
}

/** Links a measure of plan area H to a contract; its progress then follows the checks. */
export async function linkMeasure(deps: Deps, actor: UserActor, contractId: string, measureId: string): Promise<Contract> {
  await contractOrThrow(deps, actor, contractId);
  const measure = await repo.findMeasureForLink(deps.db, actor.municipalityId, measureId);
  if (!measure) throw fieldError('measureId', 'No measure with this id in the municipality.');
  if (measure.area !== PROCUREMENT_AREA) throw fieldError('measureId', 'Only measures in the plan area for procurement (H) can follow contract checks.');
  await inTransaction(deps, async (tx) => {
    await repo.insertLink(tx, { municipalityId: actor.municipalityId, measureLineageId: measure.lineageId, contractId, createdByUserId: actor.userId });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'procurement.measure.linked', entityType: 'procurement_contract', entityId: contractId, details: { measureId } });
    await followChecks(tx, actor.municipalityId, contractId);
  });
  return getContract(deps, actor, contractId, { audit: false });
}

export async function unlinkMeasure(deps: Deps, actor: UserActor, contractId: string, measureId: string): Promise<Contract> {
  await contractOrThrow(deps, actor, contractId);
  const measure = await repo.findMeasureForLink(deps.db, actor.municipalityId, measureId);
  if (!measure) throw notFound('The measure');
  await inTransaction(deps, async (tx) => {
    if (!(await repo.deleteLink(tx, actor.municipalityId, contractId, measure.lineageId))) throw notFound('The link');
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'procurement.measure.unlinked', entityType: 'procurement_contract', entityId: contractId, details: { measureId } });
  });
  return getContract(deps, actor, contractId, { audit: false });
}

/** The measures of area H in adopted plan versions, each with its linked contracts and their checks done against planned. */
export async function listProcurementMeasures(deps: Deps, actor: UserActor): Promise<{ items: ProcurementMeasure[] }> {
  const measures = await repo.adoptedMeasuresOfArea(deps.db, actor.municipalityId, PROCUREMENT_AREA);
  const links = await repo.linksOfLineages(deps.db, actor.municipalityId, [...new Set(measures.map((measure) => measure.lineageId))]);
  const checks = await repo.listChecks(deps.db, actor.municipalityId, [...new Set(links.map((link) => link.contractId))]);
  return {
    items: measures.map((measure) => {
      const contracts = links.filter((link) => link.lineageId === measure.lineageId).map((link) => ({ id: link.contractId, title: link.title }));
      const ids = new Set(contracts.map((contract) => contract.id));
      const own = checks.filter((check) => ids.has(check.contractId));
      return { id: measure.id, title: measure.title, planTitle: measure.planTitle, progress: measure.progress, checksPlanned: own.length, checksDone: own.filter((check) => check.doneOn !== null).length, contracts };
    }),
  };
}
