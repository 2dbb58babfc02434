import type { Deps } from '../deps';
import { RETRY_DELAY_SECONDS, RETRY_LIMIT, runRecorded, slotOf, type JobDefinition, type JobReport, type JobRunner } from './jobs';
import { runAt, type SafeTimer } from './safe-timer';

/**
 * The embedded mode's runner (PGlite allows one process): each job runs at start when its current
 * slot has no successful run yet, then at the start of every next slot, with up to RETRY_LIMIT
 * retries after a failure (exponential back-off). Runs are recorded in job_run like pg-boss's.
 */
export class InProcessJobRunner implements JobRunner {
  readonly kind = 'in-process' as const;
  private readonly timers = new Map<string, SafeTimer>();
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(
    private readonly deps: Deps,
    private readonly jobs: JobDefinition[],
    private readonly onReport: (report: JobReport) => void,
  ) {}

  async start(): Promise<void> {
    for (const job of this.jobs) {
      const now = Date.now();
      if (job.runAtStart === false) {
        const next = slotOf(job.periodMs, now).getTime() + job.periodMs;
        this.schedule(job, new Date(next), 1, next);
      } else {
        this.schedule(job, slotOf(job.periodMs, now), 1, now);
      }
    }
  }

  private schedule(job: JobDefinition, slot: Date, attempt: number, at: number): void {
    if (this.stopped) return;
    this.timers.get(job.name)?.cancel();
    this.timers.set(
      job.name,
      runAt(at, () => {
        const run = this.attempt(job, slot, attempt);
        this.running.add(run);
        void run.finally(() => this.running.delete(run));
      }),
    );
  }

  private async attempt(job: JobDefinition, slot: Date, attempt: number): Promise<void> {
    const next = slot.getTime() + job.periodMs;
    try {
      this.onReport(await runRecorded(this.deps, job, slot, attempt));
      this.schedule(job, new Date(next), 1, next);
    } catch (error) {
      const report = (error as { report?: JobReport }).report;
      if (report) this.onReport(report);
      const retryAt = Date.now() + RETRY_DELAY_SECONDS * 1000 * 2 ** (attempt - 1);
      if (attempt <= RETRY_LIMIT && retryAt < next) this.schedule(job, slot, attempt + 1, retryAt);
      else this.schedule(job, new Date(next), 1, next);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) timer.cancel();
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }
}
