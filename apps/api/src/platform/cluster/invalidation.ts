import { sql } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '@lykt/db';

/** The NOTIFY channel every API process listens on. Payloads carry kinds and ids only, never personal data. */
export const INVALIDATION_CHANNEL = 'lykt_invalidate';

/** What changed: the caches drop what depends on it. */
export type Invalidation =
  | { kind: 'session'; id: string }
  | { kind: 'user'; id: string }
  | { kind: 'municipality'; id: string }
  | { kind: 'organisation'; id: string }
  | { kind: 'public' }
  | { kind: 'all' };

type Listener = (change: Invalidation) => void;
const listeners = new Set<Listener>();

/** Registers a cache's reaction to changes; returns the function that removes it. */
export function onInvalidation(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Applies a change to every cache of this process. */
export function applyInvalidation(change: Invalidation): void {
  for (const listener of listeners) listener(change);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads a NOTIFY payload; anything unexpected drops everything (safe, never stale). */
export function parseInvalidation(payload: string): Invalidation {
  try {
    const value = JSON.parse(payload) as { kind?: unknown; id?: unknown };
    if (value.kind === 'public' || value.kind === 'all') return { kind: value.kind };
    if (
      (value.kind === 'session' || value.kind === 'user' || value.kind === 'municipality' || value.kind === 'organisation') &&
      typeof value.id === 'string' &&
      UUID.test(value.id)
    ) {
      return { kind: value.kind, id: value.id };
    }
  } catch {
    // fall through
  }
  return { kind: 'all' };
}

/**
 * Announces a change: this process's caches drop it at once, and every other process is told by
 * NOTIFY on the same connection. Inside a transaction PostgreSQL delivers the notice only when
 * the transaction commits, so no process can re-read the old row after it has been told.
 * (A cache that re-read the old row between the local drop and the commit is cleared again when
 * this process's own notice arrives.)
 */
export async function announce(db: Database, change: Invalidation): Promise<void> {
  applyInvalidation(change);
  await db.execute(sql`select pg_notify(${INVALIDATION_CHANNEL}, ${JSON.stringify(change)})`);
}

/**
 * Listens for other processes' changes (PostgreSQL). On every (re)connect every cache is dropped,
 * since notices sent while the connection was down are lost. PGlite serves one process: nothing to do.
 */
export async function listenForInvalidations(handle: DatabaseHandle): Promise<() => Promise<void>> {
  if (!handle.listen) return async () => undefined;
  return handle.listen(
    INVALIDATION_CHANNEL,
    (payload) => applyInvalidation(parseInvalidation(payload)),
    () => applyInvalidation({ kind: 'all' }),
  );
}
