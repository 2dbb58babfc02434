import type { Deps } from '../deps';
import { runCaseRetention } from '../../modules/cases/case-protection.service';
import { purgeExpiredTips } from '../../modules/tips/tips.service';
import { followCoverageEverywhere } from '../../modules/training/training.plan-links';
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
  ];
}
