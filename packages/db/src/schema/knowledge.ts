import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { plan } from './plans';
import { appUser, organisation } from './platform';
import { day, municipalityRef, ts, statisticsKey } from './columns';

/** A PostgreSQL tsvector, written with to_tsvector() by the repository and read only by queries. */
const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => 'tsvector' });

/**
 * The articles shipped in packages/content/knowledge, copied here so that they are searched by
 * the same full-text query as the municipality's own. Not tenant-owned: one row per shipped
 * article and language, refreshed from the content files when a newer version ships.
 */
export const knowledgeContentArticle = pgTable(
  'knowledge_content_article',
  {
    slug: text('slug').notNull(),
    lang: text('lang').notNull(),
    version: integer('version').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    services: text('services').array().notNull(),
    forms: text('forms').array().notNull(),
    sources: text('sources').array().notNull(),
    /** Weighted title (A), summary (B) and body (C) in the language's text-search configuration. */
    search: tsvector('search').notNull(),
    syncedAt: ts('synced_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.slug, t.lang] }), index('knowledge_content_article_search_idx').using('gin', t.search)],
);

/**
 * A municipality's article text: its own article (source 'municipal') or its override of a
 * shipped one (source 'override', same slug). The current text; every version is kept in
 * knowledge_article_version. archived_at set: withdrawn (an override then no longer applies).
 */
export const knowledgeArticle = pgTable(
  'knowledge_article',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    slug: text('slug').notNull(),
    lang: text('lang').notNull(),
    source: text('source').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    services: text('services').array().notNull(),
    forms: text('forms').array().notNull(),
    /** For an override: the shipped version it was made from. */
    contentVersion: integer('content_version'),
    version: integer('version').notNull(),
    search: tsvector('search').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedByUserId: uuid('updated_by_user_id').references(() => appUser.id),
    archivedAt: ts('archived_at'),
  },
  (t) => [
    uniqueIndex('knowledge_article_slug_idx').on(t.municipalityId, t.slug, t.lang),
    index('knowledge_article_search_idx').using('gin', t.search),
  ],
);

/** Every saved version of a municipality's article text, for history and accountability. */
export const knowledgeArticleVersion = pgTable(
  'knowledge_article_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => knowledgeArticle.id),
    version: integer('version').notNull(),
    change: text('change').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    services: text('services').array().notNull(),
    forms: text('forms').array().notNull(),
    changedByUserId: uuid('changed_by_user_id').references(() => appUser.id),
    changedAt: ts('changed_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('knowledge_article_version_idx').on(t.municipalityId, t.articleId, t.version)],
);

/** The municipality's pass score and refresh period for a shipped module (defaults from content otherwise). */
export const trainingSetting = pgTable(
  'training_setting',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    moduleKey: text('module_key').notNull(),
    passScore: integer('pass_score').notNull(),
    refreshMonths: integer('refresh_months').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedByUserId: uuid('updated_by_user_id').references(() => appUser.id),
  },
  (t) => [uniqueIndex('training_setting_module_idx').on(t.municipalityId, t.moduleKey)],
);

/**
 * One quiz attempt: the questions drawn from the bank and the option order shown. The correct
 * answers stay on the server (in the content); the client learns them only after submitting.
 */
export const trainingAttempt = pgTable(
  'training_attempt',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    moduleKey: text('module_key').notNull(),
    moduleVersion: integer('module_version').notNull(),
    lang: text('lang').notNull(),
    /** Question ids in the order shown, each with its option ids in the order shown. */
    questions: jsonb('questions').$type<Array<{ id: string; options: string[] }>>().notNull(),
    passScore: integer('pass_score').notNull(),
    startedAt: ts('started_at').notNull().defaultNow(),
    submittedAt: ts('submitted_at'),
    answers: jsonb('answers').$type<Record<string, string>>(),
    score: integer('score'),
    passed: boolean('passed'),
  },
  (t) => [index('training_attempt_user_idx').on(t.municipalityId, t.userId, t.moduleKey)],
);

/** A passed module: who, which organisation at the time, which module version, score, and until when it is valid. */
export const trainingCompletion = pgTable(
  'training_completion',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    statisticsKey: statisticsKey(),
    municipalityId: municipalityRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    moduleKey: text('module_key').notNull(),
    moduleVersion: integer('module_version').notNull(),
    score: integer('score').notNull(),
    completedAt: ts('completed_at').notNull().defaultNow(),
    validUntil: day('valid_until').notNull(),
    attemptId: uuid('attempt_id').references(() => trainingAttempt.id),
  },
  (t) => [
    index('training_completion_module_idx').on(t.municipalityId, t.moduleKey, t.userId),
    index('training_completion_user_idx').on(t.municipalityId, t.userId),
  ],
);

/**
 * A plan measure's training target: the share of staff (all, or of some organisation kinds)
 * with a valid completion of a module by a date. The measure's progress follows the coverage.
 * The measure is named by its lineage id, so the link survives new plan versions.
 */
export const trainingPlanLink = pgTable(
  'training_plan_link',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plan.id),
    measureLineageId: uuid('measure_lineage_id').notNull(),
    moduleKey: text('module_key').notNull(),
    organisationKinds: text('organisation_kinds').array().notNull().default(sql`'{}'::text[]`),
    targetShare: integer('target_share').notNull(),
    targetDate: day('target_date').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => appUser.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastAppliedAt: ts('last_applied_at'),
  },
  (t) => [uniqueIndex('training_plan_link_measure_idx').on(t.municipalityId, t.measureLineageId, t.moduleKey)],
);
