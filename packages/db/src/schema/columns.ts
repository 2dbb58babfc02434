import { sql } from 'drizzle-orm';
import { date, smallint, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipality } from './platform';

/** A timestamp with time zone, read as a Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** A calendar day, read as 'YYYY-MM-DD'. */
export const day = (name: string) => date(name, { mode: 'string' });
/** The tenant column every tenant-owned table carries. */
export const municipalityRef = () =>
  uuid('municipality_id')
    .notNull()
    .references(() => municipality.id);
/**
 * The record's statistics key (cell-key method, docs/SECURITY.md): a random 0..255 drawn once
 * from the database's cryptographic generator when the record is stored, never changed, never
 * shown. A published cell's noise comes from the sum of its records' keys.
 */
export const statisticsKey = () =>
  smallint('statistics_key')
    .notNull()
    .default(sql`get_byte(uuid_send(gen_random_uuid()), 0)`);
