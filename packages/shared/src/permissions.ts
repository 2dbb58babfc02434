import type { Role } from './roles';

/**
 * The permission catalogue. Routes require one of these; roles map to them below.
 * Anything not granted here is denied.
 */
export const PERMISSIONS = [
  'users:read',
  'users:write',
  'sessions:manage',
  'organisations:read',
  'organisations:write',
  'municipality:read',
  'municipality:write',
  'audit:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    'users:read',
    'users:write',
    'sessions:manage',
    'organisations:read',
    'organisations:write',
    'municipality:read',
    'municipality:write',
    'audit:read',
  ],
  coordinator: ['organisations:read', 'organisations:write', 'municipality:read', 'audit:read'],
  caseworker: ['organisations:read', 'municipality:read'],
  frontline: ['organisations:read', 'municipality:read'],
  partner: ['organisations:read', 'municipality:read'],
  viewer: ['municipality:read'],
};

/** The permissions a role grants. */
export function permissionsFor(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

/** Whether a role grants a permission. */
export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
