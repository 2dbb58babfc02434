import { lt, sql } from 'drizzle-orm';
import { rowsOf, schema } from '@lykt/db';
import type { FastifyRateLimitOptions, FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Deps } from '../deps';

/**
 * Rate limits shared by every API process through the database (table rate_limit_bucket): one
 * atomic upsert per hit, fixed windows. The client address is never stored: the bucket key is an
 * HMAC of scope and address under a key derived from the master key and the window's start, so
 * keys of different windows cannot be linked, and a bucket is deleted once its window has ended.
 */
export async function hitBucket(deps: Deps, scope: string, address: string, windowMs: number, now: number = Date.now()): Promise<{ hits: number; resetAt: number }> {
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const resetAt = new Date(windowStart + windowMs);
  const key = deps.keyring.installationHash(`rate-limit|${windowMs}|${windowStart}`, `${scope}\u0000${address}`);
  const result = await deps.db.execute(sql`
    insert into rate_limit_bucket (key, hits, reset_at) values (${key}, 1, ${resetAt.toISOString()}::timestamptz)
    on conflict (key) do update set hits = rate_limit_bucket.hits + 1
    returning hits`);
  const [row] = rowsOf<{ hits: number }>(result);
  return { hits: Number(row?.hits ?? 1), resetAt: resetAt.getTime() };
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
