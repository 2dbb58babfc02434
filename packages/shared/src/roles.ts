/** The roles a staff user can hold. One role per user. */
export const ROLES = ['admin', 'coordinator', 'caseworker', 'frontline', 'partner', 'viewer', 'procurement'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that handle case content, contract findings or the system itself, and so need MFA under the default policy. */
export const PRIVILEGED_ROLES: readonly Role[] = ['admin', 'coordinator', 'caseworker', 'procurement'];

/** How a municipality requires TOTP MFA. */
export const MFA_POLICIES = ['privileged', 'all', 'off'] as const;
export type MfaPolicy = (typeof MFA_POLICIES)[number];

/** Whether a user with this role must use MFA under the given policy. */
export function isMfaRequired(role: Role, policy: MfaPolicy): boolean {
  if (policy === 'all') return true;
  if (policy === 'off') return false;
  return PRIVILEGED_ROLES.includes(role);
}
