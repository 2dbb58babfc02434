import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './platform';
import { mapSite } from './overview';
import { day, municipalityRef, statisticsKey, ts } from './columns';

/**
 * Procurement (plan area H): the municipality's own contracts and the follow-up of pay and working
 * conditions and human rights in them. It describes companies and what was checked, never workers:
 * no names from crew lists or payslips are stored. Free text is encrypted with the municipality's key.
 */

/** A supplier or subcontractor company. */
export const procurementSupplier = pgTable(
  'procurement_supplier',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    name: text('name').notNull(),
    /** Nine-digit organisation number, '' for a foreign company. */
    orgNumber: text('org_number').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('procurement_supplier_municipality_idx').on(t.municipalityId, t.orgNumber)],
);

/** One of the municipality's contracts, with the computed risk and any person's override. */
export const procurementContract = pgTable(
  'procurement_contract',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    title: text('title').notNull(),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => procurementSupplier.id),
    isicSection: text('isic_section').notNull(),
    /** Category id from the high-risk list (packages/content/procurement/high-risk-list). */
    productCategory: text('product_category'),
    valueNok: bigint('value_nok', { mode: 'number' }).notNull(),
    startsOn: day('starts_on').notNull(),
    endsOn: day('ends_on').notNull(),
    responsibleUnit: text('responsible_unit').notNull(),
    siteId: uuid('site_id').references(() => mapSite.id),
    status: text('status').notNull().default('active'),
    riskOverride: text('risk_override'),
    /** Encrypted ("procurement_contract.risk_reason"). */
    riskReasonEnc: text('risk_reason_enc'),
    riskOverrideByUserId: uuid('risk_override_by_user_id').references(() => appUser.id),
    riskOverrideAt: ts('risk_override_at'),
    /** Encrypted ("procurement_contract.closing_note"). */
    closingNoteEnc: text('closing_note_enc'),
    closedAt: ts('closed_at'),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => appUser.id),
    /** Cell-key method for the published statistics (never shown). */
    statisticsKey: statisticsKey(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('procurement_contract_municipality_idx').on(t.municipalityId, t.status)],
);

/** A subcontractor in the chain under a contract; tier 1 works for the main supplier. */
export const procurementSubcontractor = pgTable(
  'procurement_subcontractor',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => procurementContract.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    orgNumber: text('org_number').notNull().default(''),
    tier: integer('tier').notNull(),
    declarationId: uuid('declaration_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('procurement_subcontractor_contract_idx').on(t.municipalityId, t.contractId)],
);

/** The municipality's own requirement template; without a row the shipped template applies. */
export const procurementTemplate = pgTable('procurement_template', {
  municipalityId: municipalityRef().primaryKey(),
  items: jsonb('items').notNull(),
  updatedByUserId: uuid('updated_by_user_id').references(() => appUser.id),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** One requirement on a contract's checklist, copied from the template when the contract is registered. */
export const procurementRequirement = pgTable(
  'procurement_requirement',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => procurementContract.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    position: integer('position').notNull(),
    status: text('status').notNull().default('open'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('procurement_requirement_key_idx').on(t.municipalityId, t.contractId, t.key)],
);

/** A planned or done check of a contract: what was seen (kinds of documents, never their content), by whom, and the outcome. */
export const procurementCheck = pgTable(
  'procurement_check',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => procurementContract.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    plannedOn: day('planned_on').notNull(),
    doneOn: day('done_on'),
    agencies: jsonb('agencies')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    documentsSeen: jsonb('documents_seen')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    outcome: text('outcome'),
    /** Encrypted ("procurement_check.observations"). */
    observationsEnc: text('observations_enc'),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => appUser.id),
    doneByUserId: uuid('done_by_user_id').references(() => appUser.id),
    /** Cell-key method for the published statistics (never shown). */
    statisticsKey: statisticsKey(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('procurement_check_contract_idx').on(t.municipalityId, t.contractId)],
);

/** A finding of a check, with severity, deadline, sanction and closing; may start a concern. */
export const procurementFinding = pgTable(
  'procurement_finding',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => procurementContract.id, { onDelete: 'cascade' }),
    checkId: uuid('check_id')
      .notNull()
      .references(() => procurementCheck.id, { onDelete: 'cascade' }),
    severity: text('severity').notNull(),
    category: text('category').notNull(),
    /** Encrypted ("procurement_finding.description"). */
    descriptionEnc: text('description_enc'),
    deadlineOn: day('deadline_on'),
    sanction: text('sanction').notNull().default('none'),
    status: text('status').notNull().default('open'),
    /** Encrypted ("procurement_finding.closing_note"). */
    closingNoteEnc: text('closing_note_enc'),
    closedAt: ts('closed_at'),
    /** The concern this finding started (no foreign key: concerns follow their own retention). */
    concernId: uuid('concern_id'),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => appUser.id),
    /** Cell-key method for the published statistics (never shown). */
    statisticsKey: statisticsKey(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('procurement_finding_contract_idx').on(t.municipalityId, t.contractId)],
);

/**
 * A supplier self-declaration: a link with an unguessable token (only its SHA-256 hash is stored) that
 * expires; what the supplier submits is attached to the contract.
 */
export const procurementDeclaration = pgTable(
  'procurement_declaration',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => procurementContract.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    language: text('language').notNull().default('nb'),
    expiresAt: ts('expires_at').notNull(),
    status: text('status').notNull().default('sent'),
    /** The supplier's answers: clauses, due-diligence answers, subcontractors (companies only). */
    submission: jsonb('submission'),
    submittedAt: ts('submitted_at'),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => appUser.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('procurement_declaration_token_idx').on(t.tokenHash), index('procurement_declaration_contract_idx').on(t.municipalityId, t.contractId)],
);

/**
 * A plan measure (area H) linked to a contract, by the measure's lineage so the link survives new plan
 * versions: the measure's progress follows the linked contracts' checks done against those planned.
 */
export const procurementMeasureLink = pgTable(
  'procurement_measure_link',
  {
    municipalityId: municipalityRef(),
    measureLineageId: uuid('measure_lineage_id').notNull(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => procurementContract.id, { onDelete: 'cascade' }),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => appUser.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.measureLineageId] }), index('procurement_measure_link_lineage_idx').on(t.municipalityId, t.measureLineageId)],
);
