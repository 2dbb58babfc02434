import type { SeedCapabilities } from '@lykt/db';
import type { KeyRing } from './crypto';
import { hashPassword } from './passwords';

/** Gives the seed builders in packages/db the application's key creation, password hashing and field encryption. */
export function seedCapabilities(keyring: KeyRing): SeedCapabilities {
  return {
    createDataKey: (tx, municipalityId) => keyring.createDataKey(tx, municipalityId),
    hashPassword,
    encrypt: (tx, municipalityId, field, plaintext) => keyring.encrypt(tx, municipalityId, field, plaintext),
    keyedHash: (tx, municipalityId, purpose, value) => keyring.keyedHash(tx, municipalityId, purpose, value),
  };
}
