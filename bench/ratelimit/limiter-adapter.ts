import type Redis from 'ioredis';

/** What every limiter in the benchmark is reduced to: one decision for one subject. */
export interface BenchLimiter {
  consume(subject: string): Promise<boolean>;
  /** Connections it opened for itself instead of using the bench's client (their commands are counted too). */
  readonly ownConnections?: readonly Redis[];
  close?(): Promise<void>;
}

export interface BenchLimiterSettings {
  /** The bench's client, shared by every limiter that takes a client from its user. */
  readonly redis: Redis;
  /** The same server's address, for a limiter that opens its own connections. */
  readonly url: string;
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
