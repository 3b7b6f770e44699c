import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { REDIS_CLIENT, RedisScript, type RedisClient } from '@tenantpay/platform';

import { RECORD_USAGE_SCRIPT } from './record-usage.script';
import { UsageBaselineService } from './usage-baseline.service';
import { USAGE_CLOCK, type UsageClock } from './usage-clock';
import type { UsageMetric } from './usage-counters';
import type { SequencedUsageEvent, UsageEvent } from './usage-event';
import { ChangedUsageShards } from './changed-usage-shards.service';
import { UsageDirtyShards } from './usage-dirty-shards';
import { UsageEventBuffer } from './usage-event-buffer';
import { UsageMetrics } from './usage-metrics';
import { USAGE_OPTIONS, type UsageOptions } from './usage-options';
import { type SequencedStream, UsageProducer } from './usage-producer.service';
import {
  THRESHOLD_FLAG_TTL_SECONDS,
  USAGE_DRAIN_BATCH_SIZE,
  USAGE_HASH_TTL_SECONDS,
  usageDirtyMember,
  usageDirtySetKey,
  usageEventKey,
  usageHashKey,
  usageThresholdFlagKey,
} from './usage.constant';

/** A metric whose crossing of thresholds (percentages of `limit`) the write should detect. */
export interface ThresholdWatch {
  readonly metric: UsageMetric;
  readonly limit: number;
  readonly thresholds: readonly number[];
}

export interface RecordedUsage {
  /** Written to Redis now (false: buffered for replay, or already counted under this identity). */
  readonly written: boolean;
  readonly buffered: boolean;
  /** The watched metric's absolute value after the write, when Redis answered. */
  readonly value?: number;
  /** Thresholds this write was the first to reach in the period (at most once per threshold, across instances). */
  readonly reachedThresholds: readonly number[];
}

/**
 * A script that must run atomically with an event's write (same MULTI, nothing in between), e.g. a quota hold
 * released as the transaction it held is counted. Its keys must share the event's hash tag (one Cluster slot).
 */
export interface CompanionScript {
  readonly script: RedisScript;
  readonly keys: readonly string[];
  readonly args: readonly (string | number)[];
}

/** After a Redis failure, writes go straight to the buffer for this long instead of waiting on a sick server. */
const REDIS_RETRY_INTERVAL_MS = 500;

/**
 * Writes usage events to the tenant's hash, idempotently by producer sequence (and by event id for keyed
 * events, which get their sequence here). While Redis is unreachable, events are kept in a bounded in-process
 * buffer and replayed with their identity once it answers again, so an event whose first write did reach Redis
 * (a timeout after the fact) is still counted once, also after Redis lost its data (the producer marks are
 * persisted). Every event is settled with the producer once its outcome is known.
 */
@Injectable()
export class UsageTrackerService implements OnModuleInit, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger(UsageTrackerService.name);
  private readonly script = new RedisScript(RECORD_USAGE_SCRIPT);
  private readonly buffer: UsageEventBuffer;
  private readonly drainHooks: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private redisRetryAtMs = 0;
  private outage = false;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    @Inject(USAGE_OPTIONS) private readonly options: UsageOptions,
    @Inject(USAGE_CLOCK) private readonly clock: UsageClock,
    private readonly baseline: UsageBaselineService,
    private readonly metrics: UsageMetrics,
    private readonly producer: UsageProducer,
    private readonly changedShards: ChangedUsageShards,
  ) {
    this.buffer = new UsageEventBuffer(options.bufferCapacity);
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.drain(), this.options.drainIntervalMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** A last attempt to write what is buffered; what Redis cannot take now is lost with the process (logged). */
  async onApplicationShutdown(): Promise<void> {
    this.redisRetryAtMs = 0;
    await this.drain();
    if (this.buffer.size > 0) {
      this.logger.error(`${this.buffer.size} usage events could not be written before shutdown`);
    }
  }

  /** The period an event happening now belongs to. */
  now(): Date {
    return this.clock.now();
  }

  /**
   * Writes one event now (one round trip), or buffers it when Redis is unavailable. A `companion` runs in the
   * same MULTI; it is not buffered (`written` and `buffered` tell whether it may have run).
   */
  async record(
    input: UsageEvent,
    watch?: ThresholdWatch,
    companion?: CompanionScript,
  ): Promise<RecordedUsage> {
    const event = this.sequenced(input);
    if (Date.now() < this.redisRetryAtMs) return this.bufferEvent(event);
    let reply: number[];
    try {
      reply = parseReply(await this.withTimeout(this.evaluate(event, watch, false, companion)));
    } catch (error) {
      this.noteFailure(error);
      return this.bufferEvent(event);
    }
    this.noteHealthy();
    this.settle(event);
    const [applied = 0, hasBaseline = 0, value = 0, ...reached] = reply;
    if (watch !== undefined && hasBaseline === 0) return this.afterBaselineLoss(event, watch, applied === 1);
    return { written: applied === 1, buffered: false, value, reachedThresholds: reached };
  }

  /** Keeps an event for replay: its first write failed or its outcome is unknown. */
  bufferEvent(input: UsageEvent): RecordedUsage {
    const event = this.sequenced(input);
    this.producer.hold(sequencedStream(event));
    this.noteDropped(this.buffer.push(event));
    this.metrics.buffered.set(this.buffer.size);
    return { written: false, buffered: true, reachedThresholds: [] };
  }

  get bufferedCount(): number {
    return this.buffer.size;
  }

  /** Events of a tenant and period still waiting in this process (reads add them so they never lag). */
  pendingFor(tenantId: string, period: string): ReturnType<UsageEventBuffer['pendingFor']> {
    return this.buffer.pendingFor(tenantId, period);
  }

  /** Called before each drain, e.g. to move pending response bytes into the buffer. */
  onDrain(hook: () => void): void {
    this.drainHooks.push(hook);
  }

  /** Writes buffered events in batches, oldest first; stops at the first failure and retries later. */
  drain(): Promise<void> {
    this.draining ??= this.drainOnce().finally(() => (this.draining = undefined));
    return this.draining;
  }

  private async drainOnce(): Promise<void> {
    for (const hook of this.drainHooks) hook();
    if (this.buffer.size === 0 || Date.now() < this.redisRetryAtMs) return;
    try {
      await this.withTimeout(this.script.load(this.redis));
    } catch (error) {
      this.noteFailure(error);
      return;
    }
    while (this.buffer.size > 0) {
      const batch = this.buffer.take(USAGE_DRAIN_BATCH_SIZE);
      // One call per event, not a pipeline: the batch's tenants live on different cluster slots. Auto-pipelining
      // still sends the batch in one write per node.
      const writes = Promise.all(
        batch.map((event) =>
          this.script.evaluate(this.redis, ...this.scriptCall(event, 'replay')).then(
            (reply): [Error | null, unknown] => [null, reply],
            (error: Error): [Error | null, unknown] => [error, null],
          ),
        ),
      );
      let results: [Error | null, unknown][] | null;
      try {
        results = await this.withTimeout(writes);
      } catch (error) {
        this.restore(batch);
        this.noteFailure(error);
        return;
      }
      const failed = batch.filter((_, index) => (results?.[index]?.[0] ?? null) !== null);
      const waiting = batch.filter((_, index) => needsBaseline(results?.[index]?.[1]));
      const unwritten = new Set([...failed, ...waiting]);
      for (const event of batch) if (!unwritten.has(event)) this.settle(event);
      this.metrics.replayed.inc(batch.length - unwritten.size);
      if (failed.length > 0) {
        this.restore([...unwritten]);
        this.noteFailure(results?.find(([error]) => error !== null)?.[0]);
        return;
      }
      this.noteHealthy();
      if (waiting.length > 0 && !(await this.restoreBaselines(waiting))) return;
    }
    this.metrics.buffered.set(this.buffer.size);
  }

  /**
   * Replays that found their hash without a baseline go back in front of the buffer once it is restored from
   * MongoDB, with the producer marks persisted there: those recognise what MongoDB already counts.
   */
  private async restoreBaselines(waiting: readonly SequencedUsageEvent[]): Promise<boolean> {
    try {
      await this.baseline.ensureAll(waiting);
    } catch (error) {
      this.restore(waiting);
      this.noteFailure(error);
      return false;
    }
    this.restore(waiting);
    return true;
  }

  /**
   * The hash was created after Redis lost the period (or this is the period's first write): seed it from
   * MongoDB so the watched metric is absolute, then check thresholds against the real value. A written event
   * was a first write (replays wait for the baseline), so the seeding keeps it also where it takes the larger
   * of MongoDB's and the hash's counts (an older copy of the hash).
   */
  private async afterBaselineLoss(
    event: SequencedUsageEvent,
    watch: ThresholdWatch,
    written: boolean,
  ): Promise<RecordedUsage> {
    try {
      await this.baseline.ensure(event.tenantId, event.period, undefined, written ? event.increments : {});
      const [, , value = 0, ...reached] = parseReply(await this.evaluate(event, watch, CHECK_ONLY));
      return { written, buffered: false, value, reachedThresholds: reached };
    } catch (error) {
      this.logger.warn(`Could not restore the usage baseline of a tenant: ${describe(error)}`);
      return { written, buffered: false, reachedThresholds: [] };
    }
  }

  private async evaluate(
    event: SequencedUsageEvent,
    watch?: ThresholdWatch,
    checkOnly = false,
    companion?: CompanionScript,
  ): Promise<unknown> {
    const [keys, args] = this.scriptCall(event, checkOnly ? 'check-only' : 'first', watch);
    if (companion === undefined) return this.script.evaluate(this.redis, keys, args);
    // EVAL, not EVALSHA: a NOSCRIPT inside EXEC could not be retried without running the other script twice.
    const results = await this.redis
      .multi()
      .eval(this.script.source, keys.length, ...keys, ...args)
      .eval(companion.script.source, companion.keys.length, ...companion.keys, ...companion.args)
      .exec();
    const failed = results?.find(([error]) => error !== null)?.[0];
    if (results === null || failed !== undefined) throw failed ?? new Error('usage write discarded');
    return results[0]?.[1];
  }

  /** `replay`: a buffered event, whose first write may have landed (see RECORD_USAGE_SCRIPT). */
  private scriptCall(
    event: SequencedUsageEvent,
    write: 'first' | 'replay' | 'check-only',
    watch?: ThresholdWatch,
  ): [string[], (string | number)[]] {
    const thresholds = watch?.thresholds ?? [];
    const claim = this.producer.claimOf(sequencedStream(event));
    const shardTag = UsageDirtyShards.tagFor(event.tenantId);
    if (write !== 'check-only') this.changedShards.note(shardTag);
    const keys = [
      usageHashKey(event.tenantId, event.period),
      claim.marksKey,
      usageDirtySetKey(shardTag),
      ...thresholds.map((percent) => usageThresholdFlagKey(event.tenantId, event.period, percent)),
      ...(event.eventId === undefined ? [] : [usageEventKey(event.tenantId, event.period, event.eventId)]),
    ];
    const args: (string | number)[] = [
      USAGE_HASH_TTL_SECONDS,
      SCRIPT_MODE[write],
      claim.marksTtlSeconds,
      claim.sequence,
      claim.floor,
      usageDirtyMember(event.period, event.tenantId),
      event.storageBytes ?? '',
      watch?.metric ?? '',
      watch?.limit ?? 0,
      THRESHOLD_FLAG_TTL_SECONDS,
      thresholds.length,
      ...thresholds,
      claim.floorField,
      event.eventTtlSeconds ?? '',
    ];
    for (const [metric, delta] of Object.entries(event.increments)) {
      if (delta !== undefined && delta !== 0) args.push(metric, delta);
    }
    return [keys, args];
  }

  /** A keyed event gets its sequence the first time the tracker sees it, and keeps it through replays. */
  private sequenced(event: UsageEvent): SequencedUsageEvent {
    if (hasSequence(event)) return event;
    return { ...event, sequence: this.producer.issue(event.tenantId, event.period).sequence };
  }

  private settle(event: SequencedUsageEvent): void {
    this.producer.settle(sequencedStream(event));
  }

  private restore(events: readonly SequencedUsageEvent[]): void {
    this.noteDropped(this.buffer.restore(events));
    this.metrics.buffered.set(this.buffer.size);
  }

  /** Dropped events are given up for good: unbilled usage, counted, and no longer holding a floor. */
  private noteDropped(events: readonly SequencedUsageEvent[]): void {
    const count = events.length;
    if (count === 0) return;
    for (const event of events) this.settle(event);
    this.metrics.dropped.inc(count);
    this.metrics.droppedCount += count;
    this.logger.error(
      `Usage buffer full (${this.buffer.capacity} events): dropped ${count} unbilled event(s)`,
    );
  }

  private noteFailure(error: unknown): void {
    this.redisRetryAtMs = Date.now() + REDIS_RETRY_INTERVAL_MS;
    if (this.outage) return;
    this.outage = true;
    this.logger.warn(
      `Usage metering cannot reach Redis (${describe(error)}); buffering usage events in process`,
    );
  }

  private noteHealthy(): void {
    if (!this.outage) return;
    this.outage = false;
    this.logger.log('Usage metering reaches Redis again');
    if (this.buffer.size > 0) void this.drain();
  }

  private withTimeout<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('usage write timed out')), this.options.redisTimeoutMs);
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }
}

/** Replays a threshold check without writing (the event itself was already written or counted). */
const CHECK_ONLY = true;

/** RECORD_USAGE_SCRIPT's identity argument for each kind of write. */
const SCRIPT_MODE = { first: 's', replay: 'r', 'check-only': '0' } as const;

/** The script's answer to a replay whose hash lacks its baseline (see RECORD_USAGE_SCRIPT). */
function needsBaseline(reply: unknown): boolean {
  return Array.isArray(reply) && reply[0] === -1;
}

function hasSequence(event: UsageEvent): event is SequencedUsageEvent {
  return event.sequence !== undefined;
}

function sequencedStream(event: SequencedUsageEvent): SequencedStream {
  return { tenantId: event.tenantId, period: event.period, sequence: event.sequence };
}

function parseReply(reply: unknown): number[] {
  if (!Array.isArray(reply) || !reply.every((value) => typeof value === 'number')) {
    throw new Error('Unexpected reply from the usage script');
  }
  return reply as number[];
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
