import { Argument, Command, CommanderError } from 'commander';
import { ConfigError, loadConfig } from './config';
import { createAdmin } from './cli/admin.command';
import { CliInputError, registerPrevalenceCommand } from './cli/prevalence.command';
import { runCaseRetention } from './modules/cases/case-protection.service';
import { verifyAuditChain } from './platform/audit';
import { automaticBackupFile, backupDatabase, restoreDatabase } from './platform/backup';
import { runWithContext } from './platform/context';
import { inTransaction } from './platform/deps';
import { AppError } from './platform/errors';
import { recordAudit } from './platform/audit';
import { DataDirLockedError, openRuntime, type Runtime } from './platform/runtime';
import { schema } from '@lykt/db';

const out = (line: string) => process.stdout.write(`${line}\n`);

async function withRuntime<T>(fn: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(loadConfig());
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

export function buildCli(): Command {
  const program = new Command('lykt')
    .description('Operate a Lykt installation. Reads the same environment as `npm start` (LYKT_DATA_DIR or DATABASE_URL, LYKT_MASTER_KEY).')
    .exitOverride();

  program
    .command('migrate')
    .description('Apply database migrations (npm start does this too)')
    .action(async () => {
      await withRuntime(async (runtime) => out(`Migrations applied (${runtime.deps.dbKind}).`));
    });

  program
    .command('retention')
    .description('Erase the personal data of cases closed longer than the retention period and warn 30 days before (the server also runs this nightly)')
    .addArgument(new Argument('<action>', 'what to do').choices(['run']))
    .action(async () => {
      await withRuntime(async (runtime) => {
        const outcome = await runCaseRetention(runtime.deps);
        out(`Case retention: personal data erased in ${outcome.erased} case(s), ${outcome.warned} warned.`);
      });
    });

  const user = program.command('user').description('Manage users');
  user
    .command('create-admin')
    .description('Create an administrator; creates the municipality when it does not exist yet')
    .requiredOption('--email <email>', 'e-mail to sign in with')
    .requiredOption('--name <name>', 'full name')
    .option('--municipality <name>', 'municipality (created when missing)')
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .option('--break-glass', 'may sign in with a password even when the municipality turned password sign-in off (single sign-on only)')
    .action(async (options: { email: string; name: string; municipality?: string; passwordStdin?: boolean; breakGlass?: boolean }) => {
      const password = options.passwordStdin ? await readStdin() : undefined;
      await withRuntime(async (runtime) => {
        const result = await createAdmin(runtime.deps, {
          email: options.email,
          name: options.name,
          municipality: options.municipality,
          password,
          breakGlass: options.breakGlass === true,
        });
        out(`Created ${options.breakGlass ? 'break-glass ' : ''}administrator ${options.email}.`);
        if (result.generated) out(`Password (shown once, change it after signing in): ${result.password}`);
        out('They must set up MFA (an authenticator app) at first sign-in.');
      });
    });

  const audit = program.command('audit').description('The audit log');
  audit
    .command('verify')
    .description('Check that no audit event was edited, removed or reordered (exit 1 if one was)')
    .action(async () => {
      await withRuntime(async (runtime) => {
        const result = await verifyAuditChain(runtime.deps.db);
        if (result.problems.length === 0) {
          out(`Audit log intact: ${result.checked} events checked.`);
          return;
        }
        for (const problem of result.problems) {
          out(`Audit log BROKEN in municipality ${problem.municipalityId}: event #${problem.seq} (id ${problem.eventId}) ${problem.problem}.`);
        }
        process.exitCode = 1;
      });
    });

  program
    .command('backup')
    .description('Write a consistent copy of the database to a file (gzip JSON lines; personal fields stay encrypted)')
    .option('--out <file>', 'where to write (default: <data dir>/backups/lykt-<time>.jsonl.gz)')
    .action(async (options: { out?: string }) => {
      await withRuntime(async (runtime) => {
        const file = options.out ?? automaticBackupFile(runtime.deps.config.dataDir);
        const header = await backupDatabase(runtime.deps.db, file);
        const rows = Object.values(header.tables).reduce((sum, n) => sum + n, 0);
        out(`Backup written to ${file} (${rows} rows). Keep LYKT_MASTER_KEY (or master.key) safe and apart from it: without it the encrypted fields cannot be read.`);
      });
    });

  program
    .command('restore')
    .description('Restore a backup file into the database')
    .requiredOption('--in <file>', 'the backup file')
    .option('--force', 'replace all data in a database that is not empty')
    .action(async (options: { in: string; force?: boolean }) => {
      await withRuntime(async (runtime) => {
        const header = await restoreDatabase(runtime.deps.db, options.in, {
          force: options.force === true,
          // Refuse a restore whose data keys this installation's master key cannot open.
          check: (tx) => runtime.deps.keyring.assertAllKeysUnwrap(tx),
        });
        const municipalities = await runtime.deps.db.select({ id: schema.municipality.id }).from(schema.municipality);
        await runWithContext({ requestId: null, actor: { kind: 'system', label: 'cli' } }, async () => {
          for (const { id } of municipalities) {
            await inTransaction(runtime.deps, (tx) =>
              recordAudit(tx, { municipalityId: id, action: 'system.restore', entityType: 'municipality', entityId: id, details: { backupCreatedAt: header.createdAt } }),
            );
          }
        });
        out(`Restored the backup of ${header.createdAt}.`);
      });
    });

  registerPrevalenceCommand(program, out);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildCli().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof AppError || error instanceof CliInputError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    process.stderr.write(`lykt failed: ${(error as Error).message}\n`);
    return 1;
  }
}

void runCli(process.argv.slice(2)).then((code) => process.exit(code));
