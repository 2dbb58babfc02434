import type { Deps } from '../../../platform/deps';
import { buildLogoutUrl } from './oidc-client';
import { findProviderInMunicipality } from './oidc.repository';

/** The provider's end-session URL for a session opened through it; null when it has none or cannot be reached. */
export async function oidcLogoutUrl(deps: Deps, municipalityId: string, providerId: string): Promise<string | null> {
  const provider = await findProviderInMunicipality(deps.db, municipalityId, providerId);
  if (!provider) return null;
  try {
    return await buildLogoutUrl(deps, provider);
  } catch {
    // Lykt's own session has ended either way; the provider's may outlive it.
    return null;
  }
}
