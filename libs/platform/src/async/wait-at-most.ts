import { withTimeout } from './with-timeout';

/**
 * Waits for `work` at most `budgetMs`: true if it settled in time, false if the budget ran out first. Work left
 * running is not cancelled — it finishes in the background and handles its own errors (this never rejects) —
 * so use it only for steps whose late completion is harmless (metering, an idempotent enqueue). A dependency
 * that stalls (Redis stopped) then costs a request at most the budget instead of the whole stall.
 * Written here rather than taken from p-timeout: that package rejects on timeout and is ESM-only.
 */
export function waitAtMost(work: Promise<unknown>, budgetMs: number): Promise<boolean> {
  const settled = work.then(
    () => true,
    () => true,
  );
  return withTimeout(settled, budgetMs).catch(() => false);
}
