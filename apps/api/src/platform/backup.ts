import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { Readable } from 'node:stream';
import readline from 'node:readline';
import { sql } from 'drizzle-orm';
import { rowsOf, TABLES_IN_ORDER, type Database } from '@lykt/db';
import { AppError } from './errors';

const FORMAT = 'lykt-backup';
const FORMAT_VERSION = 1;
const BATCH = 500;

type Header = { format: string; version: number; createdAt: string; migrations: number; tables: Record<string, number> };

async function appliedMigrations(db: Database): Promise<number> {
  const rows = rowsOf<{ n: number | string }>(await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
  return Number(rows[0]?.n ?? 0);
}

function tableIdentifier(name: string) {
  // Names come from the fixed table list in the schema, never from input.
  return sql.raw(`"${name}"`);
}

/**
 * Writes a consistent copy of every table (one repeatable-read snapshot) to a gzip'd
 * JSON-lines file: a header line, then one line per row. Encrypted fields stay encrypted:
 * keep the master key apart from the backups.
 */
export async function backupDatabase(db: Database, file: string): Promise<Header> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.partial`;
  const header: Header = { format: FORMAT, version: FORMAT_VERSION, createdAt: new Date().toISOString(), migrations: 0, tables: {} };
  const lines: string[] = [];
  await db.transaction(
    async (txRaw) => {
      const tx = txRaw as unknown as Database;
      header.migrations = await appliedMigrations(tx);
      for (const { name } of TABLES_IN_ORDER) {
        const rows = rowsOf<{ r: unknown }>(await tx.execute(sql`select to_jsonb(t) as r from ${tableIdentifier(name)} t`));
        header.tables[name] = rows.length;
        for (const row of rows) {
          const value = typeof row.r === 'string' ? (JSON.parse(row.r) as unknown) : row.r;
          lines.push(JSON.stringify({ t: name, r: value }));
        }
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const body = [JSON.stringify(header), ...lines].join('\n') + '\n';
  await pipeline(Readable.from([body]), createGzip(), fs.createWriteStream(tmp, { mode: 0o600 }));
  fs.renameSync(tmp, file);
  return header;
}

/**
 * Restores a backup into a migrated database in one transaction. Refuses a database that
 * already holds data unless `force` (then every table is emptied first), and a backup made
 * by another schema version.
 */
export async function restoreDatabase(
  db: Database,
  file: string,
  options: { force: boolean; check?: (tx: Database) => Promise<void> },
): Promise<Header> {
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `No backup file at ${file}.`);
  const input = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let header: Header | null = null;
  const rowsByTable = new Map<string, unknown[]>();
  const known = new Set<string>(TABLES_IN_ORDER.map((table) => table.name));
  try {
    for await (const line of input) {
      if (!line) continue;
      const parsed = JSON.parse(line) as unknown;
      if (!header) {
        const candidate = parsed as Partial<Header>;
        if (candidate.format !== FORMAT || candidate.version !== FORMAT_VERSION) throw new AppError('VALIDATION_ERROR', 'This is not a Lykt backup file.');
        header = candidate as Header;
        continue;
      }
      const { t, r } = parsed as { t: string; r: unknown };
      if (!known.has(t)) throw new AppError('VALIDATION_ERROR', `The backup names an unknown table "${t}".`);
      const list = rowsByTable.get(t) ?? [];
      list.push(r);
      rowsByTable.set(t, list);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('VALIDATION_ERROR', `The backup file could not be read: ${(error as Error).message}`);
  }
  if (!header) throw new AppError('VALIDATION_ERROR', 'The backup file is empty.');
  const migrations = await appliedMigrations(db);
  if (migrations !== header.migrations) {
    throw new AppError('CONFLICT', `The backup was made with schema version ${header.migrations}; this database has ${migrations}. Restore with the same Lykt version.`);
  }
  const finalHeader = header;
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const existing = rowsOf<{ n: number | string }>(await tx.execute(sql`select count(*)::int as n from municipality`));
    if (Number(existing[0]?.n ?? 0) > 0) {
      if (!options.force) throw new AppError('CONFLICT', 'The database already holds data. Use --force to replace everything in it.');
      const names = TABLES_IN_ORDER.map(({ name }) => `"${name}"`).join(', ');
      await tx.execute(sql.raw(`truncate ${names} cascade`));
    }
    for (const { name } of TABLES_IN_ORDER) {
      const rows = parentsFirst(rowsByTable.get(name) ?? []);
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = JSON.stringify(rows.slice(i, i + BATCH));
        await tx.execute(sql`insert into ${tableIdentifier(name)} select * from jsonb_populate_recordset(null::${tableIdentifier(name)}, ${batch}::jsonb)`);
      }
      if (rows.length !== finalHeader.tables[name]) throw new AppError('VALIDATION_ERROR', `The backup is incomplete: table ${name} has ${rows.length} rows, the header says ${finalHeader.tables[name]}.`);
    }
    if (options.check) await options.check(tx);
  });
  return finalHeader;
}

/**
 * Orders the rows of a table that refers to itself (`parent_id`) so that every parent comes
 * before its children: rows are inserted in batches, and a foreign key is checked per batch.
 */
export function parentsFirst(rows: unknown[]): unknown[] {
  const withParent = (row: unknown): { id?: unknown; parent_id?: unknown } => (row && typeof row === 'object' ? row : {});
  if (!rows.some((row) => withParent(row).parent_id)) return rows;
  const byId = new Map(rows.map((row) => [withParent(row).id, row]));
  const placed = new Set<unknown>();
  const ordered: unknown[] = [];
  const place = (row: unknown, depth: number) => {
    const { id, parent_id: parentId } = withParent(row);
    if (placed.has(id)) return;
    const parent = parentId ? byId.get(parentId) : undefined;
    if (parent && depth < rows.length) place(parent, depth + 1);
    placed.add(id);
    ordered.push(row);
  };
  for (const row of rows) place(row, 0);
  return ordered;
}

/** Keeps the newest `keep` automatic backups in a folder. */
export function pruneBackups(dir: string, keep: number): void {
  if (!fs.existsSync(dir)) return;
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.startsWith('lykt-') && name.endsWith('.jsonl.gz'))
    .sort();
  for (const name of files.slice(0, Math.max(0, files.length - keep))) fs.unlinkSync(path.join(dir, name));
}

export function automaticBackupFile(dataDir: string, now = new Date()): string {
  return path.join(dataDir, 'backups', `lykt-${now.toISOString().replace(/[:.]/g, '-')}.jsonl.gz`);
}
