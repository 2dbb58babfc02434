import { lt, sql } from 'drizzle-orm';
import { rowsOf, schema } from '@lykt/db';
import type { FastifyRateLimitOptions, FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Deps } from '../deps';

/**
 * Rate limits shared by every API process through the database (table rate_limit_bucket): one
 * atomic upsert per hit. The client address is never stored: the bucket key is an HMAC of scope
 * and address under a key derived from the master key and the window's start, so keys of different
 * windows cannot be linked by anyone without the master key.
 *
 * Windows are fixed, but a hit counts as a sliding window would: the current window's hits plus the
 * previous window's, weighted by how much of the previous window still lies within the last
 * windowMs. So a burst across a window boundary is limited like any other (a plain fixed window
 * let a client spend its allowance twice there). A bucket is kept until the window after it ends.
 */
function bucketKey(deps: Deps, scope: string, address: string, windowMs: number, windowStart: number): string {
  return deps.keyring.installationHash(`rate-limit|${windowMs}|${windowStart}`, `${scope}\u0000${address}`);
}

export async function hitBucket(deps: Deps, scope: string, address: string, windowMs: number, now: number = Date.now()): Promise<{ hits: number; resetAt: number }> {
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const key = bucketKey(deps, scope, address, windowMs, windowStart);
  const previousKey = bucketKey(deps, scope, address, windowMs, windowStart - windowMs);
  const keptUntil = new Date(windowStart + 2 * windowMs);
  const result = await deps.db.execute(sql`
    with hit as (
      insert into rate_limit_bucket (key, hits, reset_at) values (${key}, 1, ${keptUntil.toISOString()}::timestamptz)
      on conflict (key) do update set hits = rate_limit_bucket.hits + 1
      returning hits)
    select hit.hits, (select hits from rate_limit_bucket where key = ${previousKey}) as previous from hit`);
  const [row] = rowsOf<{ hits: number; previous: number | null }>(result);
  const current = Number(row?.hits ?? 1);
  const previous = Number(row?.previous ?? 0);
  const weight = 1 - (now - windowStart) / windowMs;
  return { hits: current + Math.ceil(previous * weight), resetAt: windowStart + windowMs };
}

/** Deletes the buckets whose window has ended (a job runs it; they are worthless afterwards). */
export async function sweepBuckets(deps: Deps, now: Date = new Date()): Promise<number> {
  const deleted = await deps.db.delete(schema.rateLimitBucket).where(lt(schema.rateLimitBucket.resetAt, now)).returning({ key: schema.rateLimitBucket.key });
  return deleted.length;
}

/** A per-address allowance in a window, shared by every process. */
export class SharedLimiter {
  constructor(
    private readonly deps: Deps,
    private readonly scope: string,
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one hit; false when the address has used up its allowance in the current window. */
  async take(address: string): Promise<boolean> {
    const { hits } = await hitBucket(this.deps, this.scope, address, this.windowMs);
    return hits <= this.max;
  }
}

/**
 * A store for @fastify/rate-limit backed by the same table, so a route's limit holds across
 * processes. Each route gets its own scope (method and URL).
 */
export function sharedRateLimitStore(deps: Deps) {
  class SharedStore implements FastifyRateLimitStore {
    constructor(
      _options: FastifyRateLimitOptions,
      private readonly scope = 'global',
    ) {}

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      const now = Date.now();
      hitBucket(deps, this.scope, key, timeWindow, now).then(
        ({ hits, resetAt }) => callback(null, { current: hits, ttl: Math.max(0, resetAt - now) }),
        (error: unknown) => callback(error as Error),
      );
    }

    child(routeOptions: { method?: string | string[]; url?: string; routeInfo?: { method?: string | string[]; url?: string } }): FastifyRateLimitStore {
      const info = routeOptions.routeInfo ?? routeOptions;
      const method = Array.isArray(info.method) ? info.method.join(',') : (info.method ?? '');
      return new SharedStore({}, `${method} ${info.url ?? ''}`);
    }
  }
  return SharedStore;
}
