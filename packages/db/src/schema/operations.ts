import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Shared rate limits (sign-in, the public tip form), so every API process counts the same hits.
 * The key is an HMAC of the route and the client address under a key that changes with every window,
 * derived from the master key; the address itself is never stored. A row is useless (and deleted)
 * once its window has ended. Not part of backups: it is operational state.
 */
export const rateLimitBucket = pgTable(
  'rate_limit_bucket',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    resetAt: ts('reset_at').notNull(),
  },
  (t) => [index('rate_limit_bucket_reset_idx').on(t.resetAt)],
);

/**
 * One row per run of a scheduled job (retention, tip expiry, training coverage, backups): which slot
 * (the period it runs for), when it started and ended, its outcome and a small summary of counts.
 * One row per (job, slot, attempt): a job queue (pg-boss on PostgreSQL) hands each slot to one process.
 * Summaries hold counts only, never personal data. Not part of backups.
 */
export const jobRun = pgTable(
  'job_run',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    slot: ts('slot').notNull(),
    attempt: integer('attempt').notNull().default(1),
    startedAt: ts('started_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
    /** running | succeeded | failed */
    outcome: text('outcome').notNull().default('running'),
    summary: jsonb('summary').$type<Record<string, number | string | boolean>>(),
    /** The error's class or code only (no message: it may carry data). */
    errorCode: text('error_code'),
    /** Host name and process id of the process that ran it. */
    runner: text('runner').notNull(),
  },
  (t) => [uniqueIndex('job_run_slot_attempt_idx').on(t.name, t.slot, t.attempt), index('job_run_started_idx').on(t.startedAt)],
);
