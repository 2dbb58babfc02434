import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser, municipality, organisation } from './platform';
import { day, municipalityRef, ts } from './columns';

/**
 * The local situation map (STROM step 1, plan area B): risk groups, sites and businesses in risk
 * sectors with their inspections, the inventory of services, and known patterns. It describes
 * places and groups, not people; free text that could still name someone is encrypted.
 */

/** Who besides the coordinator may read the map. */
export const mapSettings = pgTable('map_settings', {
  municipalityId: uuid('municipality_id')
    .primaryKey()
    .references(() => municipality.id),
  /** Whether partners in the cooperation group may read the map (they never change it). */
  partnersMayRead: boolean('partners_may_read').notNull().default(false),
  /**
   * The map's background tiles, set by the administrator: an https URL template with {z}/{x}/{y}
   * (e.g. Kartverket's open cache), its attribution and highest zoom. Null: no map, list only.
   */
  tileUrl: text('tile_url'),
  tileAttribution: text('tile_attribution').notNull().default(''),
  tileMaxZoom: integer('tile_max_zoom').notNull().default(18),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** A group at risk, with a size estimate and where the estimate comes from. */
export const mapRiskGroup = pgTable(
  'map_risk_group',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    sizeLow: integer('size_low'),
    sizeHigh: integer('size_high'),
    sizeSource: text('size_source').notNull().default(''),
    /** Encrypted free text ("map_risk_group.notes"). */
    notesEnc: text('notes_enc'),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => appUser.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedByUserId: uuid('updated_by_user_id').references(() => appUser.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    archivedAt: ts('archived_at'),
  },
  (t) => [index('map_risk_group_municipality_idx').on(t.municipalityId)],
);

/** A site or business in a risk sector, coded to an ISIC section. */
export const mapSite = pgTable(
  'map_site',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    name: text('name').notNull(),
    /** ISIC Rev. 4 section letter (packages/content/overview/isic-sectors). */
    isicSection: text('isic_section').notNull(),
    area: text('area').notNull().default(''),
    riskLevel: text('risk_level').notNull(),
    /** Position (WGS 84), entered by the coordinator; only sent to those who may read the map. */
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** Encrypted: why the risk level ("map_site.risk_reason"). */
    riskReasonEnc: text('risk_reason_enc'),
    /** Encrypted: what is known ("map_site.known"). */
    knownEnc: text('known_enc'),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => appUser.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedByUserId: uuid('updated_by_user_id').references(() => appUser.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    archivedAt: ts('archived_at'),
  },
  (t) => [index('map_site_municipality_idx').on(t.municipalityId, t.riskLevel)],
);

/** An inspection of a site: when, which agencies, findings and follow-up. */
export const mapInspection = pgTable(
  'map_inspection',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => mapSite.id, { onDelete: 'cascade' }),
    inspectedOn: day('inspected_on').notNull(),
    /** Organisation kinds that took part (police, labour_inspection, tax, ...). */
    agencies: jsonb('agencies')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Encrypted ("map_inspection.findings"). */
    findingsEnc: text('findings_enc'),
    /** Encrypted ("map_inspection.follow_up"). */
    followUpEnc: text('follow_up_enc'),
    /** The concern this finding started, if any. */
    concernId: uuid('concern_id'),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => appUser.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('map_inspection_site_idx').on(t.municipalityId, t.siteId, t.inspectedOn)],
);

/** A link from a site to a concern or a tip (no foreign key: those follow their own retention). */
export const mapSiteLink = pgTable(
  'map_site_link',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => mapSite.id, { onDelete: 'cascade' }),
    targetKind: text('target_kind').notNull(),
    targetId: uuid('target_id').notNull(),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => appUser.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('map_site_link_unique_idx').on(t.municipalityId, t.siteId, t.targetKind, t.targetId)],
);

/** A service or capacity in the inventory: shelter places, interpreters, health, legal aid, NGOs. */
export const mapService = pgTable(
  'map_service',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    organisationId: uuid('organisation_id').references(() => organisation.id),
    capacity: integer('capacity'),
    capacityUnit: text('capacity_unit').notNull().default(''),
    /** Public service description (opening hours, languages): not personal. */
    description: text('description').notNull().default(''),
    /** Position (WGS 84), entered by the coordinator; only sent to those who may read the map. */
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => appUser.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedByUserId: uuid('updated_by_user_id').references(() => appUser.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    archivedAt: ts('archived_at'),
  },
  (t) => [index('map_service_municipality_idx').on(t.municipalityId, t.kind)],
);

/** A known pattern (recruitment, transport, enablers, seasonal trends). */
export const mapPattern = pgTable(
  'map_pattern',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** Encrypted ("map_pattern.description"). */
    descriptionEnc: text('description_enc'),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => appUser.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedByUserId: uuid('updated_by_user_id').references(() => appUser.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    archivedAt: ts('archived_at'),
  },
  (t) => [index('map_pattern_municipality_idx').on(t.municipalityId)],
);

/** One area's level in one year's maturity self-assessment. */
export const maturityRating = pgTable(
  'maturity_rating',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    year: integer('year').notNull(),
    areaCode: text('area_code').notNull(),
    level: text('level').notNull(),
    note: text('note').notNull().default(''),
    ratedByUserId: uuid('rated_by_user_id')
      .notNull()
      .references(() => appUser.id),
    ratedAt: ts('rated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('maturity_rating_unique_idx').on(t.municipalityId, t.year, t.areaCode)],
);
