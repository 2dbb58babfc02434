import { randomBytes } from 'node:crypto';
import type { IDToken } from 'openid-client';
import type { OidcRoleMapping, OidcSignInError, Role, SessionState } from '@lykt/shared';
import { ROLES } from '@lykt/shared';
import { recordAudit } from '../../../platform/audit';
import { sha256Hex } from '../../../platform/crypto';
import { inTransaction, type Deps } from '../../../platform/deps';
import { hashPassword } from '../../../platform/passwords';
import { findMunicipality } from '../../municipality/municipality.repository';
import { findUserByEmail, findUserInMunicipality, insertUser, updateUser } from '../../users/user.repository';
import { mustUseMfa } from '../auth.service';
import { endSessionByTokenHash, endUserSessions, insertSession } from '../session.repository';
import { buildAuthorizationRequest, exchangeCode, providerConfiguration } from './oidc-client';
import {
  findIdentity,
  findProvider,
  insertIdentity,
  insertLoginAttempt,
  takeLoginAttempt,
  touchIdentity,
  type OidcProviderRow,
} from './oidc.repository';

/** How long a sign-in at the provider may take before its state expires. */
export const LOGIN_ATTEMPT_MINUTES = 10;

/** A sign-in that did not finish, with the reason the sign-in page explains. */
export class OidcSignInFailure extends Error {
  constructor(readonly code: OidcSignInError) {
    super(`OpenID Connect sign-in failed: ${code}`);
  }
}

type Secrets = { nonce: string; codeVerifier: string };

/** Starts a sign-in: stores the attempt (nonce and PKCE verifier encrypted) and returns where to send the browser. */
export async function startOidcSignIn(deps: Deps, providerId: string): Promise<{ url: string; state: string }> {
  const provider = await findProvider(deps.db, providerId);
  if (!provider?.isEnabled) throw new OidcSignInFailure('provider');
  let request;
  try {
    request = await buildAuthorizationRequest(deps, provider, await providerConfiguration(deps, provider));
  } catch {
    throw new OidcSignInFailure('provider');
  }
  const secrets: Secrets = { nonce: request.nonce, codeVerifier: request.codeVerifier };
  await insertLoginAttempt(deps.db, {
    municipalityId: provider.municipalityId,
    providerId: provider.id,
    stateHash: sha256Hex(request.state),
    secretsEnc: await deps.keyring.encrypt(deps.db, provider.municipalityId, 'oidc_login_attempt.secrets', JSON.stringify(secrets)),
    expiresAt: new Date(Date.now() + LOGIN_ATTEMPT_MINUTES * 60_000),
  });
  return { url: request.url.href, state: request.state };
}

function stringClaim(claims: IDToken, name: string): string | null {
  const value = claims[name];
  return typeof value === 'string' && value.length > 0 && value.length <= 500 ? value : null;
}

/** The group ids or role values the token carries in the configured claim. */
export function groupsOf(claims: IDToken, claim: string): string[] {
  if (!claim) return [];
  const value = claims[claim];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The first mapping (in the administrator's order) whose value the user has. */
export function mappedRole(provider: Pick<OidcProviderRow, 'roleMappings'>, groups: readonly string[]): OidcRoleMapping | null {
  const held = new Set(groups);
  const found = provider.roleMappings.find((mapping) => held.has(mapping.value) && (ROLES as readonly string[]).includes(mapping.role));
  return found ? { ...found, role: found.role as Role } : null;
}

/** Whether the provider asserted multi-factor authentication the municipality accepts. */
export function isMfaAsserted(provider: Pick<OidcProviderRow, 'mfaAcrValues' | 'mfaAmrValues'>, claims: IDToken): boolean {
  const acr = typeof claims.acr === 'string' ? claims.acr : null;
  if (acr && provider.mfaAcrValues.includes(acr)) return true;
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((item): item is string => typeof item === 'string') : [];
  return amr.some((value) => provider.mfaAmrValues.includes(value));
}

async function auditFailure(deps: Deps, provider: OidcProviderRow, reason: string, userId: string | null = null): Promise<void> {
  await inTransaction(deps, (tx) =>
    recordAudit(tx, {
      municipalityId: provider.municipalityId,
      action: 'auth.oidc.failed',
      entityType: userId ? 'user' : 'oidc_provider',
      entityId: userId ?? provider.id,
      actorUserId: userId,
      outcome: 'failure',
      details: { method: `oidc:${provider.id}`, reason },
    }),
  );
}

/** A short, stable reason from an openid-client error for the audit log (never the token or the message). */
function validationReason(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'invalid';
  // openid-client wraps oauth4webapi's error, whose cause names the claim that failed.
  let cause: unknown = error;
  let claim: string | null = null;
  for (let depth = 0; depth < 3 && typeof cause === 'object' && cause !== null && claim === null; depth += 1) {
    if ('claim' in cause && typeof cause.claim === 'string') claim = cause.claim;
    cause = 'cause' in cause ? cause.cause : null;
  }
  return (claim ? `${code}:${claim}` : code).slice(0, 100);
}

export type CallbackInput = { providerId: string; query: string; stateFromQuery: string | undefined; stateFromCookie: string | undefined; error: string | undefined; previousToken: string | undefined };

/**
 * Finishes a sign-in: checks state against the browser's cookie and the stored attempt, lets
 * openid-client exchange the code and validate the ID token, finds the user by (provider, subject),
 * applies the group mapping, and opens a session. Throws OidcSignInFailure with the reason.
 */
export async function finishOidcSignIn(deps: Deps, input: CallbackInput): Promise<{ token: string; state: SessionState }> {
  const provider = await findProvider(deps.db, input.providerId);
  if (!provider) throw new OidcSignInFailure('provider');
  const cookieState = input.stateFromCookie;
  const attempt = cookieState ? await takeLoginAttempt(deps.db, sha256Hex(cookieState)) : null;
  if (!cookieState || !attempt || attempt.providerId !== provider.id || attempt.expiresAt < new Date() || input.stateFromQuery !== cookieState) {
    await auditFailure(deps, provider, 'state_mismatch');
    throw new OidcSignInFailure('state');
  }
  if (input.error) {
    await auditFailure(deps, provider, `provider_error:${input.error.slice(0, 40)}`);
    throw new OidcSignInFailure('provider');
  }
  const secrets = JSON.parse(await deps.keyring.decrypt(deps.db, provider.municipalityId, 'oidc_login_attempt.secrets', attempt.secretsEnc)) as Secrets;
  let claims: IDToken;
  try {
    const config = await providerConfiguration(deps, provider);
    claims = await exchangeCode(deps, provider, config, input.query, { state: cookieState, ...secrets });
  } catch (error) {
    await auditFailure(deps, provider, validationReason(error));
    throw new OidcSignInFailure('token');
  }
  const subject = stringClaim(claims, provider.subjectClaim);
  if (!subject) {
    await auditFailure(deps, provider, `missing_claim:${provider.subjectClaim}`);
    throw new OidcSignInFailure('token');
  }
  const isMappedByGroups = provider.groupsClaim !== '' && provider.roleMappings.length > 0;
  const mapping = isMappedByGroups ? mappedRole(provider, groupsOf(claims, provider.groupsClaim)) : null;
  const identity = await findIdentity(deps.db, provider.id, subject);
  const userId = identity ? await signInLinkedUser(deps, provider, identity.userId, isMappedByGroups, mapping) : await createJustInTime(deps, provider, claims, subject, isMappedByGroups, mapping);
  return openSession(deps, provider, userId, isMfaAsserted(provider, claims), input.previousToken);
}

async function signInLinkedUser(deps: Deps, provider: OidcProviderRow, userId: string, isMappedByGroups: boolean, mapping: OidcRoleMapping | null): Promise<string> {
  const user = await findUserInMunicipality(deps.db, provider.municipalityId, userId);
  if (!user) {
    await auditFailure(deps, provider, 'not_linked');
    throw new OidcSignInFailure('not_linked');
  }
  if (user.deactivatedAt || (user.lockedUntil && user.lockedUntil > new Date())) {
    await auditFailure(deps, provider, user.deactivatedAt ? 'deactivated' : 'locked', user.id);
    throw new OidcSignInFailure('blocked');
  }
  if (isMappedByGroups && !mapping) {
    // The groups no longer give a role: the user loses access here and now, other sessions too.
    await inTransaction(deps, async (tx) => {
      await endUserSessions(tx, user.municipalityId, user.id, 'oidc_no_role');
      await recordAudit(tx, {
        municipalityId: provider.municipalityId,
        action: 'auth.oidc.failed',
        entityType: 'user',
        entityId: user.id,
        actorUserId: user.id,
        outcome: 'failure',
        details: { method: `oidc:${provider.id}`, reason: 'no_mapped_group' },
      });
    });
    throw new OidcSignInFailure('no_role');
  }
  if (mapping && (mapping.role !== user.role || mapping.organisationId !== user.organisationId)) {
    await inTransaction(deps, async (tx) => {
      await updateUser(tx, user.municipalityId, user.id, { role: mapping.role, organisationId: mapping.organisationId });
      await endUserSessions(tx, user.municipalityId, user.id, 'role_changed');
      await recordAudit(tx, {
        municipalityId: provider.municipalityId,
        action: 'user.updated',
        entityType: 'user',
        entityId: user.id,
        actorUserId: user.id,
        details: { fields: ['role', 'organisationId'], role: mapping.role, via: `oidc:${provider.id}` },
      });
    });
  }
  return user.id;
}

async function createJustInTime(
  deps: Deps,
  provider: OidcProviderRow,
  claims: IDToken,
  subject: string,
  isMappedByGroups: boolean,
  mapping: OidcRoleMapping | null,
): Promise<string> {
  if (!provider.jitEnabled) {
    await auditFailure(deps, provider, 'not_linked');
    throw new OidcSignInFailure('not_linked');
  }
  if (isMappedByGroups && !mapping) {
    await auditFailure(deps, provider, 'no_mapped_group');
    throw new OidcSignInFailure('no_role');
  }
  const organisationId = mapping?.organisationId ?? provider.jitOrganisationId;
  if (!organisationId) {
    await auditFailure(deps, provider, 'no_jit_organisation');
    throw new OidcSignInFailure('not_linked');
  }
  const email = stringClaim(claims, provider.emailClaim)?.toLowerCase() ?? null;
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    await auditFailure(deps, provider, 'no_email');
    throw new OidcSignInFailure('no_email');
  }
  if (await findUserByEmail(deps.db, email)) {
    // Never linked by e-mail: an administrator links the existing account to this subject.
    await auditFailure(deps, provider, 'email_taken');
    throw new OidcSignInFailure('email_taken');
  }
  const name = (stringClaim(claims, provider.nameClaim) ?? email).slice(0, 120);
  // The account has no password anyone knows: it signs in through the provider only.
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
  const isPending = !mapping;
  const userId = await inTransaction(deps, async (tx) => {
    const user = await insertUser(tx, {
      municipalityId: provider.municipalityId,
      organisationId,
      email,
      name,
      role: mapping?.role ?? 'viewer',
      passwordHash,
    });
    // Without a role from the groups the user waits, deactivated, until an administrator gives one.
    if (isPending) await updateUser(tx, provider.municipalityId, user.id, { deactivatedAt: new Date() });
    await insertIdentity(tx, { municipalityId: provider.municipalityId, providerId: provider.id, subject, userId: user.id });
    await recordAudit(tx, {
      municipalityId: provider.municipalityId,
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      actorUserId: null,
      details: { role: isPending ? null : user.role, via: `oidc:${provider.id}`, awaitingAdministrator: isPending },
    });
    return user.id;
  });
  if (isPending) {
    await auditFailure(deps, provider, 'awaiting_administrator', userId);
    throw new OidcSignInFailure('pending');
  }
  return userId;
}

async function openSession(deps: Deps, provider: OidcProviderRow, userId: string, mfaByProvider: boolean, previousToken: string | undefined) {
  const [user, municipality] = await Promise.all([findUserInMunicipality(deps.db, provider.municipalityId, userId), findMunicipality(deps.db, provider.municipalityId)]);
  if (!user || !municipality) throw new OidcSignInFailure('not_linked');
  const state: SessionState = mfaByProvider ? 'active' : user.mfaEnabledAt ? 'mfa_challenge' : mustUseMfa(deps, user, municipality) ? 'mfa_enrolment' : 'active';
  const token = randomBytes(32).toString('base64url');
  await inTransaction(deps, async (tx) => {
    if (previousToken) await endSessionByTokenHash(tx, sha256Hex(previousToken), 'replaced_by_sign_in');
    const session = await insertSession(tx, {
      tokenHash: sha256Hex(token),
      municipalityId: user.municipalityId,
      userId: user.id,
      state,
      absoluteExpiresAt: new Date(Date.now() + deps.config.sessionAbsoluteMs),
      oidcProviderId: provider.id,
    });
    await updateUser(tx, user.municipalityId, user.id, { failedLoginCount: 0, ...(state === 'active' ? { lastLoginAt: new Date() } : {}) });
    await touchIdentity(tx, provider.id, user.id);
    await recordAudit(tx, {
      municipalityId: user.municipalityId,
      action: 'auth.login.succeeded',
      entityType: 'session',
      entityId: session.id,
      actorUserId: user.id,
      details: { method: `oidc:${provider.id}`, nextStep: state, mfaByProvider },
    });
  });
  return { token, state };
}
