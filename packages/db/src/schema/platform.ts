import { sql, type SQL } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => ts('created_at').notNull().defaultNow();

/** Municipality settings kept as one JSON document; validated by the API. */
export type MunicipalitySettingsJson = {
  mfaPolicy: 'privileged' | 'all' | 'off';
  /** Administrators and coordinators must use a passkey (absent: false). */
  requirePasskey?: boolean;
  languages: string[];
  defaultLanguage: string;
  suppressionThreshold: number;
  /** Shown counts in protected statistics are rounded to a multiple of this (absent or 1: no rounding). */
  roundingBase?: number;
  /** D for the cell-key perturbation of published statistics (absent: the default). */
  noiseMax?: number;
  /** V for the cell-key perturbation (absent: the default). */
  noiseVariance?: number;
  /** false: staff sign in only through an OpenID Connect provider (break-glass administrators excepted). Absent: true. */
  passwordLoginEnabled?: boolean;
  /** The logo on the municipality's documents: a validated PNG or JPEG, base64, at most 200 KB. */
  logo?: { type: 'png' | 'jpg'; width: number; height: number; data: string };
};

/** The tenant. Every tenant-owned table below carries its id. */
export const municipality = pgTable('municipality', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  country: text('country').notNull().default('NO'),
  settings: jsonb('settings').$type<MunicipalitySettingsJson>().notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Per-municipality data keys, wrapped by the master key. Ciphertext names the key id. */
export const dataKey = pgTable(
  'data_key',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    wrappedKey: text('wrapped_key').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('data_key_municipality_idx').on(t.municipalityId)],
);

export const organisation = pgTable(
  'organisation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    isInternal: boolean('is_internal').notNull().default(false),
    phone: text('phone'),
    email: text('email'),
    notes: text('notes').notNull().default(''),
    archivedAt: ts('archived_at'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('organisation_municipality_idx').on(t.municipalityId, t.name)],
);

export const contactPerson = pgTable(
  'contact_person',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    roleTitle: text('role_title').notNull().default(''),
    phone: text('phone'),
    email: text('email'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('contact_person_org_idx').on(t.municipalityId, t.organisationId)],
);

export const appUser = pgTable(
  'app_user',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** TOTP secret, encrypted with the municipality's data key. */
    mfaSecretEnc: text('mfa_secret_enc'),
    /** A secret being enrolled, encrypted, until the user confirms a code. */
    mfaPendingSecretEnc: text('mfa_pending_secret_enc'),
    mfaEnabledAt: ts('mfa_enabled_at'),
    /** The last TOTP time step accepted, so a code cannot be replayed. */
    mfaLastStep: bigint('mfa_last_step', { mode: 'number' }),
    language: text('language'),
    /** One of the fictional accounts seeded with the demo municipality (may skip MFA in demo mode). */
    isDemoAccount: boolean('is_demo_account').notNull().default(false),
    /** A local administrator made by the CLI who may sign in with a password even when the municipality turned passwords off. */
    isBreakGlass: boolean('is_break_glass').notNull().default(false),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: ts('locked_until'),
    lastLoginAt: ts('last_login_at'),
    deactivatedAt: ts('deactivated_at'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('app_user_email_idx').on(sql`lower(${t.email})`),
    // Keyset paging of the user list by name and by creation (see platform/keyset.ts).
    index('app_user_municipality_idx').on(t.municipalityId, t.name, t.id),
    index('app_user_created_sort_idx').on(t.municipalityId, t.createdAt, t.id),
  ],
);

export const session = pgTable(
  'session',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** SHA-256 of the session token; the token itself is only in the cookie. */
    tokenHash: text('token_hash').notNull(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    state: text('state').notNull(),
    /** The OpenID Connect provider the session was opened with (for RP-initiated logout); null for local sign-in. */
    oidcProviderId: uuid('oidc_provider_id'),
    createdAt: createdAt(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    absoluteExpiresAt: ts('absolute_expires_at').notNull(),
    endedAt: ts('ended_at'),
    endedReason: text('ended_reason'),
  },
  (t) => [
    uniqueIndex('session_token_idx').on(t.tokenHash),
    index('session_user_idx').on(t.municipalityId, t.userId),
  ],
);

/**
 * The audit log's searched coded columns joined into one text, for its trigram index and the
 * search that uses it (the expression must be the same in both for the planner to match them).
 */
export function auditEventSearchText(t: { action: AnyPgColumn; entityType: AnyPgColumn; entityId: AnyPgColumn; requestId: AnyPgColumn; actorLabel: AnyPgColumn }): SQL {
  return sql`${t.action} || ' ' || ${t.entityType} || ' ' || coalesce(${t.entityId}, '') || ' ' || coalesce(${t.requestId}, '') || ' ' || ${t.actorLabel}`;
}

/** Append-only, hash-chained per municipality. Holds no sensitive values. */
export const auditEvent = pgTable(
  'audit_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    occurredAt: ts('occurred_at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    requestId: text('request_id'),
    outcome: text('outcome').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_event_seq_idx').on(t.municipalityId, t.seq),
    // Keyset paging of the log: one index per sort, each ending in the id tie-breaker (see platform/keyset.ts).
    index('audit_event_time_idx').on(t.municipalityId, t.occurredAt, t.id),
    index('audit_event_action_sort_idx').on(t.municipalityId, t.action, t.id),
    index('audit_event_type_sort_idx').on(t.municipalityId, t.entityType, t.id),
    index('audit_event_actor_idx').on(t.municipalityId, t.actorUserId, t.occurredAt, t.id),
    index('audit_event_entity_idx').on(t.municipalityId, t.entityType, t.entityId),
    // The log's free-text search: one trigram index over its searched coded columns joined
    // (pg_trgm, created in migration 0026). A column containing the text makes the joined text
    // contain it, so the search filters on the joined text through this index and then checks
    // each column as before (see auditEventSearchText).
    index('audit_event_search_trgm_idx').using('gin', sql`(${auditEventSearchText(t)}) gin_trgm_ops`),
  ],
);
