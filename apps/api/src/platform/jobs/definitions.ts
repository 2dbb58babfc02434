import type { Deps } from '../deps';
import { runCaseRetention } from '../../modules/cases/case-protection.service';
import { purgeExpiredTips } from '../../modules/tips/tips.service';
import { followCoverageEverywhere } from '../../modules/training/training.plan-links';
import { runPrevalenceRetention } from '../../modules/prevalence/prevalence.service';
import { runDownloadRetention } from '../../modules/downloads/downloads.service';
import { runScheduledChecks } from '../../modules/notifications/notification.checks';
import { pruneNotifications } from '../../modules/notifications/notification.repository';
import { publishDueReleases } from '../../modules/statistics/statistics.service';
import { sweepBuckets } from '../cluster/rate-limit';
import type { JobDefinition } from './jobs';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The scheduled jobs of every installation (the embedded mode adds its backup in main.ts). */
export function scheduledJobs(): JobDefinition[] {
  return [
    {
      name: 'case-retention',
      periodMs: DAY_MS,
      run: async (deps: Deps) => {
        const outcome = await runCaseRetention(deps);
        return { erased: outcome.erased, warned: outcome.warned };
      },
    },
    { name: 'tip-retention', periodMs: 6 * HOUR_MS, run: async (deps: Deps) => ({ deleted: await purgeExpiredTips(deps) }) },
    { name: 'training-coverage', periodMs: DAY_MS, run: async (deps: Deps) => ({ measuresUpdated: await followCoverageEverywhere(deps) }) },
    { name: 'rate-limit-sweep', periodMs: HOUR_MS, run: async (deps: Deps) => ({ deleted: await sweepBuckets(deps) }) },
    // Kept pseudonyms of prevalence studies are erased the day after the day they were kept until.
    { name: 'prevalence-retention', periodMs: DAY_MS, run: async (deps: Deps) => ({ ...(await runPrevalenceRetention(deps)) }) },
    // Background downloads are deleted with their files when their keep time has passed.
    { name: 'download-retention', periodMs: HOUR_MS, run: async (deps: Deps) => ({ ...(await runDownloadRetention(deps)) }) },
    // Statistics rollups: the protected releases the statistics page reads, made once a year closes.
    { name: 'statistics-releases', periodMs: DAY_MS, run: async (deps: Deps) => ({ ...(await publishDueReleases(deps)) }) },
    // Reminders (deadlines, tasks, measures, training; each once through its dedupe key), and pruning.
    {
      name: 'notification-checks',
      periodMs: HOUR_MS,
      run: async (deps: Deps) => {
        const now = new Date();
        const made = await runScheduledChecks(deps, now);
        await pruneNotifications(deps.db, now);
        return { made };
      },
    },
  ];
}
