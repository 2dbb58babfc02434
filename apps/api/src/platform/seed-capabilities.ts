import type { SeedCapabilities } from '@lykt/db';
import type { KeyRing } from './crypto';
import { hashPassword } from './passwords';

/** Gives the seed builders in packages/db the application's key creation and password hashing. */
export function seedCapabilities(keyring: KeyRing): SeedCapabilities {
  return { createDataKey: (tx, municipalityId) => keyring.createDataKey(tx, municipalityId), hashPassword };
}
