import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './platform';
import { day, municipalityRef, ts } from './columns';

/**
 * Prevalence studies by multiple-systems estimation (docs/PREVALENCE.md). A study holds either
 * lists of keyed pseudonyms (never names: identifiers are discarded in the request that brings
 * them) or an overlap table entered as counts. Pseudonyms are erased when the study is made
 * final, unless the coordinator keeps them until a stated day.
 */
export const prevalenceStudy = pgTable(
  'prevalence_study',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    title: text('title').notNull(),
    periodFrom: day('period_from').notNull(),
    periodTo: day('period_to').notNull(),
    /** 'lists' (pseudonymised lists) or 'table' (an overlap table entered as counts); null until data arrives. */
    source: text('source'),
    /** Encrypted JSON overlap table when source is 'table' ("prevalence_study.table"). */
    tableEnc: text('table_enc'),
    /** 'open' or 'final'. */
    status: text('status').notNull().default('open'),
    finalisedAt: ts('finalised_at'),
    /** When pseudonyms are kept after the study is final: until this day, and why. */
    keepPseudonymsUntil: day('keep_pseudonyms_until'),
    keepReason: text('keep_reason'),
    pseudonymsErasedAt: ts('pseudonyms_erased_at'),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => appUser.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('prevalence_study_municipality_idx').on(t.municipalityId)],
);

/** One list: the possible victims one service met in the study's period. */
export const prevalenceList = pgTable(
  'prevalence_list',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    studyId: uuid('study_id')
      .notNull()
      .references(() => prevalenceStudy.id),
    name: text('name').notNull(),
    /** 'upload' (a partner's CSV) or 'lykt_cases' (Lykt's own cases). */
    origin: text('origin').notNull(),
    /** People on the list (rows accepted). */
    personCount: integer('person_count').notNull(),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => appUser.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('prevalence_list_study_idx').on(t.municipalityId, t.studyId)],
);

/**
 * List membership: for each person on a list, the keyed pseudonyms of their normalised variants
 * (HMAC-SHA-256 with a key derived from the municipality's data key and the study id). Two people
 * on different lists are linked when any pseudonym is shared. No name or birth date is stored.
 */
export const prevalenceMember = pgTable(
  'prevalence_member',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    studyId: uuid('study_id')
      .notNull()
      .references(() => prevalenceStudy.id),
    listId: uuid('list_id')
      .notNull()
      .references(() => prevalenceList.id),
    /** The person's ordinal within the list (groups the variants of one person). */
    person: integer('person').notNull(),
    pseudonym: text('pseudonym').notNull(),
  },
  (t) => [index('prevalence_member_study_idx').on(t.municipalityId, t.studyId)],
);

/** Each estimate made for a study, kept as history. Holds no cell of the overlap table. */
export const prevalenceEstimate = pgTable(
  'prevalence_estimate',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    studyId: uuid('study_id')
      .notNull()
      .references(() => prevalenceStudy.id),
    /** The engine's result (estimate and interval, or a refusal with its reason), without cells. */
    result: jsonb('result').notNull(),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => appUser.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('prevalence_estimate_study_idx').on(t.municipalityId, t.studyId)],
);
