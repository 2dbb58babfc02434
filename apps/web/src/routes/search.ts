import { AUDIT_ACTIONS, OIDC_SIGN_IN_ERRORS, ROLES, type AuditAction, type OidcSignInError, type Role } from '@lykt/shared';

/** Search params of the sign-in page. */
export interface SignInSearch {
  /** Where to go after signing in (an address inside the app). */
  redirect?: string | undefined;
  /** Why the user is here: shows a notice. */
  reason?: 'expired' | 'signed-out' | undefined;
  /** Why a sign-in through the municipality's identity provider did not finish. */
  oidcError?: OidcSignInError | undefined;
}

/** Search params of the MFA sign-in steps. */
export interface MfaSearch {
  redirect?: string | undefined;
}

/** Filters and page of the users list, kept in the address so it can be shared and reloaded. */
export interface UsersSearch {
  q?: string | undefined;
  role?: Role | undefined;
  organisationId?: string | undefined;
  active?: 'true' | 'false' | undefined;
  offset?: number | undefined;
}

/** Filters and page of the audit log. */
export interface AuditSearch {
  action?: AuditAction | undefined;
  entityType?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  offset?: number | undefined;
}

/** Whether archived organisations are listed too. */
export interface OrganisationsSearch {
  archived?: boolean | undefined;
}

type RawSearch = Record<string, unknown>;

function text(value: unknown, max = 200): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return values.find((candidate) => candidate === value);
}

function offset(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

function isoDate(value: unknown): string | undefined {
  const candidate = text(value, 10);
  return candidate && /^\d{4}-\d{2}-\d{2}$/.test(candidate) ? candidate : undefined;
}

export function parseSignInSearch(search: RawSearch): SignInSearch {
  return {
    redirect: text(search.redirect, 2000),
    reason: oneOf(['expired', 'signed-out'] as const, search.reason),
    oidcError: oneOf(OIDC_SIGN_IN_ERRORS, search.oidc_error),
  };
}

export function parseMfaSearch(search: RawSearch): MfaSearch {
  return { redirect: text(search.redirect, 2000) };
}

export function parseUsersSearch(search: RawSearch): UsersSearch {
  return {
    q: text(search.q, 100),
    role: oneOf(ROLES, search.role),
    organisationId: text(search.organisationId, 36),
    active: oneOf(['true', 'false'] as const, typeof search.active === 'boolean' ? String(search.active) : search.active),
    offset: offset(search.offset),
  };
}

export function parseAuditSearch(search: RawSearch): AuditSearch {
  return {
    action: oneOf(AUDIT_ACTIONS, search.action),
    entityType: text(search.entityType, 60),
    from: isoDate(search.from),
    to: isoDate(search.to),
    offset: offset(search.offset),
  };
}

export function parseOrganisationsSearch(search: RawSearch): OrganisationsSearch {
  return { archived: search.archived === true || search.archived === 'true' ? true : undefined };
}
