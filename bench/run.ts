import os from 'node:os';
import { benchMe } from './me.bench';
import { benchIdentification } from './identification.bench';
import { benchTips } from './tips.bench';
import { benchPlans } from './plans.bench';
import { benchCases } from './cases.bench';
import { benchReports } from './reports.bench';
import { benchStatistics } from './statistics.bench';
import { benchKnowledge } from './knowledge.bench';
import { benchWeb } from './web.bench';
import { benchStartup } from './startup.bench';
import { benchNational } from './national.bench';
import { benchAuditSearch } from './audit-search.bench';

/** `npm run bench [name...]`: runs the benchmarks and prints their figures as tables. */
const BENCHES: Record<string, (seconds: number) => Promise<void>> = {
  me: benchMe,
  identification: benchIdentification,
  tips: benchTips,
  plans: benchPlans,
  cases: benchCases,
  reports: benchReports,
  statistics: benchStatistics,
  knowledge: benchKnowledge,
  web: benchWeb,
  startup: benchStartup,
  national: benchNational,
  'audit-search': benchAuditSearch,
};

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
/** Run only when named: they empty BENCH_DATABASE_URL and seed their own data into it. */
const ON_REQUEST = new Set(['national', 'audit-search']);
const selected = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(BENCHES).filter((name) => !ON_REQUEST.has(name));
console.log(`Lykt benchmarks on ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, database ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL (BENCH_DATABASE_URL)' : 'PGlite in memory'}`);
for (const name of selected) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`Unknown benchmark "${name}". Known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  await bench(seconds);
}
process.exit(0);
