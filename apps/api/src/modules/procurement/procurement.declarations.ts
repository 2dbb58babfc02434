import { randomBytes } from 'node:crypto';
import type { Contract, DeclarationLink, DeclarationSubmission } from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { sha256Hex } from '../../platform/crypto';
import { inTransaction, type Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { declarationStatus, presentDeclaration } from './procurement.presenter';
import * as repo from './procurement.repository';
import { contractOrThrow, FIELD, getContract, seal } from './procurement.service';

const DAY = 24 * 60 * 60 * 1000;

/** The supplier's page; the token goes in the query string, which request logs leave out. */
export const DECLARATION_PATH = '/supplier-declaration';

/**
 * Creates a self-declaration link for the contract's supplier: 32 random bytes, of which only the SHA-256
 * hash is stored; the link is shown once and stops working when submitted, withdrawn or expired.
 */
export async function createDeclaration(deps: Deps, actor: UserActor, contractId: string, body: { validDays: number; language: 'nb' | 'en' }): Promise<DeclarationLink> {
  const { contract } = await contractOrThrow(deps, actor, contractId);
  if (contract.status === 'closed') throw new AppError('CONFLICT', 'The contract is closed.');
  const token = randomBytes(32).toString('base64url');
  const row = await inTransaction(deps, async (tx) => {
    const created = await repo.insertDeclaration(tx, {
      municipalityId: actor.municipalityId,
      contractId,
      tokenHash: sha256Hex(token),
      language: body.language,
      expiresAt: new Date(Date.now() + body.validDays * DAY),
      createdByUserId: actor.userId,
    });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'procurement.declaration.created', entityType: 'procurement_contract', entityId: contractId, details: { declarationId: created.id, validDays: body.validDays } });
    return created;
  });
  return { ...presentDeclaration(row, ''), path: `${DECLARATION_PATH}/${body.language}?t=${token}` };
}

export async function revokeDeclaration(deps: Deps, actor: UserActor, contractId: string, declarationId: string): Promise<Contract> {
  await contractOrThrow(deps, actor, contractId);
  const row = (await repo.listDeclarations(deps.db, actor.municipalityId, contractId)).find((candidate) => candidate.id === declarationId);
  if (!row) throw notFound('The self-declaration');
  await inTransaction(deps, async (tx) => {
    if (!(await repo.updateDeclarationRow(tx, actor.municipalityId, declarationId, 'sent', { status: 'revoked' }))) throw new AppError('CONFLICT', 'Only a link that has not been used can be withdrawn.');
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'procurement.declaration.revoked', entityType: 'procurement_contract', entityId: contractId, details: { declarationId } });
  });
  return getContract(deps, actor, contractId, { audit: false });
}

/** What the supplier's page shows for a token: the municipality and contract, or nothing when the link does not work. */
export async function openDeclaration(deps: Deps, token: string): Promise<{ municipalityName: string; contractTitle: string; supplierName: string } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await repo.findDeclarationByHash(deps.db, sha256Hex(token));
  if (!row || declarationStatus(row) !== 'sent') return null;
  const found = await repo.findContract(deps.db, row.municipalityId, row.contractId);
  if (!found) return null;
  return { municipalityName: await repo.municipalityName(deps.db, row.municipalityId), contractTitle: found.contract.title, supplierName: found.supplier.name };
}

/**
 * Stores the supplier's submission on the contract: the answers, the confirmed clauses, and the listed
 * subcontractors added to the chain (tier 1 under the supplier, deeper tiers under the row above them).
 * Audited as the system acting for the supplier; no address or other trace of the sender is kept.
 */
export async function submitDeclaration(deps: Deps, token: string, submission: DeclarationSubmission): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  const row = await repo.findDeclarationByHash(deps.db, sha256Hex(token));
  if (!row || declarationStatus(row) !== 'sent') return false;
  const commentEnc = await seal(deps, row.municipalityId, FIELD.declarationComment, submission.comment);
  const { comment: _comment, ...rest } = submission;
  return inTransaction(deps, async (tx) => {
    const moved = await repo.updateDeclarationRow(tx, row.municipalityId, row.id, 'sent', { status: 'submitted', submittedAt: new Date(), submission: { ...rest, commentEnc } });
    if (!moved) return false;
    const parents: Array<string | null> = [null];
    for (const sub of submission.subcontractors) {
      const parentId = sub.tier === 1 ? null : (parents[sub.tier - 1] ?? null);
      const [inserted] = await repo.insertSubcontractors(tx, [
        { municipalityId: row.municipalityId, contractId: row.contractId, parentId, name: sub.name, orgNumber: sub.orgNumber, tier: parentId === null ? 1 : sub.tier, declarationId: row.id },
      ]);
      parents[inserted?.tier ?? 1] = inserted?.id ?? null;
      parents.length = (inserted?.tier ?? 1) + 1;
    }
    await recordAudit(tx, {
      municipalityId: row.municipalityId,
      action: 'procurement.declaration.submitted',
      entityType: 'procurement_contract',
      entityId: row.contractId,
      details: { declarationId: row.id, clauses: submission.confirmedClauses.length, subcontractors: submission.subcontractors.length },
    });
    return true;
  });
}
