/** Node's timers hold at most 2^31-1 ms (24.8 days); a longer delay fires after 1 ms with a TimeoutOverflowWarning. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export type SafeTimer = { cancel: () => void };

/**
 * Calls fn at `at` (a time in ms since the epoch), never earlier: a delay beyond what a Node timer
 * holds is waited out in steps, and each step re-checks the clock. The timer does not keep the
 * process alive.
 */
export function runAt(at: number, fn: () => void, now: () => number = Date.now): SafeTimer {
  let handle: NodeJS.Timeout | null = null;
  let cancelled = false;
  const step = () => {
    if (cancelled) return;
    const remaining = at - now();
    if (remaining <= 0) {
      fn();
      return;
    }
    handle = setTimeout(step, Math.min(remaining, MAX_TIMER_MS));
    handle.unref();
  };
  step();
  return {
    cancel: () => {
      cancelled = true;
      if (handle) clearTimeout(handle);
    },
  };
}
