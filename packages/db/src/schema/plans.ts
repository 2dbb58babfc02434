import { index, integer, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { appUser, organisation } from './platform';
import { day, municipalityRef, ts } from './columns';


/** A local action plan. Its content lives in numbered versions. */
export const plan = pgTable(
  'plan',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    title: text('title').notNull(),
    periodStart: day('period_start').notNull(),
    periodEnd: day('period_end').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('plan_municipality_idx').on(t.municipalityId)],
);

/** A numbered version of a plan: draft, then adopted (frozen), then superseded by the next. */
export const planVersion = pgTable(
  'plan_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plan.id),
    number: integer('number').notNull(),
    status: text('status').notNull(),
    decisionRef: text('decision_ref'),
    decisionDate: day('decision_date'),
    adoptedAt: ts('adopted_at'),
    adoptedByUserId: uuid('adopted_by_user_id').references(() => appUser.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('plan_version_number_idx').on(t.planId, t.number), index('plan_version_municipality_idx').on(t.municipalityId, t.status)],
);

/** A measure (or sub-measure) of one plan version. lineage_id is stable across versions. */
export const planMeasure = pgTable(
  'plan_measure',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    planVersionId: uuid('plan_version_id')
      .notNull()
      .references(() => planVersion.id),
    lineageId: uuid('lineage_id').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => planMeasure.id, { onDelete: 'cascade' }),
    templateKey: text('template_key'),
    area: text('area').notNull(),
    position: integer('position').notNull().default(0),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    why: text('why').notNull().default(''),
    ownerOrganisationId: uuid('owner_organisation_id').references(() => organisation.id),
    /** Organisations taking part; validated against the registry by the service. */
    partnerOrganisationIds: uuid('partner_organisation_ids').array().notNull().default([]),
    responsiblePerson: text('responsible_person').notNull().default(''),
    startDate: day('start_date'),
    dueDate: day('due_date'),
    status: text('status').notNull(),
    progress: integer('progress').notNull().default(0),
    weight: integer('weight'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('plan_measure_version_idx').on(t.municipalityId, t.planVersionId, t.area, t.position),
    index('plan_measure_lineage_idx').on(t.municipalityId, t.lineageId),
    index('plan_measure_owner_idx').on(t.municipalityId, t.ownerOrganisationId),
    uniqueIndex('plan_measure_version_lineage_idx').on(t.planVersionId, t.lineageId),
  ],
);

export const planMilestone = pgTable(
  'plan_milestone',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => planMeasure.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueDate: day('due_date').notNull(),
    doneOn: day('done_on'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('plan_milestone_measure_idx').on(t.municipalityId, t.measureId)],
);

/** The timeline of a measure, kept per lineage so it spans versions. Append-only. */
export const planMeasureUpdate = pgTable(
  'plan_measure_update',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plan.id),
    lineageId: uuid('lineage_id').notNull(),
    /** The measure row (in the version in force) it was posted on. */
    measureId: uuid('measure_id')
      .notNull()
      .references(() => planMeasure.id),
    authorUserId: uuid('author_user_id').references(() => appUser.id),
    source: text('source').notNull(),
    /** The meeting action item whose completion this records (source meeting_action). */
    actionItemId: uuid('action_item_id'),
    occurredOn: day('occurred_on').notNull(),
    text: text('text').notNull(),
    progressBefore: integer('progress_before'),
    progressAfter: integer('progress_after'),
    statusBefore: text('status_before'),
    statusAfter: text('status_after'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('plan_measure_update_lineage_idx').on(t.municipalityId, t.planId, t.lineageId, t.occurredOn)],
);
