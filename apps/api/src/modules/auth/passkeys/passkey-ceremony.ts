import type { WebAuthnCredential } from '@simplewebauthn/server';
import { decodeClientDataJSON, isoBase64URL } from '@simplewebauthn/server/helpers';
import type { Deps } from '../../../platform/deps';
import { sha256Hex } from '../../../platform/crypto';
import { insertChallenge, takeChallenge, type ChallengePurpose, type PasskeyRow } from './passkey.repository';

/** How long a challenge may be answered. */
export const CHALLENGE_TTL_MS = 5 * 60_000;
/** The browser's own timeout for the ceremony, a little shorter than the challenge's life. */
export const CEREMONY_TIMEOUT_MS = 4 * 60_000;

/** Stores an issued challenge (the library's random 32 bytes, base64url) by its hash, for one purpose (and, where there is one, one user and session). */
export async function storeChallenge(
  deps: Deps,
  challenge: string,
  purpose: ChallengePurpose,
  owner: { municipalityId: string; userId: string; sessionId: string } | null,
): Promise<void> {
  await insertChallenge(deps.db, {
    challengeHash: sha256Hex(challenge),
    purpose,
    municipalityId: owner?.municipalityId ?? null,
    userId: owner?.userId ?? null,
    sessionId: owner?.sessionId ?? null,
    expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS),
  });
}

/**
 * Takes the challenge the client signed out of the store (single use: it is gone whatever
 * follows) and returns it if it was issued by us, for this purpose and session, and is still
 * fresh; null otherwise.
 */
export async function consumeChallenge(deps: Deps, clientDataJSON: string, purpose: ChallengePurpose, sessionId: string | null): Promise<string | null> {
  let challenge: string;
  try {
    challenge = decodeClientDataJSON(clientDataJSON).challenge;
  } catch {
    return null;
  }
  if (typeof challenge !== 'string' || challenge === '') return null;
  const row = await takeChallenge(deps.db, sha256Hex(challenge));
  if (!row || row.purpose !== purpose || row.expiresAt.getTime() <= Date.now()) return null;
  if (row.sessionId !== sessionId) return null;
  return challenge;
}

/** The signature counter in authenticator data (bytes 33-36, big-endian); null when too short. */
export function signCounterOf(authenticatorData: string): number | null {
  const bytes = Buffer.from(authenticatorData, 'base64url');
  return bytes.length >= 37 ? bytes.readUInt32BE(33) : null;
}

/**
 * A counter that does not grow (when either side is non-zero) means the credential may have been
 * cloned: WebAuthn § 6.1.1. Authenticators that keep no counter send 0 every time.
 */
export function isCounterRegression(stored: number, received: number): boolean {
  return (stored > 0 || received > 0) && received <= stored;
}

export function toWebAuthnCredential(row: PasskeyRow): WebAuthnCredential {
  return {
    id: row.credentialId,
    publicKey: isoBase64URL.toBuffer(row.publicKey),
    counter: row.counter,
    transports: row.transports.filter(isTransport),
  };
}

const TRANSPORTS = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'] as const;
type Transport = (typeof TRANSPORTS)[number];
export function isTransport(value: string): value is Transport {
  return (TRANSPORTS as readonly string[]).includes(value);
}
