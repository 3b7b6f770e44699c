import { Injectable } from '@nestjs/common';
import type { UsageIncrement } from '@tenantpay/rate-limiting';

import { ChangedUsageShards } from './changed-usage-shards.service';
import { type RedisUsageState, toRedisUsageState } from './usage-baseline.service';
import { UsageDirtyShards } from './usage-dirty-shards';
import { UsagePeriod } from './usage-period';
import type { UsageEvent } from './usage-event';
import { UsageProducer } from './usage-producer.service';
import { UsageTrackerService } from './usage-tracker.service';
import { USAGE_HASH_TTL_SECONDS, usageDirtyMember, usageDirtySetKey, usageHashKey } from './usage.constant';

/** What the rate limiter reports back about a decision that carried a {@link UsageIncrement}. */
export interface ComposedDecisionOutcome {
  readonly allowed: boolean;
  /** Whether the increments were written (false when Redis was not reached, or the request was refused). */
  readonly usageRecorded: boolean;
  /** The usage hash right after the write, when it was read back. */
  readonly usageHash?: Readonly<Record<string, string>>;
}

/** A tenant-period's Redis hash as the request's own metering write left it. */
export interface MeteredUsage {
  readonly period: string;
  readonly state: RedisUsageState;
}

/** A request's usage, ready to ride in the rate-limit decision's single Redis call. */
export interface PreparedRequestUsage {
  readonly increment: UsageIncrement;
  /** Must be called with the decision: buffers the event when Redis was not reached, so nothing is lost. */
  settle(outcome: ComposedDecisionOutcome): void;
}

/**
 * Per-request metering (`api_calls`, `bandwidth_bytes`) at no extra Redis round trip: the rate-limit guard
 * carries the increments this prepares in its own script call (SPEC §2 step 5). A response's size is known
 * only after the guard has run, so response bytes wait in process and ride with the tenant's next request
 * (busy tenants: no extra writes at all), or are written with the buffer's periodic drain (one pipeline for
 * all tenants per interval, not one call per request). Routes the limiter skips are counted by the usage
 * interceptor with one call of their own.
 *
 * Each increment is numbered by this process's UsageProducer, never by the client (a client-chosen id could
 * be reused to make requests free), and deduplicated by the producer's marks: no Redis key per request.
 */
@Injectable()
export class RequestUsageMeter {
  private readonly composed = new WeakSet<object>();
  private readonly readBack = new WeakMap<object, MeteredUsage>();
  /** Response bytes not yet written, by tenant and period. */
  private readonly pendingBytes = new Map<string, number>();

  constructor(
    private readonly tracker: UsageTrackerService,
    private readonly producer: UsageProducer,
    private readonly changedShards: ChangedUsageShards,
  ) {
    tracker.onDrain(() => this.flushPendingBytes());
  }

  /**
   * The usage increment for an authenticated tenant request, to pass as `usage` to the rate limiter's
   * `consume`. Marks `request` so the interceptor does not count it again. Counts only admitted requests.
   * `readBack`: the request reports the tenant's usage next (see {@link meteredUsageOf}).
   */
  prepare(request: object, tenantId: string, requestBytes: number, readBack = false): PreparedRequestUsage {
    this.composed.add(request);
    const period = UsagePeriod.containing(this.tracker.now()).toString();
    const carried = this.takePendingBytes(tenantId, period);
    const stream = this.producer.issue(tenantId, period);
    const shardTag = UsageDirtyShards.tagFor(tenantId);
    this.changedShards.note(shardTag);
    const event: UsageEvent = {
      tenantId,
      period,
      sequence: stream.sequence,
      increments: { api_calls: 1, bandwidth_bytes: safeBytes(requestBytes) + carried },
    };
    return {
      increment: {
        hashKey: usageHashKey(tenantId, period),
        increments: { api_calls: 1, bandwidth_bytes: safeBytes(requestBytes) + carried },
        hashTtlSeconds: USAGE_HASH_TTL_SECONDS,
        sequence: this.producer.claimOf(stream),
        dirty: {
          setKey: usageDirtySetKey(shardTag),
          member: usageDirtyMember(period, tenantId),
        },
        when: 'admitted',
        readBack,
      },
      settle: (outcome) => {
        if (outcome.usageHash !== undefined)
          this.readBack.set(request, { period, state: toRedisUsageState(outcome.usageHash) });
        // Admitted without Redis (fallback limiter, unlimited policy during an outage, or a timeout whose
        // write may still have landed): replay under the same sequence. Refused: not counted, but the
        // carried response bytes of earlier requests are still owed.
        if (!outcome.usageRecorded && outcome.allowed) {
          this.tracker.bufferEvent(event);
          return;
        }
        this.producer.settle(stream);
        if (!outcome.usageRecorded && carried > 0) this.addResponseBytes(tenantId, carried, period);
      },
    };
  }

  /** The hash the request's own metering write read back, if it asked to and Redis answered. */
  meteredUsageOf(request: object): MeteredUsage | undefined {
    return this.readBack.get(request);
  }

  /** Whether the rate-limit guard already carried this request's usage. */
  wasComposed(request: object): boolean {
    return this.composed.has(request);
  }

  /** Response bytes of a counted request; written with the tenant's next request or the next drain. */
  addResponseBytes(tenantId: string, bytes: number, period?: string): void {
    const amount = safeBytes(bytes);
    if (amount === 0) return;
    const key = pendingKey(tenantId, period ?? UsagePeriod.containing(this.tracker.now()).toString());
    this.pendingBytes.set(key, (this.pendingBytes.get(key) ?? 0) + amount);
  }

  /** Counts a request the limiter did not carry (e.g. `@SkipRateLimit()` routes): one Redis call of its own. */
  async recordStandalone(tenantId: string, requestBytes: number, responseBytes: number): Promise<void> {
    const period = UsagePeriod.containing(this.tracker.now()).toString();
    await this.tracker.record({
      tenantId,
      period,
      sequence: this.producer.issue(tenantId, period).sequence,
      increments: { api_calls: 1, bandwidth_bytes: safeBytes(requestBytes) + safeBytes(responseBytes) },
    });
  }

  /** Moves every pending byte count into the tracker's buffer, which writes them in one pipeline. */
  flushPendingBytes(): void {
    for (const [key, bytes] of this.pendingBytes) {
      const [tenantId = '', period = ''] = key.split('\n');
      this.tracker.bufferEvent({
        tenantId,
        period,
        sequence: this.producer.issue(tenantId, period).sequence,
        increments: { bandwidth_bytes: bytes },
      });
    }
    this.pendingBytes.clear();
  }

  private takePendingBytes(tenantId: string, period: string): number {
    const key = pendingKey(tenantId, period);
    const bytes = this.pendingBytes.get(key) ?? 0;
    this.pendingBytes.delete(key);
    return bytes;
  }
}

function pendingKey(tenantId: string, period: string): string {
  return `${tenantId}\n${period}`;
}

function safeBytes(bytes: number): number {
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : 0;
}
