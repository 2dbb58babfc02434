import type { Database, DatabaseKind } from '@lykt/db';
import type { Config } from '../config';
import type { KeyRing } from './crypto';

/** What services need, passed explicitly (no service locator). */
export type Deps = {
  db: Database;
  dbKind: DatabaseKind;
  keyring: KeyRing;
  config: Config;
};

/** Runs fn in one database transaction. */
export function inTransaction<T>(deps: Deps, fn: (tx: Database) => Promise<T>): Promise<T> {
  return deps.db.transaction((tx) => fn(tx as unknown as Database));
}
