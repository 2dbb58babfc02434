import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser, municipality, session } from './platform';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A WebAuthn credential (passkey) a staff user registered. The public key is not secret; the
 * private key never leaves the user's authenticator.
 */
export const passkeyCredential = pgTable(
  'passkey_credential',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    /** The authenticator's credential id, base64url; unique across the installation. */
    credentialId: text('credential_id').notNull(),
    /** COSE public key, base64url. */
    publicKey: text('public_key').notNull(),
    /** The last signature counter seen; a lower or equal non-zero value marks a cloned authenticator. */
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    /** Transports the browser reported (usb, nfc, ble, internal, hybrid), as hints for sign-in. */
    transports: jsonb('transports').$type<string[]>().notNull().default([]),
    /** singleDevice or multiDevice (synced passkey). */
    deviceType: text('device_type').notNull(),
    /** The name the user gave it ("Work laptop"). */
    name: text('name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [uniqueIndex('passkey_credential_id_idx').on(t.credentialId), index('passkey_credential_user_idx').on(t.municipalityId, t.userId)],
);

/**
 * An issued WebAuthn challenge, kept server-side until used once or expired. Only its SHA-256 is
 * stored. Passwordless sign-in challenges belong to no user or session yet.
 */
export const webauthnChallenge = pgTable(
  'webauthn_challenge',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    challengeHash: text('challenge_hash').notNull(),
    /** registration, second_factor or passwordless. */
    purpose: text('purpose').notNull(),
    municipalityId: uuid('municipality_id').references(() => municipality.id),
    userId: uuid('user_id').references(() => appUser.id),
    sessionId: uuid('session_id').references(() => session.id),
    expiresAt: ts('expires_at').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('webauthn_challenge_hash_idx').on(t.challengeHash), index('webauthn_challenge_expires_idx').on(t.expiresAt)],
);
