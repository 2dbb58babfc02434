import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser, municipality, organisation } from './platform';
import { day, ts, statisticsKey } from './columns';

/**
 * A case: assistance and protection for one possible victim. Two kinds of data live here:
 * coded facts in plain columns (KOM/HTCDS categories, used by statistics) and personal data,
 * encrypted with the municipality's data key ("case_file.person", "case_file.safety_plan").
 * The table is named case_file because CASE is an SQL keyword.
 */
export const caseFile = pgTable(
  'case_file',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    statisticsKey: statisticsKey(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    /** The case number, e.g. 2026-0007: a per-municipality sequence, never derived from the person. */
    caseNumber: text('case_number').notNull(),
    status: text('status').notNull().default('open'),
    /** Where the case came from: concern, tip or direct. */
    sourceKind: text('source_kind').notNull(),
    sourceId: uuid('source_id'),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => appUser.id),
    openedByUserId: uuid('opened_by_user_id')
      .notNull()
      .references(() => appUser.id),
    // Coded facts (statistics, KOM's yearly categories and HTCDS values).
    gender: text('gender').notNull().default('unknown'),
    ageBand: text('age_band').notNull().default('unknown'),
    isMinor: boolean('is_minor').notNull().default(false),
    /** ISO 3166-1 alpha-2, or null when unknown. */
    nationality: text('nationality'),
    exploitationForms: jsonb('exploitation_forms').$type<string[]>().notNull().default([]),
    sectors: jsonb('sectors').$type<string[]>().notNull().default([]),
    identifyingService: text('identifying_service').notNull().default('unknown'),
    residenceStatus: text('residence_status').notNull().default('unknown'),
    reflectionPeriodStart: day('reflection_period_start'),
    reflectionPeriodEnd: day('reflection_period_end'),
    policeReportMade: boolean('police_report_made'),
    assistedReturn: boolean('assisted_return'),
    childWelfareMeasure: boolean('child_welfare_measure'),
    outcome: text('outcome'),
    /** A minor: child welfare must review within a week of opening. Cleared once the child-welfare need is under way. */
    childWelfareReviewDueAt: ts('child_welfare_review_due_at'),
    // Personal data (encrypted JSON) and the keyed hash used to find duplicates without plaintext.
    personEnc: text('person_enc'),
    personHash: text('person_hash'),
    safetyPlanEnc: text('safety_plan_enc'),
    closeReasonEnc: text('close_reason_enc'),
    /** Why the case was last reopened (encrypted; erased with the other personal data). */
    reopenReasonEnc: text('reopen_reason_enc'),
    /** Why the personal data was erased on request (encrypted; kept after erasure as the record of the request). */
    erasureReasonEnc: text('erasure_reason_enc'),
    closedAt: ts('closed_at'),
    /** When the personal data was erased (retention or a data subject's request); the coded facts stay. */
    personalDataErasedAt: ts('personal_data_erased_at'),
    retentionWarnedAt: ts('retention_warned_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('case_file_number_idx').on(t.municipalityId, t.caseNumber),
    // The list's sorts (keyset paging on column, then id) and its status filter under the default sort.
    index('case_file_list_idx').on(t.municipalityId, t.updatedAt, t.id),
    index('case_file_created_idx').on(t.municipalityId, t.createdAt, t.id),
    index('case_file_number_sort_idx').on(t.municipalityId, t.caseNumber, t.id),
    index('case_file_status_sort_idx').on(t.municipalityId, t.status, t.updatedAt, t.id),
    index('case_file_status_idx').on(t.municipalityId, t.status, t.closedAt),
    index('case_file_person_hash_idx').on(t.municipalityId, t.personHash),
    index('case_file_source_idx').on(t.municipalityId, t.sourceKind, t.sourceId),
  ],
);

/** The case team: only members (and the coordinator, for coded facts) see a case. */
export const caseMember = pgTable(
  'case_member',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseFile.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    /** owner or member. */
    teamRole: text('team_role').notNull(),
    addedAt: ts('added_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('case_member_unique_idx').on(t.caseId, t.userId), index('case_member_user_idx').on(t.municipalityId, t.userId)],
);

/** One assessed need per kind (housing, health, ...), with its status and an encrypted note. */
export const caseNeed = pgTable(
  'case_need',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseFile.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    noteEnc: text('note_enc'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('case_need_kind_idx').on(t.caseId, t.kind)],
);

/** A task with an owner and a due date. The title is encrypted (it may describe the person). */
export const caseTask = pgTable(
  'case_task',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseFile.id, { onDelete: 'cascade' }),
    titleEnc: text('title_enc').notNull(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => appUser.id),
    dueOn: day('due_on').notNull(),
    doneAt: ts('done_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('case_task_case_idx').on(t.caseId, t.dueOn), index('case_task_owner_idx').on(t.municipalityId, t.ownerUserId, t.doneAt)],
);

/** The case journal: dated entries, text encrypted. */
export const caseJournalEntry = pgTable(
  'case_journal_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseFile.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => appUser.id),
    entryDate: day('entry_date').notNull(),
    textEnc: text('text_enc').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('case_journal_case_idx').on(t.caseId, t.entryDate)],
);

/** Consent per purpose and, for sharing, per recipient organisation and data categories. */
export const caseConsent = pgTable(
  'case_consent',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseFile.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    recipientOrganisationId: uuid('recipient_organisation_id').references(() => organisation.id),
    dataCategories: jsonb('data_categories').$type<string[]>().notNull().default([]),
    method: text('method').notNull(),
    withInterpreter: boolean('with_interpreter').notNull().default(false),
    givenOn: day('given_on').notNull(),
    recordedByUserId: uuid('recorded_by_user_id')
      .notNull()
      .references(() => appUser.id),
    withdrawnAt: ts('withdrawn_at'),
    withdrawnByUserId: uuid('withdrawn_by_user_id').references(() => appUser.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('case_consent_case_idx').on(t.caseId)],
);

/**
 * A referral: a bounded part of the case sent to a partner organisation. The shared fields are
 * an encrypted snapshot; it is erased when the consent is withdrawn or the referral revoked.
 */
export const caseReferral = pgTable(
  'case_referral',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    statisticsKey: statisticsKey(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseFile.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    consentId: uuid('consent_id').references(() => caseConsent.id),
    /** Set when shared without consent: the recorded legal basis (flagged). */
    legalBasis: text('legal_basis'),
    legalBasisReasonEnc: text('legal_basis_reason_enc'),
    needKind: text('need_kind').notNull(),
    dataCategories: jsonb('data_categories').$type<string[]>().notNull(),
    sharedSnapshotEnc: text('shared_snapshot_enc'),
    status: text('status').notNull().default('sent'),
    /** Encrypted: the partner's decline reason or latest update, and the sender's revocation reason. */
    partnerNoteEnc: text('partner_note_enc'),
    revokeReasonEnc: text('revoke_reason_enc'),
    answerDueAt: ts('answer_due_at').notNull(),
    sentByUserId: uuid('sent_by_user_id')
      .notNull()
      .references(() => appUser.id),
    respondedByUserId: uuid('responded_by_user_id').references(() => appUser.id),
    sentAt: ts('sent_at').notNull().defaultNow(),
    respondedAt: ts('responded_at'),
    completedAt: ts('completed_at'),
    revokedAt: ts('revoked_at'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('case_referral_case_idx').on(t.caseId), index('case_referral_org_idx').on(t.municipalityId, t.organisationId, t.status),
    // The partner's list sorts (keyset paging: column then id).
    index('case_referral_org_sent_idx').on(t.municipalityId, t.organisationId, t.sentAt, t.id),
    index('case_referral_org_due_idx').on(t.municipalityId, t.organisationId, t.answerDueAt, t.id),
    index('case_referral_org_status_idx').on(t.municipalityId, t.organisationId, t.status, t.id),
  ],
);

/** Break-glass: a coordinator's time-limited access to the personal data of a case they are not on. */
export const caseAccessGrant = pgTable(
  'case_access_grant',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseFile.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    reasonEnc: text('reason_enc').notNull(),
    grantedAt: ts('granted_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('case_access_grant_idx').on(t.caseId, t.userId, t.expiresAt)],
);

/** Per-municipality case settings: how long personal data is kept after closing. */
export const caseSettings = pgTable(
  'case_settings',
  {
    municipalityId: uuid('municipality_id')
      .primaryKey()
      .references(() => municipality.id),
    retentionMonths: integer('retention_months').notNull().default(24),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
);
