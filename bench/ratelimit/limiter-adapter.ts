import type Redis from 'ioredis';

/** What every limiter in the benchmark is reduced to: one decision for one subject. */
export interface BenchLimiter {
  consume(subject: string): Promise<boolean>;
}

export interface BenchLimiterSettings {
  readonly redis: Redis;
  readonly limit: number;
  readonly windowSeconds: number;
  /** Every key the limiter writes starts with this, so memory can be attributed to it. */
  readonly keyPrefix: string;
}

/**
 * One limiter implementation under test. Peers are loaded lazily so a missing package skips that peer
 * instead of failing the run; each adapter is one small file in ./adapters.
 */
export interface LimiterAdapter {
  readonly name: string;
  readonly packageName?: string;
  /** Where its keys live: a SCAN pattern, relative to nothing (the bench client has no key prefix). */
  keyPattern(keyPrefix: string): string;
  create(settings: BenchLimiterSettings): Promise<BenchLimiter>;
}
