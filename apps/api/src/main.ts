import { buildApp } from './app';
import { bootstrapDatabase } from './bootstrap';
import { ConfigError, loadConfig } from './config';
import { DataDirLockedError, openRuntime } from './platform/runtime';
import { errorForLog } from './platform/http/logging';
import { automaticBackupFile, backupDatabase, pruneBackups } from './platform/backup';
import path from 'node:path';
import { describeEmailDelivery, startNotificationWorker } from './modules/notifications/notification.worker';
import { listenForInvalidations } from './platform/cluster/invalidation';
import { scheduledJobs } from './platform/jobs/definitions';
import { InProcessJobRunner } from './platform/jobs/in-process-runner';
import type { JobReport, JobRunner } from './platform/jobs/jobs';
import { PgBossJobRunner } from './platform/jobs/pg-boss-runner';
import { recordJobRun } from './platform/http/metrics';

const BACKUP_INTERVAL_MS = 24 * 3_600_000;
const BACKUPS_KEPT = 14;

/** `npm start`: one process serving the API, the staff app and (later) the public pages. */
async function main(): Promise<void> {
  const config = loadConfig();
  const runtime = await openRuntime(config);
  const outcome = await bootstrapDatabase(runtime.deps);
  const app = await buildApp(runtime.deps);

  // PGlite does not fsync: in embedded mode keep rolling backups, made daily (a job) and at shutdown.
  const embedded = runtime.deps.dbKind === 'pglite';
  const makeBackup = async () => {
    const file = automaticBackupFile(config.dataDir);
    await backupDatabase(runtime.deps.db, file);
    pruneBackups(path.dirname(file), BACKUPS_KEPT);
    app.log.info('automatic backup written');
  };

  // Caches of this process follow changes made by the others (PostgreSQL LISTEN/NOTIFY).
  const stopListening = await listenForInvalidations(runtime.handle);
  const jobs = scheduledJobs();
  if (embedded) jobs.push({ name: 'backup', periodMs: BACKUP_INTERVAL_MS, runAtStart: false, run: async () => (await makeBackup(), { written: true }) });
  const onReport = (report: JobReport) => {
    recordJobRun(report);
    if (report.outcome === 'failed') app.log.error({ job: report }, 'job run failed');
    else if (report.outcome === 'succeeded') app.log.info({ job: report }, 'job run');
  };
  const onJobError = (error: unknown) => app.log.error({ err: errorForLog(error) }, 'job queue error');
  const runner: JobRunner = config.databaseUrl
    ? new PgBossJobRunner(runtime.deps, config.databaseUrl, jobs, onReport, onJobError)
    : new InProcessJobRunner(runtime.deps, jobs, onReport);

  // Notifications: the SMTP settings are checked once, then the worker sends the outbox and runs the scheduled checks.
  const emailLine = await describeEmailDelivery(runtime.deps);
  let notificationWorker: ReturnType<typeof startNotificationWorker> | null = null;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await runner.stop();
      await notificationWorker?.stop();
      await app.close();
      await stopListening();
      if (embedded) await makeBackup();
      await runtime.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: errorForLog(error) }, 'unclean shutdown');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // Build the OpenAPI document before the first request, so /api/docs never waits for it.
  await app.ready();
  app.swagger();
  await app.listen({ port: config.port, host: config.host });
  await runner.start();
  notificationWorker = startNotificationWorker(runtime.deps, app.log);
  const url = `http://${config.host}:${config.port}`;
  const lines = [
    `Lykt ${config.version} is running on ${url}/app/ (API ${url}/api/, docs ${url}/api/docs)`,
    `Database: ${runtime.deps.dbKind}${runtime.deps.dbKind === 'pglite' ? ` in ${config.dataDir}` : ''}; scheduled jobs: ${runner.kind}`,
    emailLine,
  ];
  if (outcome.kind === 'demo') {
    lines.push('', 'Created the demo municipality "Eksempel kommune" (fictional data). Sign in as:');
    for (const user of outcome.users) lines.push(`  ${user.role.padEnd(12)} ${user.email}`);
    lines.push(
      outcome.passwordGenerated
        ? `  password:    ${outcome.password}   (shown once; set LYKT_DEMO_PASSWORD to choose it)`
        : '  password:    the value of LYKT_DEMO_PASSWORD',
    );
  }
  if (outcome.kind === 'needs-admin') {
    lines.push('', 'The database is empty. Create the first administrator with:', '  npx lykt user create-admin --email you@your.kommune.no --name "Your Name" --municipality "Your kommune"');
  }
  // Startup banner for the operator's terminal; it holds no personal data (demo accounts are fictional).
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Lykt could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
