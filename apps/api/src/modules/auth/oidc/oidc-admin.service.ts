import { randomUUID } from 'node:crypto';
import * as client from 'openid-client';
import type { CreateOidcProviderBody, LinkOidcIdentityBody, OidcProvider, SignInPolicy, UpdateOidcProviderBody } from '@lykt/shared';
import { recordAudit } from '../../../platform/audit';
import type { UserActor } from '../../../platform/context';
import { inTransaction, type Deps } from '../../../platform/deps';
import { AppError, notFound } from '../../../platform/errors';
import { findMunicipality, updateMunicipality } from '../../municipality/municipality.repository';
import { findOrganisation } from '../../organisations/organisation.repository';
import { findUserInMunicipality } from '../../users/user.repository';
import { generateClientKeyPair, postLogoutRedirectUriFor, providerConfiguration, publicJwkOf, redirectUriFor } from './oidc-client';
import {
  deleteIdentity,
  deleteProvider,
  findIdentity,
  findProviderInMunicipality,
  insertIdentity,
  insertProvider,
  listIdentities,
  listProviders,
  updateProvider,
  type OidcProviderRow,
} from './oidc.repository';

const invalid = (field: string, message: string) => new AppError('VALIDATION_ERROR', message, [{ field, message }]);

async function presentProvider(deps: Deps, row: OidcProviderRow & { linkedUsers: number }): Promise<OidcProvider> {
  const privateJwk = row.privateKeyEnc
    ? (JSON.parse(await deps.keyring.decrypt(deps.db, row.municipalityId, 'oidc_provider.private_key', row.privateKeyEnc)) as Record<string, unknown>)
    : null;
  return {
    id: row.id,
    name: row.name,
    issuer: row.issuer,
    clientId: row.clientId,
    clientAuthMethod: row.clientAuthMethod as OidcProvider['clientAuthMethod'],
    hasClientSecret: row.clientSecretEnc !== null,
    publicJwk: row.clientAuthMethod === 'private_key_jwt' && privateJwk ? publicJwkOf(privateJwk) : null,
    scopes: row.scopes,
    subjectClaim: row.subjectClaim as OidcProvider['subjectClaim'],
    emailClaim: row.emailClaim,
    nameClaim: row.nameClaim,
    groupsClaim: row.groupsClaim,
    roleMappings: row.roleMappings as OidcProvider['roleMappings'],
    mfaAcrValues: row.mfaAcrValues,
    mfaAmrValues: row.mfaAmrValues,
    jitEnabled: row.jitEnabled,
    jitOrganisationId: row.jitOrganisationId,
    isEnabled: row.isEnabled,
    redirectUri: redirectUriFor(deps, row.id),
    postLogoutRedirectUri: postLogoutRedirectUriFor(deps),
    linkedUsers: row.linkedUsers,
  };
}

export async function findOidcProviders(deps: Deps, actor: UserActor): Promise<{ items: OidcProvider[] }> {
  const rows = await listProviders(deps.db, actor.municipalityId);
  return { items: await Promise.all(rows.map((row) => presentProvider(deps, row))) };
}

async function getProviderRow(deps: Deps, actor: UserActor, providerId: string): Promise<OidcProviderRow> {
  const row = await findProviderInMunicipality(deps.db, actor.municipalityId, providerId);
  if (!row) throw notFound('The sign-in provider');
  return row;
}

async function presentById(deps: Deps, actor: UserActor, providerId: string): Promise<OidcProvider> {
  const row = (await listProviders(deps.db, actor.municipalityId)).find((item) => item.id === providerId);
  if (!row) throw notFound('The sign-in provider');
  return presentProvider(deps, row);
}

/** Checks what the schema cannot: the issuer's scheme, the organisations, and the JIT organisation. */
async function assertValidSettings(deps: Deps, actor: UserActor, row: OidcProviderRow): Promise<void> {
  const issuer = new URL(row.issuer);
  if (issuer.protocol !== 'https:' && !deps.config.oidcAllowHttp) throw invalid('issuer', 'The issuer must be an https:// URL.');
  if (issuer.search || issuer.hash) throw invalid('issuer', 'The issuer URL has no query or fragment.');
  const organisationIds = new Set([...row.roleMappings.map((mapping) => mapping.organisationId), ...(row.jitOrganisationId ? [row.jitOrganisationId] : [])]);
  for (const organisationId of organisationIds) {
    if (!(await findOrganisation(deps.db, actor.municipalityId, organisationId))) throw invalid('roleMappings', 'An organisation in the mapping does not exist.');
  }
  const isMappedByGroups = row.groupsClaim !== '' && row.roleMappings.length > 0;
  if (row.jitEnabled && !isMappedByGroups && !row.jitOrganisationId) {
    throw invalid('jitOrganisationId', 'Choose the organisation new users join, or map groups to roles and organisations.');
  }
  if (row.clientAuthMethod !== 'private_key_jwt' && !row.clientSecretEnc) throw invalid('clientSecret', 'Give the client secret.');
  try {
    await providerConfiguration(deps, row);
  } catch (error) {
    const reason = error instanceof client.ClientError || error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
    throw invalid('issuer', `Lykt could not read ${row.issuer}/.well-known/openid-configuration (${reason}).`);
  }
}

/** Adds a provider; for private_key_jwt Lykt makes the key pair and shows the public key. */
export async function createOidcProvider(deps: Deps, actor: UserActor, body: CreateOidcProviderBody): Promise<OidcProvider> {
  const { clientSecret, ...settings } = body;
  const id = randomUUID();
  const now = new Date();
  const row: OidcProviderRow = {
    ...settings,
    id,
    issuer: settings.issuer.replace(/\/+$/, ''),
    municipalityId: actor.municipalityId,
    clientSecretEnc:
      settings.clientAuthMethod !== 'private_key_jwt' && clientSecret
        ? await deps.keyring.encrypt(deps.db, actor.municipalityId, 'oidc_provider.client_secret', clientSecret)
        : null,
    privateKeyEnc:
      settings.clientAuthMethod === 'private_key_jwt'
        ? await deps.keyring.encrypt(deps.db, actor.municipalityId, 'oidc_provider.private_key', JSON.stringify(generateClientKeyPair().privateJwk))
        : null,
    createdAt: now,
    updatedAt: now,
  };
  await assertValidSettings(deps, actor, row);
  await inTransaction(deps, async (tx) => {
    await insertProvider(tx, row);
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'oidc.provider.created',
      entityType: 'oidc_provider',
      entityId: id,
      details: { clientAuthMethod: row.clientAuthMethod, jitEnabled: row.jitEnabled, mappings: row.roleMappings.length },
    });
  });
  return presentById(deps, actor, id);
}

export async function updateOidcProvider(deps: Deps, actor: UserActor, providerId: string, body: UpdateOidcProviderBody): Promise<OidcProvider> {
  const current = await getProviderRow(deps, actor, providerId);
  const { clientSecret, ...changes } = body;
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<OidcProviderRow>;
  const next: OidcProviderRow = { ...current, ...defined, updatedAt: new Date() };
  if (defined.issuer) next.issuer = defined.issuer.replace(/\/+$/, '');
  if (clientSecret) next.clientSecretEnc = await deps.keyring.encrypt(deps.db, actor.municipalityId, 'oidc_provider.client_secret', clientSecret);
  if (next.clientAuthMethod === 'private_key_jwt' && !next.privateKeyEnc) {
    next.privateKeyEnc = await deps.keyring.encrypt(deps.db, actor.municipalityId, 'oidc_provider.private_key', JSON.stringify(generateClientKeyPair().privateJwk));
  }
  await assertValidSettings(deps, actor, next);
  const { id: _id, municipalityId: _m, createdAt: _c, ...values } = next;
  await inTransaction(deps, async (tx) => {
    await updateProvider(tx, actor.municipalityId, providerId, values);
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'oidc.provider.updated',
      entityType: 'oidc_provider',
      entityId: providerId,
      details: { fields: [...Object.keys(defined), ...(clientSecret ? ['clientSecret'] : [])].sort() },
    });
  });
  return presentById(deps, actor, providerId);
}

export async function removeOidcProvider(deps: Deps, actor: UserActor, providerId: string): Promise<void> {
  await getProviderRow(deps, actor, providerId);
  await inTransaction(deps, async (tx) => {
    await deleteProvider(tx, actor.municipalityId, providerId);
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'oidc.provider.deleted', entityType: 'oidc_provider', entityId: providerId });
  });
}

export async function findOidcIdentities(deps: Deps, actor: UserActor, providerId: string) {
  await getProviderRow(deps, actor, providerId);
  const rows = await listIdentities(deps.db, actor.municipalityId, providerId);
  return { items: rows.map((row) => ({ ...row, lastLoginAt: row.lastLoginAt?.toISOString() ?? null })) };
}

/** Links an existing user to a subject at the provider: how a local account moves to single sign-on. */
export async function linkOidcIdentity(deps: Deps, actor: UserActor, providerId: string, body: LinkOidcIdentityBody): Promise<void> {
  await getProviderRow(deps, actor, providerId);
  if (!(await findUserInMunicipality(deps.db, actor.municipalityId, body.userId))) throw invalid('userId', 'The user was not found.');
  if (await findIdentity(deps.db, providerId, body.subject)) throw new AppError('CONFLICT', 'This subject is already linked to a user.');
  const linked = await listIdentities(deps.db, actor.municipalityId, providerId);
  if (linked.some((row) => row.userId === body.userId)) throw new AppError('CONFLICT', 'This user is already linked to this provider.');
  await inTransaction(deps, async (tx) => {
    const identity = await insertIdentity(tx, { municipalityId: actor.municipalityId, providerId, subject: body.subject, userId: body.userId });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'oidc.identity.linked',
      entityType: 'user',
      entityId: body.userId,
      details: { providerId, identityId: identity.id },
    });
  });
}

export async function unlinkOidcIdentity(deps: Deps, actor: UserActor, providerId: string, identityId: string): Promise<void> {
  await getProviderRow(deps, actor, providerId);
  await inTransaction(deps, async (tx) => {
    if (!(await deleteIdentity(tx, actor.municipalityId, providerId, identityId))) throw notFound('The link');
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'oidc.identity.unlinked', entityType: 'oidc_identity', entityId: identityId, details: { providerId } });
  });
}

export async function getSignInPolicy(deps: Deps, actor: UserActor): Promise<SignInPolicy> {
  const municipality = await findMunicipality(deps.db, actor.municipalityId);
  if (!municipality) throw notFound('The municipality');
  return { passwordLoginEnabled: municipality.settings.passwordLoginEnabled !== false };
}

/** Turns local password sign-in on or off; off needs an enabled provider (break-glass administrators keep their password). */
export async function setSignInPolicy(deps: Deps, actor: UserActor, body: SignInPolicy): Promise<SignInPolicy> {
  const municipality = await findMunicipality(deps.db, actor.municipalityId);
  if (!municipality) throw notFound('The municipality');
  if (!body.passwordLoginEnabled) {
    const providers = await listProviders(deps.db, actor.municipalityId);
    if (!providers.some((provider) => provider.isEnabled)) {
      throw new AppError('CONFLICT', 'Add and enable a sign-in provider before turning password sign-in off.');
    }
  }
  await inTransaction(deps, async (tx) => {
    await updateMunicipality(tx, actor.municipalityId, { settings: { ...municipality.settings, passwordLoginEnabled: body.passwordLoginEnabled } });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'oidc.policy.updated',
      entityType: 'municipality',
      entityId: actor.municipalityId,
      details: { passwordLoginEnabled: body.passwordLoginEnabled },
    });
  });
  return { passwordLoginEnabled: body.passwordLoginEnabled };
}
