import { randomBytes } from 'node:crypto';
import type { SessionState, SignInMethod } from '@lykt/shared';
import type { Database } from '@lykt/db';
import { recordAudit } from '../../platform/audit';
import { sha256Hex } from '../../platform/crypto';
import type { Deps } from '../../platform/deps';
import { updateUser, type UserRow } from '../users/user.repository';
import { endSessionByTokenHash, insertSession } from './session.repository';

/**
 * Opens a session after the first sign-in step succeeded (in the caller's transaction): the
 * browser's earlier session ends, the failure counters reset, and the sign-in is audited with
 * its method. Returns the new token, which only ever goes into the cookie.
 */
export async function openSession(
  deps: Deps,
  tx: Database,
  user: UserRow,
  state: SessionState,
  previousToken: string | undefined,
  audit: { method: SignInMethod; details?: Record<string, unknown> },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  // The browser's earlier session (if it sent one) ends: its token must not outlive the new sign-in.
  if (previousToken) await endSessionByTokenHash(tx, sha256Hex(previousToken), 'replaced_by_sign_in');
  const session = await insertSession(tx, {
    tokenHash: sha256Hex(token),
    municipalityId: user.municipalityId,
    userId: user.id,
    state,
    absoluteExpiresAt: new Date(Date.now() + deps.config.sessionAbsoluteMs),
  });
  await updateUser(tx, user.municipalityId, user.id, {
    failedLoginCount: 0,
    lockedUntil: null,
    ...(state === 'active' ? { lastLoginAt: new Date() } : {}),
  });
  await recordAudit(tx, {
    municipalityId: user.municipalityId,
    action: 'auth.login.succeeded',
    entityType: 'session',
    entityId: session.id,
    actorUserId: user.id,
    details: { method: audit.method, nextStep: state, ...audit.details },
  });
  return token;
}
