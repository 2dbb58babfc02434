import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { statisticsKey } from './columns';
import { appUser, municipality } from './platform';

/**
 * Anonymous tips. Nothing identifying is kept that the tipster did not type: no address,
 * no user agent, and dates only at day precision (no created_at timestamps on these rows).
 * Free text and contact details are encrypted with the municipality's data key; the receipt
 * code is stored only as a keyed hash.
 */
export const tip = pgTable(
  'tip',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    statisticsKey: statisticsKey(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    /** HMAC of the 16-digit receipt code (keyring.keyedHash, purpose "tip.receipt"). */
    receiptHash: text('receipt_hash').notNull(),
    status: text('status').notNull().default('new'),
    /** The language the tipster wrote in (a public-page language code). */
    language: text('language').notNull(),
    /** Coded, non-identifying triage fields. */
    placeKind: text('place_kind').notNull(),
    minor: text('minor').notNull(),
    immediateDanger: boolean('immediate_danger').notNull(),
    anonymous: boolean('anonymous').notNull(),
    /** Encrypted JSON: what was seen, area, address, when, how many. */
    contentEnc: text('content_enc').notNull(),
    /** Encrypted JSON of the contact details the tipster chose to give, or null. */
    contactEnc: text('contact_enc'),
    /** Whether the tipster allowed the contact details to be passed on to a concern or case. */
    contactMayBeShared: boolean('contact_may_be_shared').notNull().default(false),
    labels: jsonb('labels').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    assignedUserId: uuid('assigned_user_id').references(() => appUser.id),
    /** Whether the tipster wrote something staff have not opened yet. */
    unreadByStaff: boolean('unread_by_staff').notNull().default(true),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    lastActivityOn: date('last_activity_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    /** The concern this tip was turned into (no foreign key: the concern follows its own retention). */
    concernId: uuid('concern_id'),
  },
  (t) => [
    uniqueIndex('tip_receipt_idx').on(t.municipalityId, t.receiptHash),
    index('tip_inbox_idx').on(t.municipalityId, t.status, t.submittedOn),
    index('tip_assignee_idx').on(t.municipalityId, t.assignedUserId),
    // One per inbox sort (keyset paging: column then id).
    index('tip_activity_sort_idx').on(t.municipalityId, t.lastActivityOn, t.id),
    index('tip_submitted_sort_idx').on(t.municipalityId, t.submittedOn, t.id),
    index('tip_status_sort_idx').on(t.municipalityId, t.status, t.id),
  ],
);

/** The conversation on a tip: the tipster's additions, staff replies and internal notes. */
export const tipMessage = pgTable(
  'tip_message',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    tipId: uuid('tip_id')
      .notNull()
      .references(() => tip.id, { onDelete: 'cascade' }),
    /** Order within the tip (dates are only at day precision). */
    seq: integer('seq').notNull(),
    /** tipster: added by the tipster; reply: visible to the tipster; note: internal only. */
    kind: text('kind').notNull(),
    authorUserId: uuid('author_user_id').references(() => appUser.id),
    bodyEnc: text('body_enc').notNull(),
    createdOn: date('created_on', { mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('tip_message_seq_idx').on(t.municipalityId, t.tipId, t.seq)],
);

/** The municipality's public pages and tip form: switches and its own contact texts. */
export const tipPublicSettings = pgTable('tip_public_settings', {
  municipalityId: uuid('municipality_id')
    .primaryKey()
    .references(() => municipality.id),
  publicPagesEnabled: boolean('public_pages_enabled').notNull().default(true),
  tipFormEnabled: boolean('tip_form_enabled').notNull().default(true),
  /** The municipality's own contact (from its routing card): name of the service, phone, e-mail. */
  contactName: text('contact_name').notNull().default(''),
  contactPhone: text('contact_phone').notNull().default(''),
  contactEmail: text('contact_email').notNull().default(''),
  /** Opening hours as free text, shown as written. */
  openingHours: text('opening_hours').notNull().default(''),
  /** Months after closing before a tip is deleted. */
  retentionMonths: integer('retention_months').notNull().default(12),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
