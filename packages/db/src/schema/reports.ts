import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './platform';
import { municipalityRef, ts } from './columns';

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
