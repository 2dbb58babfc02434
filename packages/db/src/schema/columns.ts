import { date, timestamp, uuid } from 'drizzle-orm/pg-core';
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
