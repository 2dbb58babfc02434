import { AUDIT_ACTIONS, AUDIT_OUTCOMES, AUDIT_SORT_KEYS, OIDC_SIGN_IN_ERRORS, ORGANISATION_KINDS, ROLES, sortValues, type AuditAction, type AuditListQuery, USER_SORT_KEYS, type UserListQuery, type OidcSignInError, type OrganisationKind, type Role } from '@lykt/shared';
import { cursorParam, type KeysetSearch } from '../lib/use-list-search';

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

/** Filters, sort and page of the users list, kept in the address so it can be shared and reloaded. */
export interface UsersSearch extends KeysetSearch {
  q?: string | undefined;
  role?: Role | undefined;
  organisationId?: string | undefined;
  active?: 'true' | 'false' | undefined;
  sort?: UserListQuery['sort'] | undefined;
}

/** Filters, sort and page of the audit log, kept in the address so a link can be shared. */
export interface AuditSearch extends KeysetSearch {
  q?: string | undefined;
  action?: AuditAction | undefined;
  actorId?: string | undefined;
  entityType?: string | undefined;
  outcome?: (typeof AUDIT_OUTCOMES)[number] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: AuditListQuery['sort'] | undefined;
}

/** The partner register's search, kind, sort and whether archived ones are listed too. */
export interface OrganisationsSearch extends KeysetSearch {
  archived?: boolean | undefined;
  q?: string | undefined;
  kind?: OrganisationKind | undefined;
  sort?: 'name' | '-name' | 'kind' | undefined;
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
    sort: oneOf(USER_SORTS, search.sort),
    cursor: cursorParam(search.cursor),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AUDIT_SORTS = sortValues(AUDIT_SORT_KEYS);
const USER_SORTS = sortValues(USER_SORT_KEYS);

/** Reads the audit log's address; unknown or stale values fall back to no filter. */
export function parseAuditSearch(search: RawSearch): AuditSearch {
  const actorId = text(search.actorId, 36);
  return {
    q: text(search.q, 100),
    action: oneOf(AUDIT_ACTIONS, search.action),
    actorId: actorId && UUID.test(actorId) ? actorId : undefined,
    entityType: text(search.entityType, 60),
    outcome: oneOf(AUDIT_OUTCOMES, search.outcome),
    from: isoDate(search.from),
    to: isoDate(search.to),
    sort: oneOf(AUDIT_SORTS, search.sort),
    cursor: cursorParam(search.cursor),
  };
}

export function parseOrganisationsSearch(search: RawSearch): OrganisationsSearch {
  return {
    archived: search.archived === true || search.archived === 'true' ? true : undefined,
    q: text(search.q, 100),
    kind: oneOf(ORGANISATION_KINDS, search.kind),
    sort: oneOf(['name', '-name', 'kind'] as const, search.sort),
  };
}

/** The plans page's address: `due` shows the measure deadlines a home count linked to. */
export interface PlansSearch {
  due?: 'overdue' | 'soon' | undefined;
}

export function parsePlansSearch(search: RawSearch): PlansSearch {
  return { due: oneOf(['overdue', 'soon'] as const, search.due) };
}

/** The training page's address: `due=me` shows only the modules due for the user (the home count). */
export interface TrainingSearch {
  due?: 'me' | undefined;
}

export function parseTrainingSearch(search: RawSearch): TrainingSearch {
  return { due: oneOf(['me'] as const, search.due) };
}
