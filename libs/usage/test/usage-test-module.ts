import { Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import {
  type AppConfig,
  PlatformCoreModule,
  REDIS_CLIENT,
  RedisConnectionPool,
  type RedisClient,
} from '@tenantpay/platform';
import {
  CountingRateLimiterMetrics,
  defineRateLimitPolicy,
  RateLimitAlgorithm,
  rateLimiterOptions,
  RateLimiterService,
} from '@tenantpay/rate-limiting';
import { Tier, type TenantSnapshot, UNLIMITED, type Limit } from '@tenantpay/tenancy';
import {
  TRANSACTION_COUNTER,
  type TransactionCounter,
  USAGE_EVENT_PUBLISHER,
  type UsageClock,
  type UsageEventPublisher,
  UsageModule,
  type UsageThresholdReachedEvent,
} from '../src';
import { Types } from 'mongoose';

/** A clock the test moves by hand. */
export class ManualClock implements UsageClock {
  constructor(private current: Date) {}

  now(): Date {
    return new Date(this.current);
  }

  set(instant: string): void {
    this.current = new Date(instant);
  }
}

export class RecordingPublisher implements UsageEventPublisher {
  readonly events: UsageThresholdReachedEvent[] = [];

  async publish(event: UsageThresholdReachedEvent): Promise<void> {
    this.events.push(event);
  }
}

export class FixedTransactionCounter implements TransactionCounter {
  readonly counts = new Map<string, number>();

  async countCreatedInPeriod(tenantId: string, period: { toString(): string }): Promise<number> {
    return this.counts.get(`${tenantId}:${period.toString()}`) ?? 0;
  }
}

/** One process's worth of usage metering (an "instance"), on the test's Redis and MongoDB. */
export async function startUsageInstance(
  config: AppConfig,
  options: {
    clock: UsageClock;
    publisher?: UsageEventPublisher;
    counter?: TransactionCounter;
    bufferCapacity?: number;
  },
): Promise<{ app: INestApplicationContext; redis: RedisClient }> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      PlatformCoreModule.forRoot(config),
      UsageModule.forRoot({
        clock: options.clock,
        drainIntervalMs: 50,
        redisTimeoutMs: 300,
        ...(options.bufferCapacity !== undefined ? { bufferCapacity: options.bufferCapacity } : {}),
        providers: [
          { provide: USAGE_EVENT_PUBLISHER, useValue: options.publisher ?? new RecordingPublisher() },
          { provide: TRANSACTION_COUNTER, useValue: options.counter ?? new FixedTransactionCounter() },
        ],
      }),
    ],
  }).compile();
  moduleRef.useLogger(false);
  const app = await moduleRef.init();
  const redis = app.get<RedisClient>(REDIS_CLIENT);
  await waitUntil(() => redis.status === 'ready');
  return { app, redis };
}

export function newTenantId(): string {
  return new Types.ObjectId().toHexString();
}

/** The parts of a tenant snapshot metering reads. */
export function tenantWithQuota(id: string, transactionsPerMonth: Limit = UNLIMITED): TenantSnapshot {
  return {
    id,
    slug: `t-${id.slice(-6)}`,
    name: 'Tenant',
    tier: Tier.Starter,
    isActive: true,
    limits: { maxUsers: 10, transactionsPerMonth, apiRequestsPerMinute: 60 },
    features: [],
    verifiedDomains: [],
    allDomains: [],
    settings: { branding: {}, paymentWorkflow: {} },
    updatedAt: new Date(0).toISOString(),
  } as unknown as TenantSnapshot;
}

export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function silenceLogs(): void {
  for (const level of ['log', 'warn', 'error', 'debug'] as const) {
    jest.spyOn(Logger.prototype, level).mockImplementation(() => undefined);
  }
}

/** A limit no test reaches: the limiter decides in Redis and carries the usage, never refuses. */
export const GENEROUS_RATE_LIMIT_POLICY = defineRateLimitPolicy({
  name: 'starter',
  limit: 1_000_000,
  windowSeconds: 60,
  algorithm: RateLimitAlgorithm.SlidingWindowCounter,
});

/** The rate limiter as the API's guard uses it (fail open), on the instance's Redis client. */
export function rateLimiterOn(redis: RedisClient): RateLimiterService {
  return new RateLimiterService(
    new RedisConnectionPool([redis]),
    rateLimiterOptions({ rateLimit: { failMode: 'open' } }),
    new CountingRateLimiterMetrics(),
  );
}
