import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rowsOf, schema } from '@lykt/db';
import { freshDatabases } from '../../../test/fresh-databases';
import { call, createHarness, seedTenant, signIn, type TestHarness } from '../../../test/harness';
import { sha256Hex } from '../crypto';
import { applyInvalidation, parseInvalidation } from './invalidation';
import { hitBucket, SharedLimiter, sweepBuckets } from './rate-limit';
import { runRecorded, slotOf, type JobDefinition, type JobReport } from '../jobs/jobs';
import { InProcessJobRunner } from '../jobs/in-process-runner';
import { MAX_TIMER_MS, runAt } from '../jobs/safe-timer';

// sweepBuckets deletes every expired rate-limit bucket in the database, and the test then expects none
// left at all: on PostgreSQL the file gets a database of its own (dropped after the file), so it never
// deletes other test files' buckets nor counts the ones they leave.
const ownDatabase = freshDatabases(process.env.TEST_DATABASE_URL, 'lykt_cluster');
let h: TestHarness;
beforeAll(async () => {
  h = await createHarness({}, { ownDatabase });
});
afterAll(async () => {
  await h.close();
});

describe('shared rate limits', () => {
  it('counts hits of every limiter on the same scope together (as two processes would), per address', async () => {
    const scope = `test-${randomUUID()}`;
    const one = new SharedLimiter(h.deps, scope, 2, 60_000);
    const two = new SharedLimiter(h.deps, scope, 2, 60_000);
    expect([await one.take('198.51.100.7'), await two.take('198.51.100.7'), await one.take('198.51.100.7')]).toEqual([true, true, false]);
    expect(await two.take('198.51.100.8')).toBe(true);
  });

  it('limits a burst that crosses a window boundary like any other (the previous window still counts)', async () => {
    const scope = `test-${randomUUID()}`;
    const minute = 60_000;
    const base = 1_000 * minute;
    const hits: number[] = [];
    for (const at of [base - 3000, base - 2000, base - 1000, base + 1000]) hits.push((await hitBucket(h.deps, scope, '198.51.100.10', minute, at)).hits);
    // With a limit of 3 the fourth attempt is refused, though it is the first of its window.
    expect(hits).toEqual([1, 2, 3, 4]);
    // A whole window later the earlier burst no longer counts.
    expect((await hitBucket(h.deps, scope, '198.51.100.10', minute, base + 2 * minute)).hits).toBe(1);
  });

  it('keeps no address, and a bucket key cannot be linked across windows', async () => {
    const scope = `test-${randomUUID()}`;
    await hitBucket(h.deps, scope, '198.51.100.9', 1000, 5_000);
    await hitBucket(h.deps, scope, '198.51.100.9', 1000, 6_000);
    const rows = rowsOf<{ key: string }>(await h.deps.db.execute(sql`select key from rate_limit_bucket where reset_at in ('1970-01-01T00:00:07Z', '1970-01-01T00:00:08Z')`));
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain('198.51.100.9');
    expect(rows[0]?.key).not.toBe(rows[1]?.key);
    expect(await sweepBuckets(h.deps)).toBeGreaterThanOrEqual(2);
    const left = rowsOf(await h.deps.db.execute(sql`select key from rate_limit_bucket where reset_at < now()`));
    expect(left).toHaveLength(0);
  });
});

describe('cross-process cache invalidation', () => {
  it('a session ended by another process is refused once its notice arrives, though this process had it cached', async () => {
    const tenant = await seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
    const session = await signIn(h, tenant.users.viewer);
    expect((await call(h, session, 'GET', '/api/v1/me')).statusCode).toBe(200);
    const token = decodeURIComponent(session.cookie.split('=')[1] ?? '');
    // Another process ends it: the row changes behind this process's back, then its NOTIFY arrives.
    const [ended] = await h.deps.db
      .update(schema.session)
      .set({ endedAt: new Date(), endedReason: 'logout' })
      .where(eq(schema.session.tokenHash, sha256Hex(token)))
      .returning({ id: schema.session.id });
    expect(ended).toBeDefined();
    applyInvalidation(parseInvalidation(JSON.stringify({ kind: 'session', id: ended?.id })));
    expect((await call(h, session, 'GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('a settings change made elsewhere shows in /me after the notice', async () => {
    const tenant = await seedTenant(h, { settings: { mfaPolicy: 'off', languages: ['nb', 'en'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
    const session = await signIn(h, tenant.users.viewer);
    expect((await call(h, session, 'GET', '/api/v1/me')).json<{ municipality: { defaultLanguage: string } }>().municipality.defaultLanguage).toBe('nb');
    await h.deps.db.execute(sql`update municipality set settings = jsonb_set(settings, '{defaultLanguage}', '"en"') where id = ${tenant.municipality.id}`);
    applyInvalidation(parseInvalidation(JSON.stringify({ kind: 'municipality', id: tenant.municipality.id })));
    expect((await call(h, session, 'GET', '/api/v1/me')).json<{ municipality: { defaultLanguage: string } }>().municipality.defaultLanguage).toBe('en');
  });

  it('reads an unknown or malformed notice as "drop everything"', () => {
    expect(parseInvalidation('{')).toEqual({ kind: 'all' });
    expect(parseInvalidation(JSON.stringify({ kind: 'session', id: 'x; drop' }))).toEqual({ kind: 'all' });
    expect(parseInvalidation(JSON.stringify({ kind: 'public' }))).toEqual({ kind: 'public' });
  });
});

describe('scheduled jobs', () => {
  const job = (name: string, run: JobDefinition['run']): JobDefinition => ({ name, periodMs: 86_400_000, run });
  const runsOf = (name: string) => h.deps.db.select().from(schema.jobRun).where(eq(schema.jobRun.name, name));

  it('runs a slot once however many runners try it at the same time, and records the run', async () => {
    const name = `test-${randomUUID()}`;
    let calls = 0;
    const definition = job(name, async () => {
      calls += 1;
      return { done: 1 };
    });
    const slot = slotOf(definition.periodMs);
    const reports = await Promise.all([1, 2, 3].map(() => runRecorded(h.deps, definition, slot, 1)));
    expect(calls).toBe(1);
    expect(reports.map((report) => report.outcome).sort()).toEqual(['skipped', 'skipped', 'succeeded']);
    const runs = await runsOf(name);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ outcome: 'succeeded', summary: { done: 1 }, attempt: 1 });
    expect(runs[0]?.finishedAt).toBeInstanceOf(Date);
    // A later attempt for a slot that already succeeded does nothing.
    expect((await runRecorded(h.deps, definition, slot, 2)).outcome).toBe('skipped');
  });

  it('records a failure by its code only, never the message', async () => {
    const name = `test-${randomUUID()}`;
    const definition = job(name, async () => {
      throw Object.assign(new Error('secret person name in message'), { code: 'TEST_FAILURE' });
    });
    await expect(runRecorded(h.deps, definition, slotOf(definition.periodMs), 1)).rejects.toThrow(/TEST_FAILURE/);
    const runs = await runsOf(name);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ outcome: 'failed', errorCode: 'TEST_FAILURE' });
    expect(JSON.stringify(runs)).not.toContain('secret person');
  });

  it('the in-process runner runs a due job at start once, and a restarted runner does not run it again in the same slot', async () => {
    const name = `test-${randomUUID()}`;
    let calls = 0;
    const reports: JobReport[] = [];
    const definition = job(name, async () => {
      calls += 1;
      return {};
    });
    const first = new InProcessJobRunner(h.deps, [definition], (report) => reports.push(report));
    await first.start();
    await expect.poll(() => reports.length, { timeout: 10_000 }).toBe(1);
    await first.stop();
    const second = new InProcessJobRunner(h.deps, [definition], (report) => reports.push(report));
    await second.start();
    await expect.poll(() => reports.length, { timeout: 10_000 }).toBe(2);
    await second.stop();
    expect(calls).toBe(1);
    expect(reports.map((report) => report.outcome)).toEqual(['succeeded', 'skipped']);
    expect(await runsOf(name)).toHaveLength(1);
  });
});

describe('runAt', () => {
  it('never asks Node for a timer longer than it holds (which would fire after 1 ms), however far the time', () => {
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    let fired = false;
    const timer = runAt(Date.now() + 1000 * MAX_TIMER_MS, () => {
      fired = true;
    });
    const delays = setTimeoutSpy.mock.calls.map((args) => Number(args[1]));
    timer.cancel();
    setTimeoutSpy.mockRestore();
    expect(fired).toBe(false);
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBe(MAX_TIMER_MS);
  });

  it('re-checks the clock when a step ends: waits again while the time is still ahead, fires once it has come', () => {
    let clock = 0;
    let fired = 0;
    const steps: number[] = [];
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    runAt(3 * MAX_TIMER_MS, () => (fired += 1), () => clock);
    const stepOf = (index: number) => setTimeoutSpy.mock.calls[index]?.[0] as () => void;
    steps.push(Number(setTimeoutSpy.mock.calls[0]?.[1]));
    clock = MAX_TIMER_MS; // the first step ended: still 2 steps ahead
    stepOf(0)();
    steps.push(Number(setTimeoutSpy.mock.calls[1]?.[1]));
    clock = 3 * MAX_TIMER_MS;
    stepOf(1)();
    for (const call of setTimeoutSpy.mock.results) clearTimeout(call.value as NodeJS.Timeout);
    setTimeoutSpy.mockRestore();
    expect(steps).toEqual([MAX_TIMER_MS, MAX_TIMER_MS]);
    expect(fired).toBe(1);
  });

  it('a timer years ahead (the delay the TimeoutOverflowWarning reported) has not fired when a near one has, on real timers', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    let farFired = false;
    const far = runAt(Date.now() + 86_291_524_366, () => {
      farFired = true;
    });
    // A plain setTimeout with that delay would fire after 1 ms; wait for a timer well after that.
    await new Promise<void>((resolve) => runAt(Date.now() + 50, resolve));
    await new Promise<void>((resolve) => setImmediate(resolve));
    far.cancel();
    process.off('warning', onWarning);
    expect(farFired).toBe(false);
    expect(warnings).not.toContain('TimeoutOverflowWarning');
  });
});
