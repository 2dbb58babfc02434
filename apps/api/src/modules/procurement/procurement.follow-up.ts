import { fillProcurementText, procurementTexts } from '@lykt/content/procurement';
import type { CheckBody, CheckResultBody, Contract, FindingBody, FindingCategory, FindingConcernBody, FindingSeverity, FindingUpdateBody, ScreeningFacts } from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { prepareConcern, writeConcern } from '../concerns/concern.service';
import { insertSiteLink } from '../overview/overview.repository';
import { followChecks } from './procurement.plan-links';
import * as repo from './procurement.repository';
import { contractOrThrow, FIELD, fieldError, getContract, seal } from './procurement.service';

/** Plans a check (documentation request, site visit, review of a self-declaration). */
export async function planCheck(deps: Deps, actor: UserActor, contractId: string, body: CheckBody): Promise<Contract> {
  await contractOrThrow(deps, actor, contractId);
  await inTransaction(deps, async (tx) => {
    const check = await repo.insertCheck(tx, { municipalityId: actor.municipalityId, contractId, kind: body.kind, plannedOn: body.plannedOn, agencies: [...new Set(body.agencies)], createdByUserId: actor.userId });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'procurement.check.planned', entityType: 'procurement_contract', entityId: contractId, details: { checkId: check.id, kind: body.kind, agencies: check.agencies } });
    await followChecks(tx, actor.municipalityId, contractId);
  });
  return getContract(deps, actor, contractId, { audit: false });
}

/** Records what a check saw (kinds of documents, never their content), by whom, and the outcome. */
export async function recordCheck(deps: Deps, actor: UserActor, contractId: string, checkId: string, body: CheckResultBody): Promise<Contract> {
  await contractOrThrow(deps, actor, contractId);
  const check = await repo.findCheck(deps.db, actor.municipalityId, contractId, checkId);
  if (!check) throw notFound('The check');
  const observationsEnc = await seal(deps, actor.municipalityId, FIELD.observations, body.observations);
  await inTransaction(deps, async (tx) => {
    await repo.updateCheckRow(tx, actor.municipalityId, checkId, {
      doneOn: body.doneOn,
      agencies: [...new Set(body.agencies)],
      documentsSeen: [...new Set(body.documentsSeen)],
      outcome: body.outcome,
      observationsEnc,
      doneByUserId: actor.userId,
    });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'procurement.check.recorded',
      entityType: 'procurement_contract',
      entityId: contractId,
      details: { checkId, outcome: body.outcome, documentsSeen: body.documentsSeen, observations: observationsEnc !== null },
    });
    await followChecks(tx, actor.municipalityId, contractId);
  });
  return getContract(deps, actor, contractId, { audit: false });
}

export async function createFinding(deps: Deps, actor: UserActor, contractId: string, body: FindingBody): Promise<Contract> {
  await contractOrThrow(deps, actor, contractId);
  const check = await repo.findCheck(deps.db, actor.municipalityId, contractId, body.checkId);
  if (!check) throw fieldError('checkId', 'No check with this id in the contract.');
  if (check.doneOn === null) throw new AppError('CONFLICT', 'Record the check as done before adding what it found.');
  const descriptionEnc = await seal(deps, actor.municipalityId, FIELD.findingDescription, body.description);
  await inTransaction(deps, async (tx) => {
    const finding = await repo.insertFinding(tx, {
      municipalityId: actor.municipalityId,
      contractId,
      checkId: body.checkId,
      severity: body.severity,
      category: body.category,
      descriptionEnc,
      deadlineOn: body.deadlineOn,
      sanction: body.sanction,
      createdByUserId: actor.userId,
    });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'procurement.finding.created',
      entityType: 'procurement_contract',
      entityId: contractId,
      details: { findingId: finding.id, severity: body.severity, category: body.category, sanction: body.sanction },
    });
  });
  return getContract(deps, actor, contractId, { audit: false });
}

/** Sets the deadline and sanction, or closes the finding with a note. */
export async function updateFinding(deps: Deps, actor: UserActor, contractId: string, findingId: string, body: FindingUpdateBody): Promise<Contract> {
  await contractOrThrow(deps, actor, contractId);
  const finding = await repo.findFinding(deps.db, actor.municipalityId, contractId, findingId);
  if (!finding) throw notFound('The finding');
  if (finding.status === 'closed') throw new AppError('CONFLICT', 'The finding is closed.');
  const noteEnc = body.close ? await seal(deps, actor.municipalityId, FIELD.findingClosingNote, body.closingNote) : null;
  await inTransaction(deps, async (tx) => {
    await repo.updateFindingRow(tx, actor.municipalityId, findingId, {
      deadlineOn: body.deadlineOn,
      sanction: body.sanction,
      ...(body.close ? { status: 'closed', closedAt: new Date(), closingNoteEnc: noteEnc } : {}),
    });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'procurement.finding.updated',
      entityType: 'procurement_contract',
      entityId: contractId,
      details: { findingId, sanction: body.sanction, deadlineOn: body.deadlineOn, closed: body.close },
    });
  });
  return getContract(deps, actor, contractId, { audit: false });
}

const SECTOR_OF_ISIC: Partial<Record<string, ScreeningFacts['sector']>> = {
  A: 'agriculture',
  F: 'construction',
  H: 'transport',
  I: 'restaurant',
  N: 'cleaning',
  T: 'domestic_work',
};

/**
 * A finding with signs of trafficking starts a concern in one step, through the concerns module (its own
 * rules, encryption and audit). The concern carries the contract, the supplier and the site, and coded
 * facts set to "unknown": no worker's personal data is copied, because the procurement module holds none.
 * The concern, its link to the site, the finding's update and all audit events are written in one
 * transaction: together or not at all (encryption happens before it, writing nothing).
 */
export async function startConcernFromFinding(deps: Deps, actor: UserActor, contractId: string, findingId: string, body: FindingConcernBody, lang: 'nb' | 'en'): Promise<Contract> {
  const { contract, supplier } = await contractOrThrow(deps, actor, contractId);
  const finding = await repo.findFinding(deps.db, actor.municipalityId, contractId, findingId);
  if (!finding) throw notFound('The finding');
  if (finding.concernId) throw new AppError('CONFLICT', 'This finding has already started a concern.');
  const lead = fillProcurementText(procurementTexts.concernNote[lang], {
    contract: contract.title,
    supplier: supplier.name,
    org: supplier.orgNumber ? ` (${supplier.orgNumber})` : '',
    category: procurementTexts.categories[lang][finding.category as FindingCategory],
    severity: procurementTexts.severities[lang][finding.severity as FindingSeverity],
  });
  const prepared = await prepareConcern(deps, actor, {
    screeningId: null,
    context: 'inspection',
    suspectedForms: [...new Set(body.suspectedForms)],
    facts: {
      ageBand: 'unknown',
      possibleMinor: false,
      gender: 'unknown',
      nationality: null,
      sector: SECTOR_OF_ISIC[contract.isicSection] ?? 'other',
      placeKind: 'workplace',
      immediateDanger: body.immediateDanger,
      wantsHelp: 'unknown',
    },
    note: body.note ? `${lead}\n\n${body.note}` : lead,
    reporterContact: null,
    person: null,
  });
  await inTransaction(deps, async (tx) => {
    const concern = await writeConcern(deps, tx, actor, prepared);
    if (!(await repo.claimFindingForConcern(tx, actor.municipalityId, findingId, concern.id))) throw new AppError('CONFLICT', 'This finding has already started a concern.');
    if (contract.siteId) {
      await insertSiteLink(tx, { municipalityId: actor.municipalityId, siteId: contract.siteId, targetKind: 'concern', targetId: concern.id, createdByUserId: actor.userId });
      await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'overview.site.linked', entityType: 'map_site', entityId: contract.siteId, details: { targetKind: 'concern', targetId: concern.id, procurementFindingId: findingId } });
    }
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'procurement.finding.concern_started',
      entityType: 'procurement_contract',
      entityId: contractId,
      details: { findingId, concernId: concern.id, supplierId: supplier.id, siteId: contract.siteId },
    });
  });
  return getContract(deps, actor, contractId, { audit: false });
}
