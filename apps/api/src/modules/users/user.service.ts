import type { CreateUserBody, UpdateUserBody, User, UserList, UserListQuery } from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { decodeCursor } from '../../platform/keyset';
import { assertStrongPassword, hashPassword } from '../../platform/passwords';
import { endUserSessions, listOpenSessions } from '../auth/session.repository';
import { findOrganisation } from '../organisations/organisation.repository';
import { presentUser } from './user.presenter';
import {
  countActiveAdmins,
  findUserInMunicipality,
  findUsers as findUserRows,
  userListSort,
  insertUser,
  isEmailTaken,
  updateUser as updateUserRow,
  type UserWithOrganisation,
} from './user.repository';

async function getUserRow(deps: Deps, actor: UserActor, userId: string): Promise<UserWithOrganisation> {
  const user = await findUserInMunicipality(deps.db, actor.municipalityId, userId);
  if (!user) throw notFound('The user');
  return user;
}

async function assertOrganisationInMunicipality(deps: Deps, actor: UserActor, organisationId: string): Promise<void> {
  const organisation = await findOrganisation(deps.db, actor.municipalityId, organisationId);
  if (!organisation || organisation.archivedAt) {
    throw new AppError('VALIDATION_ERROR', 'Choose an organisation from the partner registry.', [
      { field: 'organisationId', message: 'Unknown organisation' },
    ]);
  }
}

export async function findUsers(deps: Deps, actor: UserActor, query: UserListQuery): Promise<UserList> {
  const sort = userListSort(query.sort);
  const cursor = decodeCursor(query.cursor, sort);
  const { items, nextCursor, total } = await findUserRows(deps.db, actor.municipalityId, query, { sort, cursor });
  return { items: items.map(presentUser), nextCursor, total };
}

export async function getUser(deps: Deps, actor: UserActor, userId: string): Promise<User> {
  return presentUser(await getUserRow(deps, actor, userId));
}

/** Creates a user in the actor's municipality with an initial password the admin hands over. */
export async function createUser(deps: Deps, actor: UserActor, body: CreateUserBody): Promise<User> {
  await assertOrganisationInMunicipality(deps, actor, body.organisationId);
  if (await isEmailTaken(deps.db, body.email)) {
    throw new AppError('EMAIL_TAKEN', 'A user with this e-mail already exists.', [{ field: 'email', message: 'Already in use' }]);
  }
  assertStrongPassword(body.password, [body.email, body.name, 'lykt']);
  const passwordHash = await hashPassword(body.password);
  const created = await inTransaction(deps, async (tx) => {
    const user = await insertUser(tx, {
      municipalityId: actor.municipalityId,
      organisationId: body.organisationId,
      email: body.email,
      name: body.name,
      role: body.role,
      passwordHash,
    });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      details: { role: body.role, organisationId: body.organisationId },
    });
    return user;
  });
  return getUser(deps, actor, created.id);
}

/** Changes name, role or organisation, or (de)activates. Deactivation ends the user's sessions. */
export async function updateUser(deps: Deps, actor: UserActor, userId: string, body: UpdateUserBody): Promise<User> {
  const user = await getUserRow(deps, actor, userId);
  if (body.organisationId) await assertOrganisationInMunicipality(deps, actor, body.organisationId);
  const isDeactivating = body.active === false && user.deactivatedAt === null;
  const isReactivating = body.active === true && user.deactivatedAt !== null;
  const losesAdmin = user.role === 'admin' && user.deactivatedAt === null && ((body.role && body.role !== 'admin') || isDeactivating);
  if (losesAdmin && (await countActiveAdmins(deps.db, actor.municipalityId)) <= 1) {
    throw new AppError('LAST_ADMIN', 'This is the last active administrator. Make another user admin first.');
  }
  const changedFields = (['name', 'role', 'organisationId'] as const).filter((field) => body[field] !== undefined && body[field] !== user[field]);
  await inTransaction(deps, async (tx) => {
    await updateUserRow(tx, actor.municipalityId, userId, {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.role !== undefined ? { role: body.role } : {}),
      ...(body.organisationId !== undefined ? { organisationId: body.organisationId } : {}),
      ...(isDeactivating ? { deactivatedAt: new Date() } : {}),
      ...(isReactivating ? { deactivatedAt: null, failedLoginCount: 0, lockedUntil: null } : {}),
    });
    if (changedFields.length > 0) {
      await recordAudit(tx, {
        municipalityId: actor.municipalityId,
        action: 'user.updated',
        entityType: 'user',
        entityId: userId,
        details: { fields: changedFields, ...(body.role && body.role !== user.role ? { fromRole: user.role, toRole: body.role } : {}) },
      });
    }
    if (isDeactivating || (body.role && body.role !== user.role)) {
      // A changed role or a deactivation takes effect now, not when the session times out.
      await endUserSessions(tx, actor.municipalityId, userId, isDeactivating ? 'deactivated' : 'role_changed');
    }
    if (isDeactivating) await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'user.deactivated', entityType: 'user', entityId: userId });
    if (isReactivating) await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'user.reactivated', entityType: 'user', entityId: userId });
  });
  return getUser(deps, actor, userId);
}

/** Removes a user's MFA so they enrol again at next sign-in; their sessions end. */
export async function resetUserMfa(deps: Deps, actor: UserActor, userId: string): Promise<User> {
  await getUserRow(deps, actor, userId);
  await inTransaction(deps, async (tx) => {
    await updateUserRow(tx, actor.municipalityId, userId, { mfaSecretEnc: null, mfaPendingSecretEnc: null, mfaEnabledAt: null, mfaLastStep: null });
    await endUserSessions(tx, actor.municipalityId, userId, 'mfa_reset');
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'user.mfa.reset', entityType: 'user', entityId: userId });
  });
  return getUser(deps, actor, userId);
}

export async function findUserSessions(deps: Deps, actor: UserActor, userId: string) {
  await getUserRow(deps, actor, userId);
  const sessions = await listOpenSessions(deps.db, actor.municipalityId, userId, deps.config.sessionIdleMs);
  await inTransaction(deps, (tx) =>
    recordAudit(tx, { municipalityId: actor.municipalityId, action: 'user.sessions.viewed', entityType: 'user', entityId: userId }),
  );
  return {
    items: sessions.map((session) => ({
      id: session.id,
      createdAt: session.createdAt.toISOString(),
      lastSeenAt: session.lastSeenAt.toISOString(),
      absoluteExpiresAt: session.absoluteExpiresAt.toISOString(),
      isCurrent: session.id === actor.sessionId,
    })),
  };
}

export async function endUserSessionsAsAdmin(deps: Deps, actor: UserActor, userId: string): Promise<{ ended: number }> {
  await getUserRow(deps, actor, userId);
  return inTransaction(deps, async (tx) => {
    const ended = await endUserSessions(tx, actor.municipalityId, userId, 'ended_by_admin');
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'user.sessions.ended',
      entityType: 'user',
      entityId: userId,
      details: { ended },
    });
    return { ended };
  });
}
