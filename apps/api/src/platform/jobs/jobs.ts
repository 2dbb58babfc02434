import os from 'node:os';
import { and, desc, eq, sql } from 'drizzle-orm';
import { schema } from '@lykt/db';
import type { Deps } from '../deps';

/** What a run reports: counts and flags only, never personal data. */
export type JobSummary = Record<string, number | string | boolean>;

/** A scheduled job: runs once per slot (a period of periodMs, aligned to the Unix epoch, so daily slots start at 00:00 UTC). */
export type JobDefinition = {
  name: string;
  periodMs: number;
  /** false: the first run waits for the next slot (the embedded backup, also made at every shutdown). Default true. */
  runAtStart?: boolean;
  run: (deps: Deps) => Promise<JobSummary>;
};

export type JobOutcome = 'succeeded' | 'failed' | 'skipped';

/** How a run went, for logs and metrics. */
export type JobReport = { name: string; slot: Date; attempt: number; outcome: JobOutcome; summary?: JobSummary; errorCode?: string; durationMs: number };

/** Runs the scheduled jobs: pg-boss on PostgreSQL (any number of processes), in-process timers on PGlite (one process). */
export interface JobRunner {
  readonly kind: 'pg-boss' | 'in-process';
  start(): Promise<void>;
  stop(): Promise<void>;
}

export const RETRY_LIMIT = 3;
export const RETRY_DELAY_SECONDS = 60;

export function slotOf(periodMs: number, now: number = Date.now()): Date {
  return new Date(Math.floor(now / periodMs) * periodMs);
}

const RUNNER = `${os.hostname()}:${process.pid}`;

/** The class or code of an error, never its message (which may carry data). */
export function errorCodeOf(error: unknown): string {
  if (error && typeof error === 'object') {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code)) return code;
    const name = (error as { name?: unknown }).name;
    if (typeof name === 'string') return name.slice(0, 60);
  }
  return 'Error';
}

/** Whether this job already succeeded for the slot (a restart or a second process does not run it again). */
export async function succeededFor(deps: Deps, name: string, slot: Date): Promise<boolean> {
  const [row] = await deps.db
    .select({ id: schema.jobRun.id })
    .from(schema.jobRun)
    .where(and(eq(schema.jobRun.name, name), eq(schema.jobRun.slot, slot), eq(schema.jobRun.outcome, 'succeeded')))
    .limit(1);
  return row !== undefined;
}

/**
 * Runs one attempt of a job for a slot and keeps a record of it in job_run. The row is claimed
 * first: (name, slot, attempt) is unique, so two processes can never run the same attempt, even
 * if the queue delivered it twice. Throws the job's error after recording it (the queue retries).
 */
export async function runRecorded(deps: Deps, job: JobDefinition, slot: Date, attempt: number): Promise<JobReport> {
  const started = performance.now();
  if (await succeededFor(deps, job.name, slot)) return { name: job.name, slot, attempt, outcome: 'skipped', durationMs: 0 };
  const claimed = await deps.db
    .insert(schema.jobRun)
    .values({ name: job.name, slot, attempt, runner: RUNNER })
    .onConflictDoNothing()
    .returning({ id: schema.jobRun.id });
  const id = claimed[0]?.id;
  if (!id) return { name: job.name, slot, attempt, outcome: 'skipped', durationMs: 0 };
  try {
    const summary = await job.run(deps);
    await deps.db.update(schema.jobRun).set({ outcome: 'succeeded', finishedAt: sql`now()`, summary }).where(eq(schema.jobRun.id, id));
    return { name: job.name, slot, attempt, outcome: 'succeeded', summary, durationMs: performance.now() - started };
  } catch (error) {
    const errorCode = errorCodeOf(error);
    await deps.db.update(schema.jobRun).set({ outcome: 'failed', finishedAt: sql`now()`, errorCode }).where(eq(schema.jobRun.id, id));
    throw Object.assign(new Error(`job ${job.name} failed (${errorCode})`), { report: { name: job.name, slot, attempt, outcome: 'failed', errorCode, durationMs: performance.now() - started } satisfies JobReport });
  }
}

/** The latest runs, newest first (operations and tests). */
export async function latestRuns(deps: Deps, limit = 50) {
  return deps.db.select().from(schema.jobRun).orderBy(desc(schema.jobRun.startedAt)).limit(limit);
}
