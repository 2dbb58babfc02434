import type { MeResponse, MfaPolicy, Role, SessionState } from '@lykt/shared';
import { permissionsFor } from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { onInvalidation } from '../../platform/cluster/invalidation';
import { TtlCache } from '../../platform/cluster/ttl-cache';
import { findMunicipalityWithOrganisation } from '../municipality/municipality.repository';
import type { UserRow } from '../users/user.repository';
import { mustUseMfa } from './auth.service';
import { mustUsePasskey } from './passkeys/passkey-policy';
import type { SessionRow } from './session.repository';

type MunicipalityAndOrganisation = NonNullable<Awaited<ReturnType<typeof findMunicipalityWithOrganisation>>>;

/** The municipality (name, settings) and organisation name per signed-in user's pair; dropped on any change to either, in every process. */
const settingsCache = new TtlCache<string, MunicipalityAndOrganisation & { organisationId: string }>(60_000, 5_000);
let settingsGeneration = 0;
onInvalidation((change) => {
  settingsGeneration += 1;
  if (change.kind === 'all') settingsCache.clear();
  else if (change.kind === 'municipality') settingsCache.deleteWhere((entry) => entry.municipality.id === change.id);
  else if (change.kind === 'organisation') settingsCache.deleteWhere((entry) => entry.organisationId === change.id);
});

/** The settings cache's key for a user's municipality and organisation. */
const settingsKey = (municipalityId: string, organisationId: string) => `${municipalityId}:${organisationId}`;

async function municipalityAndOrganisation(deps: Deps, municipalityId: string, organisationId: string): Promise<MunicipalityAndOrganisation | null> {
  const key = settingsKey(municipalityId, organisationId);
  const cached = settingsCache.get(key);
  if (cached) return cached;
  const generation = settingsGeneration;
  const found = await findMunicipalityWithOrganisation(deps.db, municipalityId, organisationId);
  if (found && generation === settingsGeneration) settingsCache.set(key, { ...found, organisationId });
  return found;
}

/** The signed-in user's own profile, permissions and session limits (the user row comes from the session lookup). */
export async function getMe(deps: Deps, user: UserRow, session: SessionRow): Promise<MeResponse> {
  const found = await municipalityAndOrganisation(deps, user.municipalityId, user.organisationId);
  if (!found) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return meResponse(deps, user, session, found);
}

/** `getMe` without a promise when the municipality and organisation are in this process's cache; else null. */
export function getMeCached(deps: Deps, user: UserRow, session: SessionRow): MeResponse | null {
  const found = settingsCache.get(settingsKey(user.municipalityId, user.organisationId));
  return found ? meResponse(deps, user, session, found) : null;
}

function meResponse(deps: Deps, user: UserRow, session: SessionRow, found: MunicipalityAndOrganisation): MeResponse {
  const { municipality, organisationName } = found;
  const role = user.role as Role;
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role,
      language: user.language,
      mfaEnabled: user.mfaEnabledAt !== null,
      mfaRequired: mustUseMfa(deps, user, municipality),
      passkeyRequired: mustUsePasskey(deps, user, municipality),
    },
    organisation: { id: user.organisationId, name: organisationName },
    municipality: {
      id: municipality.id,
      name: municipality.name,
      isDemo: municipality.isDemo,
      defaultLanguage: municipality.settings.defaultLanguage,
      mfaPolicy: municipality.settings.mfaPolicy satisfies MfaPolicy,
    },
    permissions: [...permissionsFor(role)],
    session: {
      state: session.state as SessionState,
      ...sessionLimits(deps, session),
    },
  };
}

type SessionLimits = { idleExpiresAt: string; absoluteExpiresAt: string };
/** The two limits as text per session row, worked out again when the session is touched (Date#toISOString formats through printf in V8). */
const limitsBySession = new WeakMap<SessionRow, { lastSeenMs: number; absoluteMs: number; idleMs: number; limits: SessionLimits }>();

function sessionLimits(deps: Deps, session: SessionRow): SessionLimits {
  const lastSeenMs = session.lastSeenAt.getTime();
  const absoluteMs = session.absoluteExpiresAt.getTime();
  const idleMs = deps.config.sessionIdleMs;
  const known = limitsBySession.get(session);
  if (known && known.lastSeenMs === lastSeenMs && known.absoluteMs === absoluteMs && known.idleMs === idleMs) return known.limits;
  const limits = { idleExpiresAt: new Date(lastSeenMs + idleMs).toISOString(), absoluteExpiresAt: session.absoluteExpiresAt.toISOString() };
  limitsBySession.set(session, { lastSeenMs, absoluteMs, idleMs, limits });
  return limits;
}
