import { boolean, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipalityRef, ts } from './columns';
import { appUser, organisation } from './platform';

/** One group id or claim value that gives a role in an organisation. */
export type OidcRoleMappingJson = { value: string; role: string; organisationId: string };

/**
 * An OpenID Connect provider a municipality's staff sign in with (Entra ID, Ansattporten, ...).
 * The client secret and the private key (private_key_jwt) are encrypted with the municipality's
 * data key; the rest is configuration, not personal data.
 */
export const oidcProvider = pgTable(
  'oidc_provider',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    /** Shown on the sign-in button. */
    name: text('name').notNull(),
    /** The issuer URL; discovery reads `<issuer>/.well-known/openid-configuration`. */
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    /** client_secret_basic, client_secret_post or private_key_jwt. */
    clientAuthMethod: text('client_auth_method').notNull(),
    clientSecretEnc: text('client_secret_enc'),
    /** A private JWK (JSON), encrypted, for private_key_jwt. */
    privateKeyEnc: text('private_key_enc'),
    scopes: text('scopes').notNull(),
    /** The claim that holds the stable subject: `sub`, or `oid` for Entra ID. */
    subjectClaim: text('subject_claim').notNull(),
    emailClaim: text('email_claim').notNull(),
    nameClaim: text('name_claim').notNull(),
    /** The claim holding group ids or role values (e.g. `groups`); empty: roles are kept in Lykt. */
    groupsClaim: text('groups_claim').notNull().default(''),
    roleMappings: jsonb('role_mappings').$type<OidcRoleMappingJson[]>().notNull().default([]),
    /** acr values that count as multi-factor: with one of them Lykt asks for no TOTP code. */
    mfaAcrValues: jsonb('mfa_acr_values').$type<string[]>().notNull().default([]),
    /** amr values that count as multi-factor (e.g. `mfa` from Entra ID). */
    mfaAmrValues: jsonb('mfa_amr_values').$type<string[]>().notNull().default([]),
    /** Just-in-time creation of unknown users; off by default. */
    jitEnabled: boolean('jit_enabled').notNull().default(false),
    /** Where a user created just in time lands when the mapping gives no organisation. */
    jitOrganisationId: uuid('jit_organisation_id').references(() => organisation.id),
    isEnabled: boolean('is_enabled').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('oidc_provider_municipality_idx').on(t.municipalityId)],
);

/** A Lykt user linked to a provider's stable subject. Never found by e-mail. */
export const oidcIdentity = pgTable(
  'oidc_identity',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => oidcProvider.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastLoginAt: ts('last_login_at'),
  },
  (t) => [
    uniqueIndex('oidc_identity_subject_idx').on(t.providerId, t.subject),
    uniqueIndex('oidc_identity_user_idx').on(t.providerId, t.userId),
    index('oidc_identity_municipality_idx').on(t.municipalityId, t.userId),
  ],
);

/**
 * A sign-in under way: found by the hash of its `state`, used once, valid for minutes. The
 * browser holds the state in a cookie, so a callback from another browser does not match.
 */
export const oidcLoginAttempt = pgTable(
  'oidc_login_attempt',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => oidcProvider.id, { onDelete: 'cascade' }),
    stateHash: text('state_hash').notNull(),
    /** The PKCE verifier and the nonce, encrypted: with them and a stolen code, the sign-in could be finished. */
    secretsEnc: text('secrets_enc').notNull(),
    expiresAt: ts('expires_at').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('oidc_login_attempt_state_idx').on(t.stateHash)],
);
