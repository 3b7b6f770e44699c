import type { MinimalJob } from 'bullmq';
import { DEFAULT_WEBHOOK_RETRY_DELAYS_MS, DEFAULT_WEBHOOK_RETRY_JITTER } from '../webhooks.constant';

/**
 * The delay before retry number `retry` (1 = the first retry) with jitter: the scheduled delay scaled by a
 * factor uniformly in [1 - jitter, 1 + jitter]. Null when the schedule has no such retry.
 */
export function webhookRetryDelayMs(
  schedule: readonly number[],
  retry: number,
  jitter: number,
  random: () => number = Math.random,
): number | null {
  const base = schedule[retry - 1];
  if (base === undefined || !Number.isInteger(retry) || retry < 1) return null;
  return Math.round(base * (1 - jitter + 2 * jitter * random()));
}

/**
 * BullMQ's custom backoff for webhook deliveries (register it in the worker's `settings.backoffStrategy`).
 * BullMQ calls it with the number of attempts made so far, after a failure that will be retried.
 */
export function webhookBackoffStrategy(
  attemptsMade: number,
  _type?: string,
  _error?: Error,
  job?: MinimalJob,
): number {
  const data = job?.data as { payload?: { retryDelaysMs?: unknown } } | undefined;
  const schedule = Array.isArray(data?.payload?.retryDelaysMs)
    ? (data.payload.retryDelaysMs as number[])
    : DEFAULT_WEBHOOK_RETRY_DELAYS_MS;
  const jitter =
    job?.opts.backoff !== undefined && typeof job.opts.backoff === 'object'
      ? (job.opts.backoff.jitter ?? DEFAULT_WEBHOOK_RETRY_JITTER)
      : DEFAULT_WEBHOOK_RETRY_JITTER;
  // Past the schedule (it cannot happen while attempts = schedule + 1) the last delay repeats.
  return webhookRetryDelayMs(schedule, Math.min(attemptsMade, schedule.length), jitter) ?? 0;
}
