import { Logger } from '@nestjs/common';
import {
  CountingRateLimiterMetrics,
  RateLimitDecisionSource,
  RateLimiterService,
  rateLimiterOptions,
} from '@tenantpay/rate-limiting';
import { RedisConnectionPool } from '@tenantpay/platform';
import { useTestRedis } from '@tenantpay/testing';
import Redis from 'ioredis';
import { LOGIN_ATTEMPT_POLICIES } from '../src';
import { LoginAttemptLimiter } from '../src/login/login-attempt-limiter.service';

describe('LoginAttemptLimiter', () => {
  let client: Redis;
  // Declared before useTestRedis so it runs before the file's redis-server is stopped.
  afterAll(async () => {
    if (client !== undefined) await client.quit();
  });
  const redis = useTestRedis();

  /** A fresh limiter (and so a fresh in-process memory of refusals) per call. */
  const limiter = (failMode: 'open' | 'closed' = 'open') =>
    new LoginAttemptLimiter(
      new RateLimiterService(
        new RedisConnectionPool([client]),
        rateLimiterOptions({ rateLimit: { failMode } }),
        new CountingRateLimiterMetrics(),
      ),
    );

  beforeAll(async () => {
    Logger.overrideLogger(false);
    client = new Redis(redis.url, {
      keyPrefix: redis.keyPrefix,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: true,
    });
    client.on('error', () => undefined);
    await client.connect();
  });
  beforeEach(async () => {
    if (client.status === 'ready') await client.flushdb();
  });

  let ipCounter = 0;
  const freshIp = () => `198.51.100.${(ipCounter += 1)}`;
  // The limits the product promises (see LOGIN_ATTEMPT_POLICIES): 5 per account per 15 minutes, 20 per IP per minute.
  const accountLimit = 5;
  const ipLimit = 20;

  describe('LoginAttemptLimiter.consume', () => {
    it('locks an account after 5 attempts without a success in the window, saying when to retry', async () => {
      const limits = limiter();
      for (let i = 0; i < accountLimit; i += 1) {
        expect((await limits.consume('tenant:t1:ada@example.com', freshIp())).allowed).toBe(true);
      }
      const refused = await limits.consume('tenant:t1:ada@example.com', freshIp());
      expect(refused.allowed).toBe(false);
      expect(refused.retryAfterSeconds).toBeGreaterThan(890);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(900);
      // Another instance, with nothing remembered in its process, gets the same answer from Redis.
      expect((await limiter().consume('tenant:t1:ada@example.com', freshIp())).allowed).toBe(false);
    });

    it("keeps accounts apart: one account's failures do not lock another", async () => {
      const limits = limiter();
      for (let i = 0; i < accountLimit; i += 1)
        await limits.consume('tenant:t1:victim@example.com', freshIp());
      expect((await limits.consume('tenant:t1:victim@example.com', freshIp())).allowed).toBe(false);
      expect((await limits.consume('tenant:t2:victim@example.com', freshIp())).allowed).toBe(true);
      expect((await limits.consume('tenant:t1:other@example.com', freshIp())).allowed).toBe(true);
    });

    it('admits 20 attempts per IP per minute, across accounts, and refuses the 21st', async () => {
      const limits = limiter();
      const ip = freshIp();
      for (let i = 0; i < ipLimit; i += 1) {
        expect((await limits.consume(`tenant:t1:spray${i}@example.com`, ip)).allowed).toBe(true);
      }
      const refused = await limits.consume('tenant:t1:spray-last@example.com', ip);
      expect(refused.allowed).toBe(false);
      expect(refused.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect((await limits.consume('tenant:t1:spray-last@example.com', freshIp())).allowed).toBe(true);
    });

    it('decides concurrent attempts atomically: exactly the limit is admitted', async () => {
      const limits = limiter();
      const ip = freshIp();
      const decisions = await Promise.all(
        Array.from({ length: 50 }, (_, i) => limits.consume(`tenant:t1:c${i}@x.io`, ip)),
      );
      expect(decisions.filter((decision) => decision.allowed)).toHaveLength(ipLimit);
    });

    it('keeps emails out of Redis, tags every key with its subject, and lets every key expire', async () => {
      await limiter().consume('tenant:t1:private@example.com', '203.0.113.77');
      const keys = (await client.keys('*')).map((key) => key.slice(redis.keyPrefix.length));
      expect(keys.sort()).toEqual([
        expect.stringMatching(/^rl:\{ip:203\.0\.113\.77\}:login$/),
        expect.stringMatching(/^rl:\{login-account:[0-9a-f]{64}\}:login$/),
      ]);
      for (const key of keys) {
        const ttl = await client.pttl(key);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(LOGIN_ATTEMPT_POLICIES.perAccount.windowSeconds * 1000);
      }
    });
  });

  describe('LoginAttemptLimiter.lockedUntil', () => {
    it('is null until the fifth failure, then the moment the oldest one leaves the 15-minute window', async () => {
      const limits = limiter();
      const account = 'tenant:t1:watched@example.com';
      expect(await limits.lockedUntil(account)).toBeNull();
      const firstAttemptAt = Date.now();
      for (let i = 0; i < accountLimit - 1; i += 1) await limits.consume(account, freshIp());
      expect(await limits.lockedUntil(account)).toBeNull();
      await limits.consume(account, freshIp());
      const lockedUntil = (await limits.lockedUntil(account))?.getTime() ?? 0;
      expect(lockedUntil).toBeGreaterThanOrEqual(firstAttemptAt + 900_000 - 1_000);
      expect(lockedUntil).toBeLessThanOrEqual(Date.now() + 900_000 + 1_000);
      // Reading counts nothing: the refused attempt that follows agrees with the lock read.
      const refused = await limits.consume(account, freshIp());
      expect(refused.allowed).toBe(false);
      expect(Math.abs(Date.now() + refused.retryAfterSeconds * 1000 - lockedUntil)).toBeLessThanOrEqual(
        1_500,
      );
      await limits.reset(account);
      expect(await limits.lockedUntil(account)).toBeNull();
    });
  });

  describe('LoginAttemptLimiter.reset', () => {
    it('forgets the attempts of an account once it logs in, here and on every instance', async () => {
      const limits = limiter();
      for (let i = 0; i < accountLimit; i += 1)
        await limits.consume('tenant:t1:reset@example.com', freshIp());
      expect((await limits.consume('tenant:t1:reset@example.com', freshIp())).allowed).toBe(false);
      await limits.reset('tenant:t1:reset@example.com');
      expect((await limits.consume('tenant:t1:reset@example.com', freshIp())).allowed).toBe(true);
      expect((await limiter().consume('tenant:t1:reset@example.com', freshIp())).allowed).toBe(true);
    });

    it('never locks out a user by their own successful logins', async () => {
      const limits = limiter();
      for (let i = 0; i < accountLimit * 2; i += 1) {
        expect((await limits.consume('tenant:t1:fine@example.com', freshIp())).allowed).toBe(true);
        await limits.reset('tenant:t1:fine@example.com');
      }
    });
  });

  it('follows the fail mode while Redis is down: open admits, closed refuses', async () => {
    await redis.stop();
    try {
      const open = await limiter('open').consume('tenant:t1:down@example.com', freshIp());
      expect(open).toEqual(
        expect.objectContaining({ allowed: true, source: RateLimitDecisionSource.Fallback }),
      );
      expect(await limiter('closed').consume('tenant:t1:down@example.com', freshIp())).toEqual(
        expect.objectContaining({ allowed: false, retryAfterSeconds: 1 }),
      );
      await expect(limiter().reset('tenant:t1:down@example.com')).resolves.toBeUndefined();
    } finally {
      await redis.restart();
      await waitFor(async () => (await client.ping().catch(() => '')) === 'PONG');
    }
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
