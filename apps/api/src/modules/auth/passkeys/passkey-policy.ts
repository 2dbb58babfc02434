import type { Role } from '@lykt/shared';
import { isPasskeyRequired, PASSKEY_POLICY_ROLES } from '@lykt/shared';
import type { Database } from '@lykt/db';
import type { UserActor } from '../../../platform/context';
import type { Deps } from '../../../platform/deps';
import { AppError } from '../../../platform/errors';
import type { MunicipalityRow } from '../../municipality/municipality.repository';
import { endUserSessions } from '../session.repository';
import { countUserPasskeys, findUsersWithoutPasskey } from './passkey.repository';

/**
 * Whether this user must use a passkey (phishing-resistant MFA). Demo mode relaxes the rule only
 * for the fictional demo accounts of the demo municipality, as it does for TOTP.
 */
export function mustUsePasskey(deps: Deps, user: { role: string; isDemoAccount: boolean }, municipality: MunicipalityRow): boolean {
  if (deps.config.demo && municipality.isDemo && user.isDemoAccount) return false;
  return isPasskeyRequired(user.role as Role, municipality.settings.requirePasskey === true);
}

/**
 * Turning the passkey requirement on: the administrator who does it must already hold a passkey
 * if the rule covers them (or they would lock themselves out), and the open sessions of everyone
 * the rule covers who has none end now, so they register one at their next sign-in.
 * Returns how many sessions ended.
 */
export async function startRequiringPasskeys(deps: Deps, tx: Database, actor: UserActor, municipality: MunicipalityRow, actorIsDemoAccount: boolean): Promise<number> {
  const after = { ...municipality, settings: { ...municipality.settings, requirePasskey: true } };
  if (mustUsePasskey(deps, { role: actor.role, isDemoAccount: actorIsDemoAccount }, after) && (await countUserPasskeys(tx, actor.municipalityId, actor.userId)) === 0) {
    throw new AppError('CONFLICT', 'Register a passkey for yourself (on your profile) before you require passkeys: otherwise you would lock yourself out.');
  }
  const exemptDemo = deps.config.demo && municipality.isDemo;
  const userIds = await findUsersWithoutPasskey(tx, actor.municipalityId, PASSKEY_POLICY_ROLES, exemptDemo);
  let ended = 0;
  for (const userId of userIds) ended += await endUserSessions(tx, actor.municipalityId, userId, 'passkey_required');
  return ended;
}
