import type { MeResponse, MfaPolicy, Role, SessionState } from '@lykt/shared';
import { permissionsFor } from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { findMunicipalityWithOrganisation } from '../municipality/municipality.repository';
import type { UserRow } from '../users/user.repository';
import { mustUseMfa } from './auth.service';
import { mustUsePasskey } from './passkeys/passkey-policy';
import type { SessionRow } from './session.repository';

/** The signed-in user's own profile, permissions and session limits (the user row comes from the session lookup). */
export async function getMe(deps: Deps, user: UserRow, session: SessionRow): Promise<MeResponse> {
  const found = await findMunicipalityWithOrganisation(deps.db, user.municipalityId, user.organisationId);
  if (!found) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
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
      idleExpiresAt: new Date(session.lastSeenAt.getTime() + deps.config.sessionIdleMs).toISOString(),
      absoluteExpiresAt: session.absoluteExpiresAt.toISOString(),
    },
  };
}
