import { randomBytes } from 'node:crypto';

import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { RedisConnectionPool, type RedisClient, RedisScript, isNoScriptError } from '@tenantpay/platform';
import { UNLIMITED } from '@tenantpay/tenancy';
import { Command } from 'ioredis';

import { CONSUME_RATE_LIMIT_SCRIPT } from './consume-rate-limit.script';
import { DecisionDeadlines } from './decision-deadlines';
import { InMemoryRateLimiter } from './in-memory-rate-limiter';
import { InProcessBlocklist } from './in-process-blocklist';
import { RateLimitAlgorithm } from './rate-limit-algorithm.enum';
import { type RateLimitDecision, RateLimitDecisionSource } from './rate-limit-decision';
import type { RateLimitOutcome } from './rate-limit-outcome';
import type { RateLimitPolicy } from './rate-limit-policy';
import type { RateLimitRequest } from './rate-limit-request';
import { RATE_LIMITER_OPTIONS, type RateLimiterOptions } from './rate-limiter-options';
import { RateLimiterMetrics } from './rate-limiter-metrics';
import { RedisDecisionTimeoutError } from './redis-decision-timeout.error';
import { REFUSED_UNTIL_SCRIPT } from './refused-until.script';
import {
  FAIL_CLOSED_RETRY_AFTER_SECONDS,
  RATE_LIMIT_REDIS_POOL,
  rateLimitKey,
} from './rate-limiting.constant';
import type { UsageIncrement } from './usage-increment';

const ALGORITHM_CODE: Readonly<Record<RateLimitAlgorithm, string>> = {
  [RateLimitAlgorithm.SlidingWindowCounter]: 'c',
  [RateLimitAlgorithm.SlidingWindowLog]: 'l',
};
const USAGE_ONLY_CODE = 'n';
const LOG_CODE = ALGORITHM_CODE[RateLimitAlgorithm.SlidingWindowLog];
const HASH_TAG_BREAKERS = /[{}]/;

/**
 * Decides whether a request fits its quota: one EVALSHA per decision on the limiter's own Redis connections
 * ({@link RedisConnectionPool}), nothing at all for unlimited policies or for subjects this process already
 * knows to be refused, and a per-process fallback (or a refusal, when configured to fail closed) while Redis
 * is unreachable or slower than the budget.
 *
 * A decision that needs Redis is one promise chain on the ioredis command itself (no wrapper promise, no
 * async function): at tens of thousands of decisions a second, each extra promise was a measurable share of
 * the limiter's cost.
 */
@Injectable()
export class RateLimiterService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RateLimiterService.name);
  private readonly script = new RedisScript(CONSUME_RATE_LIMIT_SCRIPT);
  private readonly refusedUntilScript = new RedisScript(REFUSED_UNTIL_SCRIPT);
  private readonly blocklist: InProcessBlocklist;
  private readonly fallback: InMemoryRateLimiter;
  private readonly deadlines: DecisionDeadlines;
  /** Log-algorithm members must be unique across processes: a random process nonce plus a counter. */
  private readonly memberNonce = randomBytes(6).toString('base64url');
  private memberSequence = 0;
  private redisRetryAtMs = 0;
  private outage = false;

  constructor(
    @Inject(RATE_LIMIT_REDIS_POOL) private readonly redis: RedisConnectionPool,
    @Inject(RATE_LIMITER_OPTIONS) private readonly options: RateLimiterOptions,
    private readonly metrics: RateLimiterMetrics,
  ) {
    this.blocklist = new InProcessBlocklist(options.maxInProcessEntries);
    this.fallback = new InMemoryRateLimiter(options.maxInProcessEntries);
    this.deadlines = new DecisionDeadlines(options.redisTimeoutMs);
  }

  /**
   * Connects and loads the script before the first decision, which would otherwise pay NOSCRIPT, SCRIPT LOAD
   * and a retry (three round trips) inside its 75 ms budget and could be pushed onto the fallback by a slow
   * start. Best effort: with Redis down at boot, the first decision after it returns loads the script instead.
   */
  async onModuleInit(): Promise<void> {
    await this.redis.connect();
    await this.script.load(this.redis.next()).catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.close();
  }

  consume(request: RateLimitRequest): Promise<RateLimitDecision> {
    let decision: RateLimitDecision | Promise<RateLimitDecision>;
    try {
      decision = this.decide(request);
    } catch (error) {
      // Not an async function (that would cost a promise per decision), but it still fails like one.
      return Promise.reject(error);
    }
    // A decision from Redis records itself at the end of its chain (see decide): no extra promise for it here.
    return decision instanceof Promise ? decision : Promise.resolve(this.recorded(decision));
  }

  /**
   * Forgets everything counted for `subject` in `bucket`: in Redis, in this process's refusal memory and in
   * its fallback counters. For quotas that a later event wipes out, such as an account's login attempts once
   * its password proved right. A Redis failure is only logged: the entries then expire with their window.
   */
  async reset(subject: string, bucket: string): Promise<void> {
    assertSubjectAndBucket(subject, bucket);
    const key = rateLimitKey(subject, bucket);
    this.blocklist.forget(key);
    this.fallback.forget(key);
    try {
      const connection = this.redis.next();
      await this.send(connection, new Command('del', [key], { keyPrefix: connection.options.keyPrefix }));
    } catch (error) {
      this.noteRedisFailure(error, this.options.now());
    }
  }

  /**
   * Until when `subject` is refused in `bucket` (Unix ms, Redis time), or null when a request would be admitted
   * now; nothing is counted. For showing a lock to the people who can lift it (an account that failed logins
   * locked), not for deciding: only sliding-window logs, whose entries say exactly when the window frees up.
   * With Redis unreachable the answer is null, since the per-process fallback counts apart on every instance.
   */
  async refusedUntil(subject: string, bucket: string, policy: RateLimitPolicy): Promise<number | null> {
    assertSubjectAndBucket(subject, bucket);
    if (policy.algorithm !== RateLimitAlgorithm.SlidingWindowLog || typeof policy.limit !== 'number') {
      throw new TypeError(`refusedUntil reads sliding-window logs only, not the policy ${policy.name}`);
    }
    try {
      const until = Number(
        await this.refusedUntilScript.evaluate(
          this.redis.next(),
          [rateLimitKey(subject, bucket)],
          [policy.limit, policy.windowSeconds * 1000],
        ),
      );
      return until < 0 ? null : until;
    } catch (error) {
      this.noteRedisFailure(error, this.options.now());
      return null;
    }
  }

  /**
   * Synchronous wherever no Redis call is needed: the hot path then awaits exactly one promise chain. Every
   * promise it returns has recorded its decision in the metrics; a synchronous decision is recorded by the
   * caller.
   */
  private decide(request: RateLimitRequest): RateLimitDecision | Promise<RateLimitDecision> {
    const cost = request.cost ?? 1;
    assertRequest(request, cost);
    const { policy, usage } = request;
    if (policy.limit === UNLIMITED) return this.unlimited(policy, usage).then((d) => this.recorded(d));

    const nowMs = this.options.now();
    if (cost > policy.limit) return costExceedsLimit(policy, nowMs);
    const key = rateLimitKey(request.subject, request.bucket);
    const blocked = this.blocklist.check(key, policy, cost, nowMs);
    if (blocked !== undefined) return blocked;
    if (nowMs < this.redisRetryAtMs) return this.degraded(key, policy, cost, nowMs);

    const call = this.scriptCall(ALGORITHM_CODE[policy.algorithm], key, policy, cost, usage);
    const onReply = (raw: unknown) => this.recorded(this.decided(raw, key, policy, cost, nowMs));
    const onFailure = (error: unknown) => this.recorded(this.failed(error, key, policy, cost, nowMs));
    return this.evaluate(call).then(onReply, (error: unknown) =>
      this.retryWithScriptLoaded(error, call).then(onReply, onFailure),
    );
  }

  private decided(
    raw: unknown,
    key: string,
    policy: RateLimitPolicy,
    cost: number,
    nowMs: number,
  ): RateLimitDecision {
    const reply = parseConsumeReply(raw);
    if (reply === undefined) return this.failed(UNEXPECTED_REPLY, key, policy, cost, nowMs);
    this.noteRedisHealthy();
    const decision = toDecision(reply, policy, RateLimitDecisionSource.Redis);
    if (!decision.allowed)
      this.blocklist.remember(key, policy, cost, decision, nowMs + reply.outcome.retryAfterMs);
    return decision;
  }

  private recorded(decision: RateLimitDecision): RateLimitDecision {
    this.metrics.recordDecision(decision);
    return decision;
  }

  private failed(
    error: unknown,
    key: string,
    policy: RateLimitPolicy,
    cost: number,
    nowMs: number,
  ): RateLimitDecision {
    this.noteRedisFailure(error, nowMs);
    return this.degraded(key, policy, cost, nowMs);
  }

  /** Unlimited quotas are never counted; usage increments, if any, still take their one round trip. */
  private async unlimited(
    policy: RateLimitPolicy,
    usage: UsageIncrement | undefined,
  ): Promise<RateLimitDecision> {
    let usageRecorded = false;
    let usageHash: ConsumeReply['usageHash'];
    if (usage !== undefined && this.options.now() >= this.redisRetryAtMs) {
      try {
        const call = this.scriptCall(USAGE_ONLY_CODE, undefined, policy, 0, usage);
        const raw = await this.evaluate(call).catch((error: unknown) =>
          this.retryWithScriptLoaded(error, call),
        );
        const reply = parseConsumeReply(raw);
        if (reply === undefined) throw UNEXPECTED_REPLY;
        usageRecorded = reply.usageRecorded;
        usageHash = reply.usageHash;
        this.noteRedisHealthy();
      } catch (error) {
        this.noteRedisFailure(error, this.options.now());
      }
    }
    return {
      allowed: true,
      policy: policy.name,
      limit: UNLIMITED,
      remaining: UNLIMITED,
      reset: 0,
      secondsUntilReset: 0,
      retryAfterSeconds: 0,
      windowSeconds: policy.windowSeconds,
      source: RateLimitDecisionSource.Unlimited,
      usageRecorded,
      ...(usageHash !== undefined ? { usageHash } : {}),
    };
  }

  /** The script's KEYS and ARGV for one call, built once so a NOSCRIPT retry resends the same call. */
  private scriptCall(
    algorithmCode: string,
    key: string | undefined,
    policy: RateLimitPolicy,
    cost: number,
    usage: UsageIncrement | undefined,
  ): ScriptCall {
    // Only the ARGV the script reads: Redis turns every argument into a Lua string on every call.
    const keys: string[] = key === undefined ? [] : [key];
    const args: (string | number)[] = [
      algorithmCode,
      typeof policy.limit === 'number' ? policy.limit : 0,
      policy.windowSeconds * 1000,
      cost,
    ];
    if (algorithmCode === LOG_CODE) args.push(this.nextMemberToken());
    if (usage !== undefined) {
      keys.push(usage.hashKey);
      const sequence = usage.sequence;
      if (sequence !== undefined) keys.push(sequence.marksKey);
      if (usage.dirty !== undefined) keys.push(usage.dirty.setKey);
      args.push(
        usage.when === 'always' ? 'e' : 'a',
        usage.hashTtlSeconds,
        sequence?.marksTtlSeconds ?? '0',
        sequence?.sequence ?? 0,
        sequence?.floor ?? 0,
        usage.dirty?.member ?? '',
        usage.readBack === true ? '1' : '0',
        sequence?.floorField ?? '',
      );
      for (const field in usage.increments) args.push(field, usage.increments[field] as number);
    }
    return { keys, args };
  }

  private evaluate({ keys, args }: ScriptCall): Promise<unknown> {
    const connection = this.redis.next();
    return this.send(connection, this.script.command(connection, keys, args));
  }

  /**
   * Redis forgot the script (restart, failover, SCRIPT FLUSH): send the call once more as EVAL with the source.
   * EVAL also caches the script on the node that ran it, which is the node this call's keys live on (on a
   * cluster, possibly a replica just promoted), so the next EVALSHA there finds it.
   */
  private retryWithScriptLoaded(error: unknown, { keys, args }: ScriptCall): Promise<unknown> {
    if (!isNoScriptError(error)) return Promise.reject(error);
    const connection = this.redis.next();
    return this.send(
      connection,
      new Command('eval', [this.script.source, keys.length, ...keys, ...args], {
        replyEncoding: 'utf8',
        keyPrefix: connection.options.keyPrefix,
      }),
    );
  }

  /** Sends `command` under the decision budget: past it, the command is rejected with a timeout. */
  private send(connection: RedisClient, command: Command): Promise<unknown> {
    connection.sendCommand(command);
    this.deadlines.watch(command);
    return command.promise;
  }

  private degraded(key: string, policy: RateLimitPolicy, cost: number, nowMs: number): RateLimitDecision {
    if (this.options.failMode === 'closed') {
      const retryAfterSeconds = FAIL_CLOSED_RETRY_AFTER_SECONDS;
      const reset = Math.ceil(nowMs / 1000) + retryAfterSeconds;
      return {
        allowed: false,
        policy: policy.name,
        limit: policy.limit,
        remaining: 0,
        reset,
        secondsUntilReset: retryAfterSeconds,
        retryAfterSeconds,
        windowSeconds: policy.windowSeconds,
        source: RateLimitDecisionSource.FailedClosed,
        usageRecorded: false,
      };
    }
    const limit = policy.limit as number;
    const outcome = this.fallback.consume(key, limit, policy.windowSeconds * 1000, cost, nowMs);
    return toDecision({ outcome, usageRecorded: false }, policy, RateLimitDecisionSource.Fallback);
  }

  private noteRedisFailure(error: unknown, nowMs: number): void {
    const timedOut = error instanceof RedisDecisionTimeoutError;
    this.metrics.recordRedisFailure(timedOut ? 'timeout' : 'error');
    this.redisRetryAtMs = nowMs + this.options.redisRetryIntervalMs;
    if (this.outage) return;
    this.outage = true;
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.warn(
      `Rate limiting cannot reach Redis (${reason}); until it recovers, ${
        this.options.failMode === 'open' ? 'each process limits on its own' : 'limited requests are refused'
      }`,
    );
  }

  private noteRedisHealthy(): void {
    if (!this.outage) return;
    this.outage = false;
    this.fallback.clear();
    this.logger.log('Rate limiting reaches Redis again');
  }

  private nextMemberToken(): string {
    this.memberSequence = (this.memberSequence + 1) % Number.MAX_SAFE_INTEGER;
    return `${this.memberNonce}${this.memberSequence.toString(36)}`;
  }
}

interface ScriptCall {
  readonly keys: readonly string[];
  readonly args: readonly (string | number)[];
}

interface ConsumeReply {
  readonly outcome: RateLimitOutcome;
  readonly usageRecorded: boolean;
  readonly usageHash?: Readonly<Record<string, string>>;
}

const UNEXPECTED_REPLY = new Error('Unexpected reply from the rate-limit script');

/**
 * The script's reply, or undefined when it is not the six numbers the script returns (and, read back, the
 * usage hash's field / value list).
 */
function parseConsumeReply(reply: unknown): ConsumeReply | undefined {
  if (!Array.isArray(reply) || reply.length < 6 || reply.length > 7) return undefined;
  for (let i = 0; i < 6; i += 1) if (typeof reply[i] !== 'number') return undefined;
  const [allowed, remaining, retryAfterMs, resetAfterMs, nowMs, usageRecorded] = reply as number[];
  const usageHash = reply.length === 7 ? fieldsToRecord(reply[6]) : undefined;
  if (reply.length === 7 && usageHash === undefined) return undefined;
  return {
    ...(usageHash !== undefined ? { usageHash } : {}),
    outcome: {
      allowed: allowed === 1,
      remaining: remaining ?? 0,
      retryAfterMs: retryAfterMs ?? 0,
      resetAfterMs: resetAfterMs ?? 0,
      nowMs: nowMs ?? 0,
    },
    usageRecorded: usageRecorded === 1,
  };
}

function fieldsToRecord(fields: unknown): Record<string, string> | undefined {
  if (!Array.isArray(fields) || fields.length % 2 !== 0) return undefined;
  const record: Record<string, string> = {};
  for (let i = 0; i < fields.length; i += 2) {
    const [field, value] = [fields[i], fields[i + 1]];
    if (typeof field !== 'string' || typeof value !== 'string') return undefined;
    record[field] = value;
  }
  return record;
}

function toDecision(
  { outcome, usageRecorded, usageHash }: ConsumeReply,
  policy: RateLimitPolicy,
  source: RateLimitDecisionSource,
): RateLimitDecision {
  const retryAfterSeconds = outcome.allowed
    ? 0
    : outcome.retryAfterMs < 0
      ? policy.windowSeconds
      : Math.max(1, Math.ceil(outcome.retryAfterMs / 1000));
  const secondsUntilReset = Math.max(retryAfterSeconds, Math.ceil(outcome.resetAfterMs / 1000));
  return {
    allowed: outcome.allowed,
    policy: policy.name,
    limit: policy.limit,
    remaining: outcome.remaining,
    reset: Math.ceil(outcome.nowMs / 1000) + secondsUntilReset,
    secondsUntilReset,
    retryAfterSeconds,
    windowSeconds: policy.windowSeconds,
    source,
    usageRecorded,
    ...(usageHash !== undefined ? { usageHash } : {}),
  };
}

function costExceedsLimit(policy: RateLimitPolicy, nowMs: number): RateLimitDecision {
  return {
    allowed: false,
    policy: policy.name,
    limit: policy.limit,
    remaining: 0,
    reset: Math.ceil(nowMs / 1000) + policy.windowSeconds,
    secondsUntilReset: policy.windowSeconds,
    retryAfterSeconds: policy.windowSeconds,
    windowSeconds: policy.windowSeconds,
    source: RateLimitDecisionSource.CostExceedsLimit,
    usageRecorded: false,
  };
}

function assertSubjectAndBucket(subject: string, bucket: string): void {
  if (subject === '' || HASH_TAG_BREAKERS.test(subject)) {
    throw new Error('A rate-limit subject must be non-empty and free of braces (it is the Redis hash tag)');
  }
  if (bucket === '' || HASH_TAG_BREAKERS.test(bucket)) {
    throw new Error('A rate-limit bucket must be non-empty and free of braces');
  }
}

function assertRequest(request: RateLimitRequest, cost: number): void {
  // Programming errors, not client errors: subjects and buckets come from our code, never raw from a request.
  if (!Number.isSafeInteger(cost) || cost < 1)
    throw new Error(`Rate-limit cost must be a whole number ≥ 1, got ${cost}`);
  assertSubjectAndBucket(request.subject, request.bucket);
  const usage = request.usage;
  if (usage === undefined) return;
  for (const delta of Object.values(usage.increments)) {
    if (!Number.isSafeInteger(delta)) throw new Error('Usage increments must be whole numbers');
  }
  const ttls = [usage.hashTtlSeconds, usage.sequence?.marksTtlSeconds ?? 1];
  if (!ttls.every((ttl) => Number.isSafeInteger(ttl) && ttl >= 1)) {
    throw new Error('Usage TTLs must be whole numbers of seconds ≥ 1');
  }
  const sequence = usage.sequence;
  const ordered = (floor: number, value: number) =>
    Number.isSafeInteger(floor) && Number.isSafeInteger(value) && floor >= 1 && value >= floor;
  if (sequence !== undefined && !ordered(sequence.floor, sequence.sequence)) {
    throw new Error('A usage sequence must be a whole number at or above its producer floor (≥ 1)');
  }
  if (usage.dirty !== undefined && usage.dirty.member === '')
    throw new Error('A dirty-set member must be non-empty');
}
