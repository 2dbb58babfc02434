import { setTimeout as sleep } from 'node:timers/promises';
import { generateAuthenticationOptions, verifyAuthenticationResponse } from '@simplewebauthn/server';
import type { MfaMethods, PasskeyAuthenticationBody, PasskeyOptions, SessionState } from '@lykt/shared';
import { recordAudit } from '../../../platform/audit';
import type { UserActor } from '../../../platform/context';
import { inTransaction, type Deps } from '../../../platform/deps';
import { AppError } from '../../../platform/errors';
import { findMunicipality } from '../../municipality/municipality.repository';
import { findUserInMunicipality, updateUser, type UserRow } from '../../users/user.repository';
import { openSession } from '../open-session';
import { setSessionState } from '../session.repository';
import { CEREMONY_TIMEOUT_MS, consumeChallenge, isCounterRegression, isTransport, signCounterOf, storeChallenge, toWebAuthnCredential } from './passkey-ceremony';
import { mustUsePasskey } from './passkey-policy';
import { findPasskeyByCredentialId, listUserPasskeys, recordPasskeyUse, type PasskeyRow } from './passkey.repository';

/** Why an assertion was refused; recorded in the audit log (never the challenge or the signature). */
type FailureReason = 'challenge' | 'unknown_credential' | 'verification_failed' | 'counter_regression' | 'deactivated' | 'locked';

const passkeySignInFailed = () => new AppError('LOGIN_FAILED', 'The passkey could not be used to sign in. Try again, or sign in with your password.');
const secondFactorFailed = () => new AppError('PASSKEY_INVALID', 'The passkey could not be verified. Try again, or use your authenticator code.');

async function auditFailure(deps: Deps, credential: PasskeyRow, action: 'auth.login.failed' | 'auth.mfa.failed', reason: FailureReason): Promise<void> {
  await inTransaction(deps, (tx) =>
    recordAudit(tx, {
      municipalityId: credential.municipalityId,
      action,
      entityType: 'user',
      entityId: credential.userId,
      actorUserId: credential.userId,
      outcome: 'failure',
      details: { method: 'passkey', reason, passkeyId: credential.id },
    }),
  );
}

/**
 * Checks an assertion for a known credential against the challenge, origin, RP id, public key and
 * signature counter. Returns the new counter, or the reason it failed.
 */
async function verifyAssertion(
  deps: Deps,
  credential: PasskeyRow,
  body: PasskeyAuthenticationBody,
  challenge: string,
  requireUserVerification: boolean,
): Promise<{ counter: number } | { reason: FailureReason }> {
  const received = signCounterOf(body.response.response.authenticatorData);
  if (received === null) return { reason: 'verification_failed' };
  if (isCounterRegression(credential.counter, received)) return { reason: 'counter_regression' };
  try {
    const result = await verifyAuthenticationResponse({
      response: body.response,
      expectedChallenge: challenge,
      expectedOrigin: deps.config.webauthn.origins,
      expectedRPID: deps.config.webauthn.rpId,
      credential: toWebAuthnCredential(credential),
      requireUserVerification,
    });
    if (!result.verified) return { reason: 'verification_failed' };
    return { counter: result.authenticationInfo.newCounter };
  } catch {
    return { reason: 'verification_failed' };
  }
}

/** Options for a passwordless sign-in: any discoverable passkey of this site, user verification required. */
export async function startPasskeySignIn(deps: Deps): Promise<PasskeyOptions> {
  const options = await generateAuthenticationOptions({ rpID: deps.config.webauthn.rpId, timeout: CEREMONY_TIMEOUT_MS, userVerification: 'required' });
  await storeChallenge(deps, options.challenge, 'passwordless', null);
  return { ...options };
}

/**
 * Passwordless sign-in: a verified assertion with user verification (PIN or biometrics on the
 * device) is two factors in one, so the session is active at once. Unknown credentials,
 * deactivated and locked accounts all get the same answer.
 */
export async function finishPasskeySignIn(deps: Deps, body: PasskeyAuthenticationBody, previousToken?: string): Promise<{ token: string; state: SessionState }> {
  const challenge = await consumeChallenge(deps, body.response.response.clientDataJSON, 'passwordless', null);
  const credential = await findPasskeyByCredentialId(deps.db, body.response.id);
  if (!credential) {
    await sleep(250);
    throw passkeySignInFailed();
  }
  const fail = async (reason: FailureReason) => {
    await auditFailure(deps, credential, 'auth.login.failed', reason);
    await sleep(250);
    return passkeySignInFailed();
  };
  if (!challenge) throw await fail('challenge');
  const user = await findUserInMunicipality(deps.db, credential.municipalityId, credential.userId);
  if (!user) throw await fail('unknown_credential');
  if (user.deactivatedAt) throw await fail('deactivated');
  if (user.lockedUntil !== null && user.lockedUntil > new Date()) throw await fail('locked');
  const verified = await verifyAssertion(deps, credential, body, challenge, true);
  if ('reason' in verified) throw await fail(verified.reason);
  const token = await inTransaction(deps, async (tx) => {
    if (!(await recordPasskeyUse(tx, credential.id, credential.counter, verified.counter))) throw passkeySignInFailed();
    return openSession(deps, tx, user, 'active', previousToken, { method: 'passkey', details: { passkeyId: credential.id } });
  });
  return { token, state: 'active' };
}

async function loadActorUser(deps: Deps, actor: UserActor): Promise<UserRow> {
  const user = await findUserInMunicipality(deps.db, actor.municipalityId, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return user;
}

/** Which second factors this user may finish sign-in with: under the passkey policy, a user with a passkey must use it. */
export async function findMfaMethods(deps: Deps, actor: UserActor): Promise<MfaMethods> {
  const user = await loadActorUser(deps, actor);
  const municipality = await findMunicipality(deps.db, actor.municipalityId);
  const hasPasskey = (await listUserPasskeys(deps.db, actor.municipalityId, actor.userId)).length > 0;
  const passkeyRequired = municipality !== null && mustUsePasskey(deps, user, municipality);
  return { totp: user.mfaEnabledAt !== null && !(passkeyRequired && hasPasskey), passkey: hasPasskey };
}

/** Options for a passkey as the second factor after the password: only this user's credentials. */
export async function startPasskeySecondFactor(deps: Deps, actor: UserActor): Promise<PasskeyOptions> {
  const passkeys = await listUserPasskeys(deps.db, actor.municipalityId, actor.userId);
  if (passkeys.length === 0) throw new AppError('MFA_NOT_PENDING', 'This account has no passkey. Use your authenticator code.');
  const options = await generateAuthenticationOptions({
    rpID: deps.config.webauthn.rpId,
    timeout: CEREMONY_TIMEOUT_MS,
    userVerification: 'preferred',
    allowCredentials: passkeys.map((row) => ({ id: row.credentialId, transports: row.transports.filter(isTransport) })),
  });
  await storeChallenge(deps, options.challenge, 'second_factor', { municipalityId: actor.municipalityId, userId: actor.userId, sessionId: actor.sessionId });
  return { ...options };
}

/** Finishes sign-in with a passkey after the password. */
export async function finishPasskeySecondFactor(deps: Deps, actor: UserActor, body: PasskeyAuthenticationBody): Promise<{ state: SessionState }> {
  const challenge = await consumeChallenge(deps, body.response.response.clientDataJSON, 'second_factor', actor.sessionId);
  const credential = await findPasskeyByCredentialId(deps.db, body.response.id);
  if (!credential || credential.userId !== actor.userId || credential.municipalityId !== actor.municipalityId) throw secondFactorFailed();
  if (!challenge) {
    await auditFailure(deps, credential, 'auth.mfa.failed', 'challenge');
    throw secondFactorFailed();
  }
  const verified = await verifyAssertion(deps, credential, body, challenge, false);
  if ('reason' in verified) {
    await auditFailure(deps, credential, 'auth.mfa.failed', verified.reason);
    throw secondFactorFailed();
  }
  await inTransaction(deps, async (tx) => {
    if (!(await recordPasskeyUse(tx, credential.id, credential.counter, verified.counter))) throw secondFactorFailed();
    await setSessionState(tx, actor.sessionId, 'active');
    await updateUser(tx, actor.municipalityId, actor.userId, { failedLoginCount: 0, lastLoginAt: new Date() });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'auth.mfa.succeeded',
      entityType: 'session',
      entityId: actor.sessionId,
      details: { method: 'passkey', passkeyId: credential.id },
    });
  });
  return { state: 'active' };
}
