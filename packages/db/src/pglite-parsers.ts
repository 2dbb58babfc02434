import { AsyncLocalStorage } from 'node:async_hooks';
import { types, type PGlite, type QueryOptions, type Transaction } from '@electric-sql/pglite';

/**
 * The transaction whose callback is running, seen by everything that callback starts. `open` turns
 * false when the transaction ends, so work the callback started that runs later is not refused.
 */
const insideTransaction = new AsyncLocalStorage<{ open: boolean }>();

export class SelfDeadlockError extends Error {
  constructor() {
    super('A query on the database (not on the open transaction) was started inside that transaction: PGlite would wait for the transaction to end, and the transaction for the query. Use the transaction.');
    this.name = 'SelfDeadlockError';
  }
}

/**
 * The types drizzle-orm reads as text from PGlite: dates, timestamps and intervals, and arrays of
 * them and of numerics. drizzle-orm (pglite/session.js) passes parsers for exactly these with every
 * query, so that it converts the text itself.
 */
export const DRIZZLE_TEXT_TYPES: readonly number[] = [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182];
const TEXT_TYPES = new Set(DRIZZLE_TEXT_TYPES.map(String));
const asText = (value: string): string => value;

/**
 * Query options without drizzle's per-query parsers: parsers of these types only, which drizzle
 * always passes as text-as-it-is (the test reads drizzle's own list). This client is handed to
 * drizzle only; parsers of any other type pass on unchanged.
 */
function withoutDrizzleParsers(options: QueryOptions | undefined): QueryOptions | undefined {
  const parsers = options?.parsers;
  if (!parsers) return options;
  const keys = Object.keys(parsers);
  if (keys.length === 0 || !keys.every((key) => TEXT_TYPES.has(key))) return options;
  const { parsers: _omitted, ...rest } = options;
  return rest;
}

/** The object as it is, except that `query` drops drizzle's parsers and `transaction` hands out such objects too. */
function forDrizzle<T extends Pick<PGlite, 'query'>>(target: T): T {
  const root = 'transaction' in target;
  return new Proxy(target, {
    get(object, property) {
      if (property === 'query') {
        return (query: string, params?: unknown[], options?: QueryOptions) => {
          if (root && insideTransaction.getStore()?.open) return Promise.reject(new SelfDeadlockError());
          return object.query(query, params, withoutDrizzleParsers(options));
        };
      }
      if (property === 'transaction' && root) {
        const transaction = (object as unknown as PGlite).transaction.bind(object);
        return <R>(callback: (tx: Transaction) => Promise<R>) => {
          if (insideTransaction.getStore()?.open) return Promise.reject(new SelfDeadlockError());
          return transaction((tx) => {
            const marker = { open: true };
            return insideTransaction.run(marker, async () => {
              try {
                return await callback(forDrizzle(tx));
              } finally {
                marker.open = false;
              }
            });
          });
        };
      }
      const value: unknown = Reflect.get(object, property, object);
      // PGlite keeps private state: its methods run on the real instance.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}

/**
 * The PGlite instance as drizzle-orm should use it. PGlite merges per-query parsers into a fresh copy
 * of its whole parser table (318 types) for every query: 55 KiB of garbage and about 60 µs per
 * query, for the nine parsers drizzle passes every time (measured, docs/SCALING.md). Here the
 * instance is given those nine once, after PGlite has set up its array types (which would
 * otherwise replace the array ones), and drizzle's per-query copy of them is dropped, so PGlite
 * uses its table as it is. Other per-query parsers are passed on unchanged. The results are the
 * same: the parsers are the same functions of the same types (packages/db tests compare them).
 */
export async function drizzleReadyPglite(pglite: PGlite): Promise<PGlite> {
  await pglite.waitReady;
  for (const type of DRIZZLE_TEXT_TYPES) pglite.parsers[type] = asText;
  return forDrizzle(pglite);
}
