import { setTimeout as sleep } from 'node:timers/promises';
import type { ChangePasswordBody, LoginBody, MfaEnrolmentResponse, MfaPolicy, Role, SessionState, UpdateMeBody } from '@lykt/shared';
import { isMfaRequired } from '@lykt/shared';
import type { Database } from '@lykt/db';
import { recordAudit } from '../../platform/audit';
import { onInvalidation } from '../../platform/cluster/invalidation';
import { TtlCache } from '../../platform/cluster/ttl-cache';
import type { UserActor } from '../../platform/context';
import { sha256Hex } from '../../platform/crypto';
import { inTransaction, type Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { assertStrongPassword, dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/passwords';
import { generateTotpSecret, matchTotp, totpUri } from '../../platform/totp';
import { findMunicipality, type MunicipalityRow } from '../municipality/municipality.repository';
import { oidcLogoutUrl } from './oidc/oidc-logout';
import { findUserByEmail, findUserInMunicipality, updateUser, type UserRow } from '../users/user.repository';
import { mustUsePasskey } from './passkeys/passkey-policy';
import { countUserPasskeys } from './passkeys/passkey.repository';
import { openSession } from './open-session';
import {
  endSession,
  endUserSessions,
  findSessionByTokenHash,
  setSessionState,
  touchSession,
  type SessionWithUser,
} from './session.repository';

/** Failures before an account is locked, and for how long. */
export const LOCK_AFTER_FAILURES = 10;
export const LOCK_MINUTES = 15;
const SESSION_TOUCH_INTERVAL_MS = 60_000;

const loginFailed = () =>
  new AppError(
    'LOGIN_FAILED',
    'The e-mail or password is wrong, or the account is locked for a while after too many attempts.',
  );

/** Slows down repeated failures: 0.25 s, 0.5 s, 1 s ... up to 4 s. */
function failureDelayMs(failures: number): number {
  return Math.min(250 * 2 ** Math.max(0, failures - 1), 4000);
}

/**
 * Whether this user must use MFA. Demo mode relaxes the rule only for the fictional demo
 * accounts of the demo municipality; users created there later follow the normal policy.
 */
export function mustUseMfa(deps: Deps, user: { role: string; isDemoAccount: boolean }, municipality: MunicipalityRow): boolean {
  if (deps.config.demo && municipality.isDemo && user.isDemoAccount) return false;
  return isMfaRequired(user.role as Role, municipality.settings.mfaPolicy satisfies MfaPolicy);
}

function stateAfterPassword(user: UserRow, mfaRequired: boolean, hasPasskey: boolean, passkeyRequired: boolean): SessionState {
  // A second factor the user holds is always asked for; the MFA step page offers what may be used.
  if (user.mfaEnabledAt || hasPasskey) return 'mfa_challenge';
  if (passkeyRequired) return 'passkey_enrolment';
  return mfaRequired ? 'mfa_enrolment' : 'active';
}

async function registerFailure(deps: Deps, user: UserRow, action: 'auth.login.failed' | 'auth.mfa.failed', reason: string): Promise<number> {
  const failures = user.failedLoginCount + 1;
  const lock = failures >= LOCK_AFTER_FAILURES;
  await inTransaction(deps, async (tx) => {
    await updateUser(tx, user.municipalityId, user.id, {
      failedLoginCount: lock ? 0 : failures,
      ...(lock ? { lockedUntil: new Date(Date.now() + LOCK_MINUTES * 60_000) } : {}),
    });
    await recordAudit(tx, {
      municipalityId: user.municipalityId,
      action,
      entityType: 'user',
      entityId: user.id,
      actorUserId: user.id,
      outcome: 'failure',
      details: { method: action === 'auth.login.failed' ? 'password' : 'totp', reason, ...(lock ? { locked: true } : {}) },
    });
    if (lock) {
      await endUserSessions(tx, user.municipalityId, user.id, 'locked');
      await recordAudit(tx, {
        municipalityId: user.municipalityId,
        action: 'auth.login.locked',
        entityType: 'user',
        entityId: user.id,
        actorUserId: user.id,
        outcome: 'failure',
        details: { minutes: LOCK_MINUTES },
      });
    }
  });
  return failures;
}

/**
 * Checks e-mail and password and opens a session in the state the account's MFA calls for.
 * Unknown e-mail, wrong password, locked and deactivated accounts all get the same answer.
 */
export async function login(deps: Deps, body: LoginBody, previousToken?: string): Promise<{ token: string; state: SessionState }> {
  const user = await findUserByEmail(deps.db, body.email);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), body.password);
    await sleep(failureDelayMs(1));
    throw loginFailed();
  }
  const isPasswordRight = await verifyPassword(user.passwordHash, body.password);
  const isLocked = user.lockedUntil !== null && user.lockedUntil > new Date();
  if (user.deactivatedAt || isLocked) {
    await inTransaction(deps, (tx) =>
      recordAudit(tx, {
        municipalityId: user.municipalityId,
        action: 'auth.login.failed',
        entityType: 'user',
        entityId: user.id,
        actorUserId: user.id,
        outcome: 'failure',
        details: { method: 'password', reason: user.deactivatedAt ? 'deactivated' : 'locked' },
      }),
    );
    await sleep(failureDelayMs(1));
    throw loginFailed();
  }
  if (!isPasswordRight) {
    const failures = await registerFailure(deps, user, 'auth.login.failed', 'wrong_password');
    await sleep(failureDelayMs(failures));
    throw loginFailed();
  }
  const municipality = await findMunicipality(deps.db, user.municipalityId);
  if (!municipality) throw loginFailed();
  if (municipality.settings.passwordLoginEnabled === false && !user.isBreakGlass) {
    // Checked after the password, so the answer tells nothing about the account to whoever guesses.
    await inTransaction(deps, (tx) =>
      recordAudit(tx, {
        municipalityId: user.municipalityId,
        action: 'auth.login.failed',
        entityType: 'user',
        entityId: user.id,
        actorUserId: user.id,
        outcome: 'failure',
        details: { method: 'password', reason: 'password_login_disabled' },
      }),
    );
    throw loginFailed();
  }
  const hasPasskey = (await countUserPasskeys(deps.db, user.municipalityId, user.id)) > 0;
  const state = stateAfterPassword(user, mustUseMfa(deps, user, municipality), hasPasskey, mustUsePasskey(deps, user, municipality));
  const token = await inTransaction(deps, (tx) => openSession(deps, tx, user, state, previousToken, { method: 'password' }));
  return { token, state };
}

/**
 * Sessions with their user by token hash, kept up to 30 s in this process. Any change to the
 * session (state, end) or its user (role, deactivation, MFA, name) drops them here and, by NOTIFY,
 * in every other process (platform/cluster/invalidation.ts).
 */
const sessionCache = new TtlCache<string, SessionWithUser>(30_000, 10_000);
/** Counts changes, so a row read before a change is not cached after it. */
let sessionGeneration = 0;
onInvalidation((change) => {
  sessionGeneration += 1;
  if (change.kind === 'all') sessionCache.clear();
  else if (change.kind === 'session') sessionCache.deleteWhere((entry) => entry.session.id === change.id);
  else if (change.kind === 'user') sessionCache.deleteWhere((entry) => entry.user.id === change.id);
});

/** Whether a session passes every check without going to the database. */
function isUsable(deps: Deps, found: SessionWithUser, now: Date): boolean {
  return (
    !found.session.endedAt &&
    !found.user.deactivatedAt &&
    now.getTime() - found.session.lastSeenAt.getTime() <= deps.config.sessionIdleMs &&
    now < found.session.absoluteExpiresAt
  );
}

async function touchIfDue(deps: Deps, found: SessionWithUser, now: Date): Promise<void> {
  if (now.getTime() - found.session.lastSeenAt.getTime() > SESSION_TOUCH_INTERVAL_MS) {
    await touchSession(deps.db, found.session.id, now);
    found.session.lastSeenAt = now;
  }
}

/** Looks up a session token and checks it against the idle and absolute limits. */
export async function authenticate(deps: Deps, token: string): Promise<SessionWithUser> {
  const tokenHash = sha256Hex(token);
  const now = new Date();
  const cached = sessionCache.get(tokenHash, now.getTime());
  // A cached entry that looks expired is read again: another process may have seen the session since.
  if (cached && isUsable(deps, cached, now)) {
    await touchIfDue(deps, cached, now);
    return cached;
  }
  const generation = sessionGeneration;
  const found = await findSessionByTokenHash(deps.db, tokenHash);
  if (!found || found.session.endedAt) {
    sessionCache.delete(tokenHash);
    throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  }
  const idleExpired = now.getTime() - found.session.lastSeenAt.getTime() > deps.config.sessionIdleMs;
  const absoluteExpired = now >= found.session.absoluteExpiresAt;
  if (idleExpired || absoluteExpired || found.user.deactivatedAt) {
    sessionCache.delete(tokenHash);
    await endSession(deps.db, found.session.id, found.user.deactivatedAt ? 'deactivated' : idleExpired ? 'idle_timeout' : 'absolute_timeout');
    throw new AppError('SESSION_EXPIRED', 'Your session has expired. Sign in again.');
  }
  await touchIfDue(deps, found, now);
  if (generation === sessionGeneration) sessionCache.set(tokenHash, found, now.getTime());
  return found;
}

async function loadActorUser(db: Database, actor: UserActor): Promise<UserRow> {
  const user = await findUserInMunicipality(db, actor.municipalityId, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return user;
}

/** Completes sign-in with a TOTP code. */
export async function verifyMfa(deps: Deps, actor: UserActor, code: string): Promise<{ state: SessionState }> {
  const user = await loadActorUser(deps.db, actor);
  if (!user.mfaSecretEnc) throw new AppError('MFA_NOT_PENDING', 'This account has no MFA to verify.');
  const municipality = await findMunicipality(deps.db, user.municipalityId);
  const passkeyRequired = municipality !== null && mustUsePasskey(deps, user, municipality);
  const hasPasskey = (await countUserPasskeys(deps.db, user.municipalityId, user.id)) > 0;
  if (passkeyRequired && hasPasskey) {
    throw new AppError('PASSKEY_REQUIRED', 'Your municipality requires a passkey for your role. Sign in with your passkey.');
  }
  const secret = await deps.keyring.decrypt(deps.db, user.municipalityId, 'app_user.mfa_secret', user.mfaSecretEnc);
  const step = matchTotp(code, secret, user.mfaLastStep);
  if (step === null) {
    const failures = await registerFailure(deps, user, 'auth.mfa.failed', 'wrong_code');
    await sleep(failureDelayMs(failures));
    throw new AppError('INVALID_MFA_CODE', 'The code is wrong or has expired. Try the newest code in your app.', { field: 'code' });
  }
  // Under the passkey policy, a user without one registers it now, after proving the code.
  const state: SessionState = passkeyRequired ? 'passkey_enrolment' : 'active';
  await inTransaction(deps, async (tx) => {
    await setSessionState(tx, actor.sessionId, state);
    await updateUser(tx, user.municipalityId, user.id, { mfaLastStep: step, failedLoginCount: 0, ...(state === 'active' ? { lastLoginAt: new Date() } : {}) });
    await recordAudit(tx, { municipalityId: user.municipalityId, action: 'auth.mfa.succeeded', entityType: 'session', entityId: actor.sessionId, details: { method: 'totp', nextStep: state } });
  });
  return { state };
}

/** Starts TOTP enrolment: stores a new secret (encrypted) as pending and returns it for the QR code. */
export async function startMfaEnrolment(deps: Deps, actor: UserActor): Promise<MfaEnrolmentResponse> {
  const user = await loadActorUser(deps.db, actor);
  if (user.mfaEnabledAt) throw new AppError('CONFLICT', 'MFA is already set up for this account. An administrator can reset it.');
  const municipality = await findMunicipality(deps.db, user.municipalityId);
  const secret = generateTotpSecret();
  const encrypted = await deps.keyring.encrypt(deps.db, user.municipalityId, 'app_user.mfa_pending_secret', secret);
  await inTransaction(deps, (tx) => updateUser(tx, user.municipalityId, user.id, { mfaPendingSecretEnc: encrypted }));
  return { otpauthUrl: totpUri(user.email, `Lykt ${municipality?.name ?? ''}`.trim(), secret), secret };
}

/** Confirms enrolment with a first code; the session becomes active. */
export async function confirmMfaEnrolment(deps: Deps, actor: UserActor, code: string): Promise<{ state: SessionState }> {
  const user = await loadActorUser(deps.db, actor);
  if (!user.mfaPendingSecretEnc) throw new AppError('MFA_NOT_PENDING', 'Start MFA enrolment first.');
  const secret = await deps.keyring.decrypt(deps.db, user.municipalityId, 'app_user.mfa_pending_secret', user.mfaPendingSecretEnc);
  const step = matchTotp(code, secret, null);
  if (step === null) {
    const failures = await registerFailure(deps, user, 'auth.mfa.failed', 'wrong_enrolment_code');
    await sleep(failureDelayMs(failures));
    throw new AppError('INVALID_MFA_CODE', 'The code is wrong or has expired. Check the time on your phone and try the newest code.', { field: 'code' });
  }
  const encrypted = await deps.keyring.encrypt(deps.db, user.municipalityId, 'app_user.mfa_secret', secret);
  await inTransaction(deps, async (tx) => {
    await updateUser(tx, user.municipalityId, user.id, {
      mfaSecretEnc: encrypted,
      mfaPendingSecretEnc: null,
      mfaEnabledAt: new Date(),
      mfaLastStep: step,
      failedLoginCount: 0,
      lastLoginAt: new Date(),
    });
    await setSessionState(tx, actor.sessionId, 'active');
    await recordAudit(tx, { municipalityId: user.municipalityId, action: 'auth.mfa.enrolled', entityType: 'user', entityId: user.id, details: { method: 'totp' } });
  });
  return { state: 'active' };
}

/** Ends the session; returns the provider's end-session URL when the session was opened through one (RP-initiated logout). */
export async function logout(deps: Deps, actor: UserActor, oidcProviderId: string | null = null): Promise<{ endSessionUrl: string | null }> {
  await inTransaction(deps, async (tx) => {
    await endSession(tx, actor.sessionId, 'logout');
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'auth.logout', entityType: 'session', entityId: actor.sessionId });
  });
  return { endSessionUrl: oidcProviderId ? await oidcLogoutUrl(deps, actor.municipalityId, oidcProviderId) : null };
}

/** Changes the actor's own password after checking the current one; other sessions end. */
export async function changePassword(deps: Deps, actor: UserActor, body: ChangePasswordBody): Promise<void> {
  const user = await loadActorUser(deps.db, actor);
  if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
    throw new AppError('VALIDATION_ERROR', 'The current password is wrong.', [{ field: 'currentPassword', message: 'The current password is wrong.' }]);
  }
  assertStrongPassword(body.newPassword, [user.email, user.name, 'lykt']);
  const passwordHash = await hashPassword(body.newPassword);
  await inTransaction(deps, async (tx) => {
    await updateUser(tx, user.municipalityId, user.id, { passwordHash });
    await endUserSessions(tx, user.municipalityId, user.id, 'password_changed', actor.sessionId);
    await recordAudit(tx, { municipalityId: user.municipalityId, action: 'auth.password.changed', entityType: 'user', entityId: user.id });
  });
}

export async function updatePreferences(deps: Deps, actor: UserActor, body: UpdateMeBody): Promise<void> {
  await inTransaction(deps, async (tx) => {
    await updateUser(tx, actor.municipalityId, actor.userId, { language: body.language });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'user.preferences.updated',
      entityType: 'user',
      entityId: actor.userId,
      details: { fields: ['language'] },
    });
  });
}
