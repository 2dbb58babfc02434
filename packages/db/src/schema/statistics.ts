import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipalityRef, ts } from './columns';
import { appUser } from './platform';

/**
 * A published statistics release: the protected tables of one closed period, stored once and never
 * recomputed (docs/SECURITY.md, "Statistics releases"). A later release of the same period (late
 * registrations, changed outcomes) gets the next release number and its own date; readers outside
 * the case team see only the latest. tables holds the page's protected tables (JSON as served);
 * parameters the disclosure parameters used (k, rounding base, noise D and V, perturbation table).
 */
export const statisticsRelease = pgTable(
  'statistics_release',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    /** 'year' (one calendar year) or 'years' (pooled calendar years, e.g. 2024–2026). */
    periodKind: text('period_kind').notNull(),
    /** '2026' for a year, '2024-2026' for pooled years. */
    periodKey: text('period_key').notNull(),
    releaseNumber: integer('release_number').notNull(),
    /** Who published it; null when it was published automatically on first read after the period closed. */
    publishedBy: uuid('published_by').references(() => appUser.id),
    tables: jsonb('tables').$type<unknown>().notNull(),
    parameters: jsonb('parameters').$type<unknown>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('statistics_release_period_number_idx').on(t.municipalityId, t.periodKind, t.periodKey, t.releaseNumber),
    index('statistics_release_municipality_idx').on(t.municipalityId, t.periodKind, t.periodKey),
  ],
);
