import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser, municipality, organisation } from './platform';
import { ts, statisticsKey } from './columns';


/** The coded facts of a screening or concern, as stored (validated by the API's zod contracts). */
export type ScreeningFactsJson = {
  ageBand: string;
  possibleMinor: boolean;
  gender: string;
  nationality: string | null;
  sector: string;
  placeKind: string;
  immediateDanger: boolean;
  wantsHelp: string;
};

/**
 * A screening: coded facts, answers and the indicator profile, with the catalogue version that
 * produced it. Holds no identifying data, so it counts in statistics.
 */
export const screening = pgTable(
  'screening',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    statisticsKey: statisticsKey(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => appUser.id),
    /** The service that screened (which service identified the person, as KOM codes it). */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    context: text('context').notNull(),
    catalogueVersion: text('catalogue_version').notNull(),
    suspectedForms: jsonb('suspected_forms').$type<string[]>().notNull(),
    facts: jsonb('facts').$type<ScreeningFactsJson>().notNull(),
    possibleMinor: boolean('possible_minor').notNull(),
    answers: jsonb('answers').$type<{ indicatorId: string; answer: string }[]>().notNull(),
    /** The indicator profile computed by the shared scoring code when saved. */
    profile: jsonb('profile').$type<Record<string, unknown>>().notNull(),
    level: text('level').notNull(),
    nextStepRuleIds: jsonb('next_step_rule_ids').$type<string[]>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  // Keyset paging of the list: one index per sort, each ending in the id tie-breaker (see platform/keyset.ts).
  (t) => [
    index('screening_municipality_idx').on(t.municipalityId, t.createdAt, t.id),
    index('screening_creator_idx').on(t.municipalityId, t.createdByUserId, t.createdAt, t.id),
    index('screening_context_sort_idx').on(t.municipalityId, t.context, t.id),
    index('screening_level_sort_idx').on(t.municipalityId, t.level, t.id),
  ],
);

/** A concern passed from a frontline user to the coordinator. Identifying details are encrypted. */
export const concern = pgTable(
  'concern',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    statisticsKey: statisticsKey(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    screeningId: uuid('screening_id').references(() => screening.id),
    reporterUserId: uuid('reporter_user_id')
      .notNull()
      .references(() => appUser.id),
    reporterOrganisationId: uuid('reporter_organisation_id')
      .notNull()
      .references(() => organisation.id),
    context: text('context').notNull(),
    suspectedForms: jsonb('suspected_forms').$type<string[]>().notNull(),
    facts: jsonb('facts').$type<ScreeningFactsJson>().notNull(),
    possibleMinor: boolean('possible_minor').notNull(),
    profile: jsonb('profile').$type<Record<string, unknown>>(),
    level: text('level'),
    status: text('status').notNull().default('new'),
    assignedUserId: uuid('assigned_user_id').references(() => appUser.id),
    closeReason: text('close_reason'),
    closedAt: ts('closed_at'),
    /** Review deadline for a possible minor (child welfare: within one week). */
    childWelfareDueAt: ts('child_welfare_due_at'),
    /** Encrypted JSON of the person's identifying details ("concern.person"). */
    personEnc: text('person_enc'),
    /** Encrypted JSON of the reporter's contact details ("concern.reporter_contact"). */
    reporterContactEnc: text('reporter_contact_enc'),
    /** Encrypted free-text note ("concern.note"). */
    noteEnc: text('note_enc'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('concern_municipality_idx').on(t.municipalityId, t.status, t.createdAt),
    // The list's sorts (keyset paging on column, then id).
    index('concern_created_idx').on(t.municipalityId, t.createdAt, t.id),
    index('concern_updated_idx').on(t.municipalityId, t.updatedAt, t.id),
    index('concern_reporter_idx').on(t.municipalityId, t.reporterUserId),
    index('concern_assigned_idx').on(t.municipalityId, t.assignedUserId),
  ],
);

/** Questions from the coordinator to the reporter and the reporter's answers. Text encrypted. */
export const concernMessage = pgTable(
  'concern_message',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    concernId: uuid('concern_id')
      .notNull()
      .references(() => concern.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => appUser.id),
    kind: text('kind').notNull(),
    textEnc: text('text_enc').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('concern_message_concern_idx').on(t.municipalityId, t.concernId, t.createdAt)],
);

/** The municipality's referral pathway: rules over a screening, configured by the coordinator. */
export const referralPathway = pgTable(
  'referral_pathway',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    rules: jsonb('rules').$type<unknown[]>().notNull(),
    version: integer('version').notNull().default(1),
    updatedByUserId: uuid('updated_by_user_id').references(() => appUser.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('referral_pathway_municipality_idx').on(t.municipalityId)],
);
