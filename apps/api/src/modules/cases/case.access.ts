import { AppError, notFound } from '../../platform/errors';
import type { UserActor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { abilitiesFor, canSeeCase, type CaseAccess } from './case.policy';
import { findActiveGrant, findCase, findMembership } from './case.repository';
import { CASE_PERSON_HASH_PURPOSE, type CaseAbilities } from '@lykt/shared';

/** Encrypted fields and the names their ciphertexts are bound to. */
export const FIELD = {
  person: 'case_file.person',
  safetyPlan: 'case_file.safety_plan',
  closeReason: 'case_file.close_reason',
  reopenReason: 'case_file.reopen_reason',
  erasureReason: 'case_file.erasure_reason',
  needNote: 'case_need.note',
  taskTitle: 'case_task.title',
  journal: 'case_journal_entry.text',
  snapshot: 'case_referral.shared_snapshot',
  partnerNote: 'case_referral.partner_note',
  legalBasisReason: 'case_referral.legal_basis_reason',
  revokeReason: 'case_referral.revoke_reason',
  grantReason: 'case_access_grant.reason',
} as const;
/** The keyed-hash purpose for duplicate detection. */
export const PERSON_HASH_PURPOSE = CASE_PERSON_HASH_PURPOSE;

/** Encrypt and decrypt bound to one municipality. */
export function cipher(deps: Deps, municipalityId: string) {
  return {
    encrypt: (field: string, plaintext: string) => deps.keyring.encrypt(deps.db, municipalityId, field, plaintext),
    encryptOrNull: (field: string, plaintext: string | null) => (plaintext === null || plaintext === '' ? Promise.resolve(null) : deps.keyring.encrypt(deps.db, municipalityId, field, plaintext)),
    decrypt: (field: string, ciphertext: string | null) => (ciphertext === null ? Promise.resolve(null) : deps.keyring.decrypt(deps.db, municipalityId, field, ciphertext)),
  };
}

export function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION_ERROR', `Check the field "${field}": ${message}`, [{ field, message }]);
}

/** The case with the actor's standing to it, or 404 when the actor may not know it exists. */
export async function accessCase(deps: Deps, actor: UserActor, caseId: string, now = new Date()): Promise<CaseAccess> {
  const row = await findCase(deps.db, actor.municipalityId, caseId);
  if (!row) throw notFound('The case');
  const membership = await findMembership(deps.db, actor.municipalityId, caseId, actor.userId);
  const teamRole = membership ? (membership.teamRole as 'owner' | 'member') : null;
  if (!canSeeCase(actor, teamRole)) throw notFound('The case');
  const grant = teamRole === null ? await findActiveGrant(deps.db, actor.municipalityId, caseId, actor.userId, now) : null;
  return { row, teamRole, breakGlassUntil: grant?.expiresAt ?? null };
}

/** Throws 403 (the actor can see the case) unless the ability holds. */
export function assertAbility(actor: UserActor, access: CaseAccess, ability: keyof CaseAbilities, message: string): void {
  if (!abilitiesFor(actor, access)[ability]) throw new AppError('FORBIDDEN', message);
}

/** Closed cases and erased personal data cannot be edited. */
export function assertEditable(actor: UserActor, access: CaseAccess): void {
  if (access.row.personalDataErasedAt !== null) throw new AppError('CONFLICT', 'The personal data of this case has been erased.');
  if (access.row.status === 'closed' || access.row.status === 'closed_referred') throw new AppError('CONFLICT', 'The case is closed. Reopen it first.');
  assertAbility(actor, access, 'edit', 'Only the case team may change this case.');
}
