import {
  DEFAULT_USAGE_BUFFER_CAPACITY,
  DEFAULT_USAGE_CLOSE_GRACE_MS,
  DEFAULT_USAGE_DRAIN_INTERVAL_MS,
  DEFAULT_USAGE_MONTH_CLOSE_INTERVAL_MS,
  DEFAULT_USAGE_REDIS_TIMEOUT_MS,
  DEFAULT_USAGE_SYNC_INTERVAL_MS,
} from './usage.constant';

export interface UsageOptions {
  /** How often the worker copies changed counters to MongoDB. */
  readonly syncIntervalMs: number;
  /** How often the worker looks for periods to close. */
  readonly monthCloseIntervalMs: number;
  /** How long after a period ends its transactions are reconciled against payments and it is closed. */
  readonly closeGraceMs: number;
  /** Usage events kept in process while Redis is unreachable. */
  readonly bufferCapacity: number;
  /** How often buffered events and pending response bytes are written to Redis. */
  readonly drainIntervalMs: number;
  /** How long a usage write waits for Redis before buffering the event instead. */
  readonly redisTimeoutMs: number;
}

export const USAGE_OPTIONS = Symbol('USAGE_OPTIONS');

export function usageOptions(overrides: Partial<UsageOptions> = {}): UsageOptions {
  return {
    syncIntervalMs: DEFAULT_USAGE_SYNC_INTERVAL_MS,
    monthCloseIntervalMs: DEFAULT_USAGE_MONTH_CLOSE_INTERVAL_MS,
    closeGraceMs: DEFAULT_USAGE_CLOSE_GRACE_MS,
    bufferCapacity: DEFAULT_USAGE_BUFFER_CAPACITY,
    drainIntervalMs: DEFAULT_USAGE_DRAIN_INTERVAL_MS,
    redisTimeoutMs: DEFAULT_USAGE_REDIS_TIMEOUT_MS,
    ...overrides,
  };
}
