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
  'tips:read',
  'tips:manage',
  'tips:settings',
  'plans:read',
  'plans:write',
  'plans:progress',
  'cooperation:read',
  'cooperation:write',
  'routing:read',
  'screenings:create',
  'screenings:read',
  'screenings:statistics',
  'concerns:create',
  'concerns:read',
  'concerns:triage',
  'pathway:read',
  'pathway:write',
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
    'tips:settings',
    'plans:read',
    'cooperation:read',
    'routing:read',
  ],
  coordinator: ['organisations:read', 'organisations:write', 'municipality:read', 'audit:read', 'tips:read', 'tips:manage', 'tips:settings', 'plans:read', 'plans:write', 'plans:progress', 'cooperation:read', 'cooperation:write', 'routing:read', 'screenings:create', 'screenings:read', 'screenings:statistics', 'concerns:create', 'concerns:read', 'concerns:triage', 'pathway:read', 'pathway:write'],
  caseworker: ['organisations:read', 'municipality:read', 'tips:read', 'plans:read', 'cooperation:read', 'routing:read', 'screenings:create', 'screenings:read', 'concerns:create', 'concerns:read', 'pathway:read'],
  frontline: ['organisations:read', 'municipality:read', 'plans:read', 'routing:read', 'screenings:create', 'screenings:read', 'concerns:create', 'concerns:read', 'pathway:read'],
  partner: ['organisations:read', 'municipality:read', 'plans:read', 'plans:progress', 'cooperation:read', 'routing:read'],
  viewer: ['municipality:read', 'plans:read', 'screenings:statistics'],
};

/** The permissions a role grants. */
export function permissionsFor(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

/** Whether a role grants a permission. */
export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
