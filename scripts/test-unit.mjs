// Unit and API tests: always against PGlite; with TEST_DATABASE_URL set, the database and
// API tests run a second time against that PostgreSQL database.
import { spawnSync } from 'node:child_process';

function vitest(args, env) {
  const result = spawnSync('npx', ['vitest', 'run', ...args], { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const { TEST_DATABASE_URL, ...withoutPostgres } = process.env;
console.log('\n== unit and API tests on PGlite ==');
vitest([], withoutPostgres);
if (TEST_DATABASE_URL) {
  console.log('\n== database and API tests on PostgreSQL (TEST_DATABASE_URL) ==');
  // The CLI and compiled-server tests drive embedded data dirs by design; they ran above.
  vitest(['apps/api', 'packages', '--exclude', 'apps/api/src/cli.test.ts', '--exclude', 'apps/api/src/compiled-server.test.ts'], { ...process.env });
}
