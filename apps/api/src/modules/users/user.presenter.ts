import type { User } from '@lykt/shared';
import type { Role } from '@lykt/shared';
import type { UserWithOrganisation } from './user.repository';

/** The fields of a user that leave the server. Never the hash, MFA secrets or counters. */
export function presentUser(user: UserWithOrganisation): User {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    organisation: { id: user.organisationId, name: user.organisationName },
    active: user.deactivatedAt === null,
    mfaEnabled: user.mfaEnabledAt !== null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    lockedUntil: user.lockedUntil && user.lockedUntil > new Date() ? user.lockedUntil.toISOString() : null,
    createdAt: user.createdAt.toISOString(),
  };
}
