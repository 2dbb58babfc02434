import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './platform';
import { day, municipalityRef, ts } from './columns';

/** A council report for one year. Its content lives in numbered versions. */
export const councilReport = pgTable(
  'council_report',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    year: integer('year').notNull(),
    /** Language of the report's generated text: 'nb' or 'en'. */
    language: text('language').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => appUser.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('council_report_year_idx').on(t.municipalityId, t.year)],
);

/**
 * A numbered version of a council report: a draft (generated from live data whenever it is read)
 * or final (frozen: the document as it was generated at finalisation, never recomputed).
 */
export const councilReportVersion = pgTable(
  'council_report_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => councilReport.id),
    number: integer('number').notNull(),
    /** 'draft' or 'final'. */
    status: text('status').notNull(),
    /** Encrypted JSON { summary, assessment, proposals } ("council_report_version.narrative"). */
    narrativeEnc: text('narrative_enc').notNull(),
    /** Encrypted JSON of the frozen document model of a final version ("council_report_version.snapshot"). */
    snapshotEnc: text('snapshot_enc'),
    /** The council case (saksframlegg) this version goes to the council as; public case metadata, not personal. */
    caseNumber: text('case_number').notNull().default(''),
    /** Archive code of the case (arkivkode), e.g. "F00 &13". */
    archiveCode: text('archive_code').notNull().default(''),
    /** The committee or council that treats the case, e.g. "Kommunestyret". */
    committee: text('committee').notNull().default(''),
    meetingDate: day('meeting_date'),
    /** The case officer's name as printed on the saksframlegg. */
    caseOfficer: text('case_officer').notNull().default(''),
    /** The chief executive's recommendation (innstilling); empty: the standard "takes the report into account". */
    recommendation: text('recommendation').notNull().default(''),
    /** Titles of the case's attachments, in order. */
    attachments: jsonb('attachments')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    finalisedAt: ts('finalised_at'),
    finalisedByUserId: uuid('finalised_by_user_id').references(() => appUser.id),
    createdByUserId: uuid('created_by_user_id').references(() => appUser.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('council_report_version_number_idx').on(t.reportId, t.number), index('council_report_version_municipality_idx').on(t.municipalityId, t.reportId)],
);

/** Whether the municipality publishes its adopted action plan on the public pages (off by default). */
export const publicPlanSetting = pgTable('public_plan_setting', {
  municipalityId: municipalityRef().primaryKey(),
  enabled: boolean('enabled').notNull().default(false),
  updatedByUserId: uuid('updated_by_user_id').references(() => appUser.id),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
