import type { MeResponse, MfaPolicy, Role, SessionState } from '@lykt/shared';
import { permissionsFor } from '@lykt/shared';
import type { UserActor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { findMunicipality } from '../municipality/municipality.repository';
import { findUserInMunicipality } from '../users/user.repository';
import { mustUseMfa } from './auth.service';
import type { SessionRow } from './session.repository';

/** The signed-in user's own profile, permissions and session limits. */
export async function getMe(deps: Deps, actor: UserActor, session: SessionRow): Promise<MeResponse> {
  const [user, municipality] = await Promise.all([
    findUserInMunicipality(deps.db, actor.municipalityId, actor.userId),
    findMunicipality(deps.db, actor.municipalityId),
  ]);
  if (!user || !municipality) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
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
    },
    organisation: { id: user.organisationId, name: user.organisationName },
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
      idleExpiresAt: new Date(session.lastSeenAt.getTime() + deps.config.sessionIdleMs).toISOString(),
      absoluteExpiresAt: session.absoluteExpiresAt.toISOString(),
    },
  };
}
