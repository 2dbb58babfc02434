import { defaultTemplateItems } from '@lykt/content/procurement';
import {
  TemplateItemSchema,
  type ContractBody,
  type Contract,
  type ContractSummary,
  type ProcurementRiskLevel,
  type RiskOverrideBody,
  type SubcontractorBody,
  type TemplateBody,
  type TemplateItem,
} from '@lykt/shared';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { userNames } from '../overview/overview.repository';
import { mayWriteProcurement } from './procurement.policy';
import { computeRisk } from './procurement.risk';
import { presentCheck, presentDeclaration, presentFinding } from './procurement.presenter';
import * as repo from './procurement.repository';
import { findMeasuresByLineage } from '../training/training.repository';
import { localDate } from '../reports/period';

/** Encrypted fields and the names their ciphertexts are bound to. */
export const FIELD = {
  riskReason: 'procurement_contract.risk_reason',
  closingNote: 'procurement_contract.closing_note',
  observations: 'procurement_check.observations',
  findingDescription: 'procurement_finding.description',
  findingClosingNote: 'procurement_finding.closing_note',
  declarationComment: 'procurement_declaration.comment',
} as const;

export const fieldError = (field: string, message: string) => new AppError('VALIDATION_ERROR', `Check the field "${field}": ${message}`, [{ field, message }]);

export async function seal(deps: Deps, municipalityId: string, field: string, value: string): Promise<string | null> {
  return value === '' ? null : deps.keyring.encrypt(deps.db, municipalityId, field, value);
}

export async function open(deps: Deps, municipalityId: string, field: string, value: string | null): Promise<string> {
  return value === null ? '' : deps.keyring.decrypt(deps.db, municipalityId, field, value);
}

/** The municipality's template, or the shipped one in its default language. */
async function templateItems(deps: Deps, municipalityId: string, lang: 'nb' | 'en'): Promise<{ items: TemplateItem[]; isDefault: boolean; updatedAt: string | null }> {
  const row = await repo.findTemplate(deps.db, municipalityId);
  if (!row) return { items: defaultTemplateItems(lang), isDefault: true, updatedAt: null };
  return { items: z.array(TemplateItemSchema).parse(row.items), isDefault: false, updatedAt: row.updatedAt.toISOString() };
}

export async function getTemplate(deps: Deps, actor: UserActor, lang: 'nb' | 'en') {
  return templateItems(deps, actor.municipalityId, lang);
}

/** Replaces the municipality's template; contracts registered before keep their checklist. */
export async function updateTemplate(deps: Deps, actor: UserActor, body: TemplateBody, lang: 'nb' | 'en') {
  await inTransaction(deps, async (tx) => {
    await repo.upsertTemplate(tx, actor.municipalityId, body.items, actor.userId);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'procurement.template.updated', entityType: 'procurement_template', entityId: actor.municipalityId, details: { items: body.items.length } });
  });
  return templateItems(deps, actor.municipalityId, lang);
}

async function assertSite(deps: Deps, municipalityId: string, siteId: string | null): Promise<void> {
  if (siteId && !(await repo.findSiteRisk(deps.db, municipalityId, siteId))) throw fieldError('siteId', 'No site with this id on the situation map.');
}

/** The columns a contract body sets, on registration and on change alike. */
function contractValues(body: ContractBody, supplierId: string) {
  return {
    title: body.title,
    supplierId,
    isicSection: body.isicSection,
    productCategory: body.productCategory,
    valueNok: body.valueNok,
    startsOn: body.startsOn,
    endsOn: body.endsOn,
    responsibleUnit: body.responsibleUnit,
    siteId: body.siteId,
  };
}

/** Registers a contract with its supplier, and its checklist from the template (only requirements that apply to its sector). */
export async function createContract(deps: Deps, actor: UserActor, body: ContractBody, lang: 'nb' | 'en'): Promise<Contract> {
  await assertSite(deps, actor.municipalityId, body.siteId);
  const { items } = await templateItems(deps, actor.municipalityId, lang);
  const applying = items.filter((item) => item.appliesTo.length === 0 || item.appliesTo.includes(body.isicSection));
  const row = await inTransaction(deps, async (tx) => {
    const supplier = await repo.findOrCreateSupplier(tx, actor.municipalityId, body.supplier);
    const contract = await repo.insertContract(tx, { ...contractValues(body, supplier.id), municipalityId: actor.municipalityId, createdByUserId: actor.userId });
    await repo.insertRequirements(
      tx,
      applying.map((item, position) => ({ municipalityId: actor.municipalityId, contractId: contract.id, key: item.key, kind: item.kind, title: item.title, position })),
    );
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'procurement.contract.created',
      entityType: 'procurement_contract',
      entityId: contract.id,
      details: { isicSection: body.isicSection, productCategory: body.productCategory, requirements: applying.length, siteId: body.siteId },
    });
    return contract;
  });
  return getContract(deps, actor, row.id, { audit: false });
}

export async function updateContract(deps: Deps, actor: UserActor, id: string, body: ContractBody): Promise<Contract> {
  await contractOrThrow(deps, actor, id);
  await assertSite(deps, actor.municipalityId, body.siteId);
  await inTransaction(deps, async (tx) => {
    const supplier = await repo.findOrCreateSupplier(tx, actor.municipalityId, body.supplier);
    await repo.updateContractRow(tx, actor.municipalityId, id, contractValues(body, supplier.id));
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'procurement.contract.updated', entityType: 'procurement_contract', entityId: id, details: { isicSection: body.isicSection, siteId: body.siteId } });
  });
  return getContract(deps, actor, id, { audit: false });
}

export async function contractOrThrow(deps: Deps, actor: UserActor, id: string) {
  const found = await repo.findContract(deps.db, actor.municipalityId, id);
  if (!found) throw notFound('The contract');
  return found;
}

async function riskOf(deps: Deps, municipalityId: string, contract: repo.ContractRow, deepestTier: number) {
  const site = contract.siteId ? await repo.findSiteRisk(deps.db, municipalityId, contract.siteId) : null;
  const earlier = await repo.earlierFindings(deps.db, municipalityId, contract.supplierId, contract.id);
  return { site, ...computeRisk({ isicSection: contract.isicSection, productCategory: contract.productCategory, site, earlierFindings: earlier, deepestTier }) };
}

const levelInForce = (contract: repo.ContractRow, computed: ProcurementRiskLevel): ProcurementRiskLevel => (contract.riskOverride as ProcurementRiskLevel | null) ?? computed;

/** Every contract of the municipality with its risk and follow-up counts (no free text). */
export async function findContracts(deps: Deps, actor: UserActor): Promise<{ items: ContractSummary[]; canWrite: boolean }> {
  const rows = await repo.listContracts(deps.db, actor.municipalityId);
  const counts = await repo.contractCounts(deps.db, actor.municipalityId);
  const items = await Promise.all(
    rows.map(async ({ contract, supplier }) => {
      const subs = await repo.listSubcontractors(deps.db, actor.municipalityId, contract.id);
      const risk = await riskOf(deps, actor.municipalityId, contract, Math.max(0, ...subs.map((sub) => sub.tier)));
      const count = counts.get(contract.id) ?? { planned: 0, done: 0, openFindings: 0 };
      return presentSummary(contract, supplier, risk.level, count);
    }),
  );
  return { items, canWrite: mayWriteProcurement(actor) };
}

function presentSummary(contract: repo.ContractRow, supplier: repo.SupplierRow, computed: ProcurementRiskLevel, count: { planned: number; done: number; openFindings: number }): ContractSummary {
  return {
    id: contract.id,
    title: contract.title,
    supplierName: supplier.name,
    isicSection: contract.isicSection as ContractSummary['isicSection'],
    productCategory: contract.productCategory,
    valueNok: contract.valueNok,
    startsOn: contract.startsOn,
    endsOn: contract.endsOn,
    responsibleUnit: contract.responsibleUnit,
    status: contract.status as ContractSummary['status'],
    riskLevel: levelInForce(contract, computed),
    computedRisk: computed,
    checksPlanned: count.planned,
    checksDone: count.done,
    openFindings: count.openFindings,
  };
}

/** One contract with its chain, checklist, checks, findings and declarations; free text decrypted, the read audited. */
export async function getContract(deps: Deps, actor: UserActor, id: string, options: { audit: boolean } = { audit: true }): Promise<Contract> {
  const { contract, supplier } = await contractOrThrow(deps, actor, id);
  const m = actor.municipalityId;
  const [subs, requirements, checks, findings, declarations, lineages] = await Promise.all([
    repo.listSubcontractors(deps.db, m, id),
    repo.listRequirements(deps.db, m, id),
    repo.listChecks(deps.db, m, [id]),
    repo.listFindings(deps.db, m, id),
    repo.listDeclarations(deps.db, m, id),
    repo.linksOfContract(deps.db, m, id),
  ]);
  const risk = await riskOf(deps, m, contract, Math.max(0, ...subs.map((sub) => sub.tier)));
  const names = await userNames(deps.db, m, [contract.riskOverrideByUserId, ...checks.map((check) => check.doneByUserId)]);
  const measures = await findMeasuresByLineage(deps.db, m, lineages);
  const measureIds = lineages.map((lineage) => measures.find((row) => row.lineageId === lineage)?.id).filter((value): value is string => value !== undefined);
  const today = localDate(new Date());
  const result: Contract = {
    ...presentSummary(contract, supplier, risk.level, {
      planned: checks.length,
      done: checks.filter((check) => check.doneOn !== null).length,
      openFindings: findings.filter((finding) => finding.status === 'open').length,
    }),
    supplier: { id: supplier.id, name: supplier.name, orgNumber: supplier.orgNumber },
    siteId: contract.siteId,
    siteName: risk.site?.name ?? null,
    riskReasons: risk.reasons,
    riskOverride:
      contract.riskOverride && contract.riskOverrideAt
        ? {
            level: contract.riskOverride as ProcurementRiskLevel,
            reason: await open(deps, m, FIELD.riskReason, contract.riskReasonEnc),
            by: contract.riskOverrideByUserId ? (names.get(contract.riskOverrideByUserId) ?? null) : null,
            at: contract.riskOverrideAt.toISOString(),
          }
        : null,
    closingNote: await open(deps, m, FIELD.closingNote, contract.closingNoteEnc),
    subcontractors: subs.map((sub) => ({ id: sub.id, name: sub.name, orgNumber: sub.orgNumber, parentId: sub.parentId, tier: sub.tier, fromDeclaration: sub.declarationId !== null })),
    requirements: requirements.map((row) => ({ id: row.id, key: row.key, kind: row.kind as Contract['requirements'][number]['kind'], title: row.title, status: row.status as Contract['requirements'][number]['status'] })),
    checks: await Promise.all(checks.map(async (check) => presentCheck(check, await open(deps, m, FIELD.observations, check.observationsEnc), names))),
    findings: await Promise.all(
      findings.map(async (finding) =>
        presentFinding(finding, await open(deps, m, FIELD.findingDescription, finding.descriptionEnc), await open(deps, m, FIELD.findingClosingNote, finding.closingNoteEnc), today),
      ),
    ),
    declarations: await Promise.all(declarations.map(async (row) => presentDeclaration(row, await openComment(deps, m, row)))),
    measureIds,
    canWrite: mayWriteProcurement(actor),
  };
  if (options.audit) {
    await inTransaction(deps, (tx) => recordAudit(tx, { municipalityId: m, action: 'procurement.contract.viewed', entityType: 'procurement_contract', entityId: id }));
  }
  return result;
}

async function openComment(deps: Deps, municipalityId: string, row: repo.DeclarationRow): Promise<string> {
  const enc = row.submission && typeof row.submission === 'object' ? (row.submission as { commentEnc?: unknown }).commentEnc : undefined;
  return typeof enc === 'string' ? open(deps, municipalityId, FIELD.declarationComment, enc) : '';
}

/** A person sets (or clears) the level with a reason; audited with the computed level beside it. */
export async function overrideRisk(deps: Deps, actor: UserActor, id: string, body: RiskOverrideBody): Promise<Contract> {
  const { contract } = await contractOrThrow(deps, actor, id);
  const subs = await repo.listSubcontractors(deps.db, actor.municipalityId, id);
  const computed = (await riskOf(deps, actor.municipalityId, contract, Math.max(0, ...subs.map((sub) => sub.tier)))).level;
  const reasonEnc = body.level === null ? null : await seal(deps, actor.municipalityId, FIELD.riskReason, body.reason);
  await inTransaction(deps, async (tx) => {
    await repo.updateContractRow(tx, actor.municipalityId, id, {
      riskOverride: body.level,
      riskReasonEnc: reasonEnc,
      riskOverrideByUserId: body.level === null ? null : actor.userId,
      riskOverrideAt: body.level === null ? null : new Date(),
    });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'procurement.risk.overridden',
      entityType: 'procurement_contract',
      entityId: id,
      details: { computed, before: contract.riskOverride, after: body.level, reason: body.level !== null },
    });
  });
  return getContract(deps, actor, id, { audit: false });
}

export async function closeContract(deps: Deps, actor: UserActor, id: string, note: string): Promise<Contract> {
  const { contract } = await contractOrThrow(deps, actor, id);
  if (contract.status === 'closed') throw new AppError('CONFLICT', 'The contract is already closed.');
  const noteEnc = await seal(deps, actor.municipalityId, FIELD.closingNote, note);
  await inTransaction(deps, async (tx) => {
    await repo.updateContractRow(tx, actor.municipalityId, id, { status: 'closed', closedAt: new Date(), closingNoteEnc: noteEnc });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'procurement.contract.closed', entityType: 'procurement_contract', entityId: id, details: { note: noteEnc !== null } });
  });
  return getContract(deps, actor, id, { audit: false });
}

/** Adds a subcontractor under the supplier (tier 1) or under another subcontractor (its tier + 1). */
export async function addSubcontractor(deps: Deps, actor: UserActor, id: string, body: SubcontractorBody): Promise<Contract> {
  await contractOrThrow(deps, actor, id);
  const subs = await repo.listSubcontractors(deps.db, actor.municipalityId, id);
  const parent = body.parentId ? subs.find((sub) => sub.id === body.parentId) : null;
  if (body.parentId && !parent) throw fieldError('parentId', 'No subcontractor with this id in the contract.');
  const tier = parent ? parent.tier + 1 : 1;
  if (tier > 6) throw fieldError('parentId', 'A chain deeper than six tiers cannot be recorded.');
  await inTransaction(deps, async (tx) => {
    const [row] = await repo.insertSubcontractors(tx, [{ municipalityId: actor.municipalityId, contractId: id, parentId: parent?.id ?? null, name: body.name, orgNumber: body.orgNumber, tier }]);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'procurement.subcontractor.added', entityType: 'procurement_contract', entityId: id, details: { subcontractorId: row?.id ?? null, tier } });
  });
  return getContract(deps, actor, id, { audit: false });
}

/** Removes a subcontractor and everyone under it in the chain. */
export async function removeSubcontractor(deps: Deps, actor: UserActor, id: string, subId: string): Promise<Contract> {
  await contractOrThrow(deps, actor, id);
  const subs = await repo.listSubcontractors(deps.db, actor.municipalityId, id);
  if (!subs.some((sub) => sub.id === subId)) throw notFound('The subcontractor');
  const removed = new Set([subId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const sub of subs) {
      if (sub.parentId && removed.has(sub.parentId) && !removed.has(sub.id)) {
        removed.add(sub.id);
        grew = true;
      }
    }
  }
  await inTransaction(deps, async (tx) => {
    await repo.deleteSubcontractors(tx, actor.municipalityId, id, [...removed]);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'procurement.subcontractor.removed', entityType: 'procurement_contract', entityId: id, details: { removed: removed.size } });
  });
  return getContract(deps, actor, id, { audit: false });
}

export async function updateRequirement(deps: Deps, actor: UserActor, id: string, requirementId: string, status: string): Promise<Contract> {
  await contractOrThrow(deps, actor, id);
  await inTransaction(deps, async (tx) => {
    if (!(await repo.updateRequirementRow(tx, actor.municipalityId, id, requirementId, status))) throw notFound('The requirement');
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'procurement.requirement.updated', entityType: 'procurement_contract', entityId: id, details: { requirementId, status } });
  });
  return getContract(deps, actor, id, { audit: false });
}

