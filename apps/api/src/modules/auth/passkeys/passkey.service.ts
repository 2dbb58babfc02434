import { generateRegistrationOptions, verifyRegistrationResponse } from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import type { Passkey, PasskeyList, PasskeyOptions, RegisterPasskeyBody, RenamePasskeyBody, SessionState } from '@lykt/shared';
import { recordAudit } from '../../../platform/audit';
import type { UserActor } from '../../../platform/context';
import { inTransaction, type Deps } from '../../../platform/deps';
import { AppError, notFound } from '../../../platform/errors';
import { findMunicipality } from '../../municipality/municipality.repository';
import { findUserInMunicipality, updateUser, type UserRow } from '../../users/user.repository';
import { endUserSessions, setSessionState } from '../session.repository';
import { CEREMONY_TIMEOUT_MS, consumeChallenge, isTransport, storeChallenge } from './passkey-ceremony';
import { mustUsePasskey } from './passkey-policy';
import {
  countUserPasskeys,
  deletePasskey,
  deleteUserPasskeys,
  findPasskeyByCredentialId,
  findSessionCreatedAt,
  findUserPasskey,
  insertPasskey,
  listUserPasskeys,
  renamePasskeyRow,
  type PasskeyRow,
} from './passkey.repository';

/** Adding or removing a passkey needs a sign-in at most this old (a stolen session alone is not enough). */
export const RECENT_SIGN_IN_MS = 10 * 60_000;
/** ES256 and RS256: what platform authenticators and security keys use. */
const SUPPORTED_ALGORITHMS = [-7, -257];

const invalidPasskey = () =>
  new AppError('PASSKEY_INVALID', 'The passkey could not be registered. Start again and follow the steps on your device.');

export function presentPasskey(row: PasskeyRow): Passkey {
  return {
    id: row.id,
    name: row.name,
    isSynced: row.deviceType === 'multiDevice',
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

async function isRecentSignIn(deps: Deps, actor: UserActor): Promise<boolean> {
  const createdAt = await findSessionCreatedAt(deps.db, actor.sessionId);
  return createdAt !== null && Date.now() - createdAt.getTime() <= RECENT_SIGN_IN_MS;
}

async function assertRecentSignIn(deps: Deps, actor: UserActor, state: SessionState): Promise<void> {
  // Registering during sign-in (the enrolment steps) is the sign-in itself.
  if (state !== 'active') return;
  if (!(await isRecentSignIn(deps, actor))) {
    throw new AppError('REAUTHENTICATION_REQUIRED', 'For your safety, sign out and sign in again before you add or remove a passkey.');
  }
}

async function loadUser(deps: Deps, actor: UserActor): Promise<UserRow> {
  const user = await findUserInMunicipality(deps.db, actor.municipalityId, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return user;
}

/** The user's passkeys, and whether the session is fresh enough to remove one. */
export async function findMyPasskeys(deps: Deps, actor: UserActor): Promise<PasskeyList> {
  const rows = await listUserPasskeys(deps.db, actor.municipalityId, actor.userId);
  return { items: rows.map(presentPasskey), canRemove: await isRecentSignIn(deps, actor) };
}

/** Options for navigator.credentials.create(): a discoverable credential with user verification. */
export async function startPasskeyRegistration(deps: Deps, actor: UserActor, state: SessionState): Promise<PasskeyOptions> {
  await assertRecentSignIn(deps, actor, state);
  const user = await loadUser(deps, actor);
  const existing = await listUserPasskeys(deps.db, actor.municipalityId, actor.userId);
  const options = await generateRegistrationOptions({
    rpName: deps.config.webauthn.rpName,
    rpID: deps.config.webauthn.rpId,
    userName: user.email,
    userDisplayName: user.name,
    // The user handle is the account's id, never the e-mail (it is stored on the device).
    userID: Uint8Array.from(Buffer.from(user.id.replaceAll('-', ''), 'hex')),
    timeout: CEREMONY_TIMEOUT_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((row) => ({ id: row.credentialId, transports: row.transports.filter(isTransport) })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
  });
  await storeChallenge(deps, options.challenge, 'registration', { municipalityId: actor.municipalityId, userId: actor.userId, sessionId: actor.sessionId });
  return { ...options };
}

/**
 * Verifies the authenticator's attestation against the stored challenge, RP id and origin and
 * stores the credential. During sign-in (MFA or passkey enrolment) it completes the sign-in.
 */
export async function finishPasskeyRegistration(deps: Deps, actor: UserActor, state: SessionState, body: RegisterPasskeyBody): Promise<{ passkey: Passkey; state: SessionState }> {
  const challenge = await consumeChallenge(deps, body.response.response.clientDataJSON, 'registration', actor.sessionId);
  if (!challenge) throw invalidPasskey();
  await assertRecentSignIn(deps, actor, state);
  let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verification = await verifyRegistrationResponse({
      response: body.response,
      expectedChallenge: challenge,
      expectedOrigin: deps.config.webauthn.origins,
      expectedRPID: deps.config.webauthn.rpId,
      requireUserVerification: true,
      supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
    });
  } catch {
    throw invalidPasskey();
  }
  const info = verification.registrationInfo;
  if (!verification.verified || !info) throw invalidPasskey();
  if (await findPasskeyByCredentialId(deps.db, info.credential.id)) {
    throw new AppError('CONFLICT', 'This passkey is already registered.');
  }
  const completesSignIn = state !== 'active';
  const row = await inTransaction(deps, async (tx) => {
    const inserted = await insertPasskey(tx, {
      municipalityId: actor.municipalityId,
      userId: actor.userId,
      credentialId: info.credential.id,
      publicKey: isoBase64URL.fromBuffer(info.credential.publicKey),
      counter: info.credential.counter,
      transports: (body.response.response.transports ?? []).filter(isTransport),
      deviceType: info.credentialDeviceType,
      name: body.name,
    });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'user.passkey.registered',
      entityType: 'passkey',
      entityId: inserted.id,
      details: { synced: info.credentialDeviceType === 'multiDevice', duringSignIn: completesSignIn },
    });
    if (completesSignIn) {
      await setSessionState(tx, actor.sessionId, 'active');
      await updateUser(tx, actor.municipalityId, actor.userId, { failedLoginCount: 0, lastLoginAt: new Date() });
      await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'auth.mfa.enrolled', entityType: 'user', entityId: actor.userId, details: { method: 'passkey' } });
    }
    return inserted;
  });
  return { passkey: presentPasskey(row), state: 'active' };
}

export async function renamePasskey(deps: Deps, actor: UserActor, passkeyId: string, body: RenamePasskeyBody): Promise<Passkey> {
  const row = await findUserPasskey(deps.db, actor.municipalityId, actor.userId, passkeyId);
  if (!row) throw notFound('The passkey');
  await inTransaction(deps, async (tx) => {
    await renamePasskeyRow(tx, row.id, body.name);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'user.passkey.renamed', entityType: 'passkey', entityId: row.id, details: { fields: ['name'] } });
  });
  return presentPasskey({ ...row, name: body.name });
}

/** Removes one of the actor's passkeys; needs a recent sign-in, and keeps the last one where the policy requires it. */
export async function removePasskey(deps: Deps, actor: UserActor, passkeyId: string): Promise<void> {
  const row = await findUserPasskey(deps.db, actor.municipalityId, actor.userId, passkeyId);
  if (!row) throw notFound('The passkey');
  await assertRecentSignIn(deps, actor, 'active');
  const user = await loadUser(deps, actor);
  const municipality = await findMunicipality(deps.db, actor.municipalityId);
  if (municipality && mustUsePasskey(deps, user, municipality) && (await countUserPasskeys(deps.db, actor.municipalityId, actor.userId)) <= 1) {
    throw new AppError('CONFLICT', 'Your municipality requires a passkey for your role: add another passkey before you remove this one.');
  }
  await inTransaction(deps, async (tx) => {
    await deletePasskey(tx, row.id);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'user.passkey.removed', entityType: 'passkey', entityId: row.id });
  });
}

/**
 * Recovery: an administrator removes every passkey of a user (a lost or stolen device). The
 * user's sessions end; under the passkey policy they register a new one at their next sign-in.
 */
export async function resetUserPasskeys(deps: Deps, actor: UserActor, userId: string): Promise<{ removed: number }> {
  const user = await findUserInMunicipality(deps.db, actor.municipalityId, userId);
  if (!user) throw notFound('The user');
  const removed = await inTransaction(deps, async (tx) => {
    const count = await deleteUserPasskeys(tx, actor.municipalityId, userId);
    await endUserSessions(tx, actor.municipalityId, userId, 'passkeys_reset');
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'user.passkeys.reset', entityType: 'user', entityId: userId, details: { removed: count } });
    return count;
  });
  return { removed };
}
