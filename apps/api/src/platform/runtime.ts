import fs from 'node:fs';
import path from 'node:path';
import { migrateDatabase, openDatabase, type DatabaseHandle } from '@lykt/db';
import type { Config } from '../config';
import { KeyRing, loadOrCreateMasterKey } from './crypto';
import type { Deps } from './deps';

export class DataDirLockedError extends Error {}

/**
 * Takes an exclusive lock file beside the PGlite data: PGlite allows only one process per
 * data dir, and a second one would silently lose data. A lock left by a dead process is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'lykt.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      return () => {
        try {
          if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(fs.readFileSync(lockFile, 'utf8').trim(), 10);
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
        throw new DataDirLockedError(
          `The data directory ${dataDir} is in use by another Lykt process (pid ${pid}). ` +
            'The embedded database allows only one process; stop the other one first, or use PostgreSQL (DATABASE_URL).',
        );
      }
      fs.unlinkSync(lockFile);
    }
  }
  throw new DataDirLockedError(`Could not lock ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type Runtime = { deps: Deps; handle: DatabaseHandle; close: () => Promise<void> };

/** Opens the configured database (locked PGlite dir or PostgreSQL), migrates it and builds the service dependencies. */
export async function openRuntime(config: Config): Promise<Runtime> {
  let release: () => void = () => undefined;
  let handle: DatabaseHandle;
  if (config.databaseUrl) {
    handle = await openDatabase({ kind: 'postgres', url: config.databaseUrl });
  } else {
    release = acquireDataDirLock(config.dataDir);
    try {
      handle = await openDatabase({ kind: 'pglite', dataDir: path.join(config.dataDir, 'pgdata') });
    } catch (error) {
      release();
      throw error;
    }
  }
  try {
    await migrateDatabase(handle);
  } catch (error) {
    await handle.close();
    release();
    throw error;
  }
  const keyring = new KeyRing(loadOrCreateMasterKey(config.masterKey, config.dataDir));
  const deps: Deps = { db: handle.db, dbKind: handle.kind, keyring, config };
  return {
    deps,
    handle,
    close: async () => {
      await handle.close();
      release();
    },
  };
}
