import PgBoss from 'pg-boss';
import { sql } from 'drizzle-orm';
import { inTransaction, type Deps } from '../deps';
import { RETRY_DELAY_SECONDS, RETRY_LIMIT, runRecorded, slotOf, type JobDefinition, type JobReport, type JobRunner } from './jobs';

/** How often each process offers the current slot's job to the queue (the queue keeps one per slot). */
const OFFER_INTERVAL_MS = 60_000;

/**
 * PostgreSQL mode: the jobs go through pg-boss (schema pgboss in the same database). Every process
 * offers each job once per slot with a singleton key and pg-boss's throttle (singletonSeconds =
 * the period), so the queue holds one job per slot however many processes offer it; one worker
 * takes it (FOR UPDATE SKIP LOCKED) and pg-boss retries it on failure. Completed jobs stay in the
 * queue table for two periods at least, so a late offer for the same slot cannot create a second
 * one; job_run keeps our own record and refuses a second run of the same attempt.
 */
export class PgBossJobRunner implements JobRunner {
  readonly kind = 'pg-boss' as const;
  private readonly boss: PgBoss;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: Deps,
    databaseUrl: string,
    private readonly jobs: JobDefinition[],
    private readonly onReport: (report: JobReport) => void,
    private readonly onError: (error: unknown) => void,
  ) {
    const longest = Math.max(...jobs.map((job) => job.periodMs), 86_400_000);
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      schema: 'pgboss',
      application_name: 'lykt-jobs',
      max: 3,
      schedule: false,
      archiveCompletedAfterSeconds: Math.ceil((2 * longest) / 1000),
      archiveFailedAfterSeconds: Math.ceil((2 * longest) / 1000),
      deleteAfterDays: 30,
    });
    this.boss.on('error', onError);
  }

  async start(): Promise<void> {
    await this.boss.start();
    await this.createQueues();
    for (const job of this.jobs) {
      await this.boss.work<{ slot?: string }>(job.name, { pollingIntervalSeconds: 2, includeMetadata: true }, async ([queued]) => {
        if (!queued) return;
        // The slot the job was offered for: its creation time falls in it.
        const slot = slotOf(job.periodMs, new Date(queued.createdOn).getTime());
        try {
          this.onReport(await runRecorded(this.deps, job, slot, queued.retryCount + 1));
        } catch (error) {
          const report = (error as { report?: JobReport }).report;
          if (report) this.onReport(report);
          throw error;
        }
      });
    }
    await this.offer();
    this.timer = setInterval(() => void this.offer().catch(this.onError), OFFER_INTERVAL_MS);
    this.timer.unref();
  }

  /**
   * pg-boss 10 creates a queue (a row, then a partition with a foreign key to the queue table)
   * without a lock, so processes starting together on a fresh database deadlock: 40 of 60 starts
   * did when three PgBoss instances started together on fresh databases. One process at a time
   * creates them here, under an advisory lock held by a transaction of ours; the others then find
   * them made.
   */
  async createQueues(): Promise<void> {
    await inTransaction(this.deps, async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('lykt:job-queues', 0))`);
      const existing = new Set((await this.boss.getQueues()).map((queue) => queue.name));
      for (const job of this.jobs) {
        if (existing.has(job.name)) continue;
        await this.boss.createQueue(job.name, { name: job.name, retryLimit: RETRY_LIMIT, retryDelay: RETRY_DELAY_SECONDS, retryBackoff: true, expireInSeconds: 3600 });
      }
    });
  }

  /** Offers the current slot of every job; the queue keeps the first offer and ignores the rest. */
  async offer(): Promise<void> {
    for (const job of this.jobs) {
      await this.boss.send(job.name, {}, { singletonKey: job.name, singletonSeconds: Math.round(job.periodMs / 1000) });
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
