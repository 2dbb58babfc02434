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
  'reports:read',
  'reports:write',
  'routing:read',
  'screenings:create',
  'screenings:read',
  'concerns:create',
  'concerns:read',
  'concerns:triage',
  'pathway:read',
  'pathway:write',
  'knowledge:read',
  'knowledge:write',
  'content:review',
  'training:take',
  'training:coverage',
  'training:manage',
  'cases:read',
  'cases:write',
  'cases:coordinate',
  'referrals:respond',
  'statistics:read',
  'statistics:internal',
  'statistics:export',
  'statistics:htcds',
  'statistics:publish',
  'overview:read',
  'overview:write',
  /** Prevalence studies: lists of pseudonyms, overlap tables and estimates (docs/PREVALENCE.md). */
  'prevalence:manage',
  'procurement:read',
  'procurement:write',
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
    'content:review',
    'audit:read',
    'tips:settings',
    'plans:read',
    'cooperation:read',
    'routing:read',
    'knowledge:read',
    'training:take',
  ],
  coordinator: ['organisations:read', 'organisations:write', 'municipality:read', 'audit:read', 'tips:read', 'tips:manage', 'tips:settings', 'plans:read', 'plans:write', 'plans:progress', 'cooperation:read', 'cooperation:write', 'reports:read', 'reports:write', 'routing:read', 'screenings:create', 'screenings:read', 'concerns:create', 'concerns:read', 'concerns:triage', 'pathway:read', 'pathway:write', 'cases:read', 'cases:write', 'cases:coordinate', 'knowledge:read', 'knowledge:write', 'training:take', 'training:coverage', 'training:manage', 'statistics:read', 'statistics:internal', 'statistics:export', 'statistics:htcds', 'statistics:publish', 'overview:read', 'overview:write', 'content:review', 'prevalence:manage', 'procurement:read', 'procurement:write'],
  caseworker: ['organisations:read', 'municipality:read', 'tips:read', 'plans:read', 'cooperation:read', 'routing:read', 'screenings:create', 'screenings:read', 'concerns:create', 'concerns:read', 'pathway:read', 'cases:read', 'cases:write', 'knowledge:read', 'training:take'],
  frontline: ['organisations:read', 'municipality:read', 'plans:read', 'routing:read', 'screenings:create', 'screenings:read', 'concerns:create', 'concerns:read', 'pathway:read', 'knowledge:read', 'training:take'],
  partner: ['organisations:read', 'municipality:read', 'plans:read', 'plans:progress', 'cooperation:read', 'routing:read', 'referrals:respond', 'knowledge:read', 'training:take', 'overview:read'],
  viewer: ['municipality:read', 'plans:read', 'reports:read', 'knowledge:read', 'statistics:read', 'statistics:export'],
  // The procurement officer: the municipality's contracts, checks and findings, and a concern from a
  // finding (they then see only the concerns they started). No cases, tips or statistics below the report.
  procurement: ['organisations:read', 'municipality:read', 'plans:read', 'routing:read', 'concerns:create', 'concerns:read', 'pathway:read', 'knowledge:read', 'training:take', 'procurement:read', 'procurement:write'],
};

/** The permissions a role grants. */
export function permissionsFor(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

/** Whether a role grants a permission. */
export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
