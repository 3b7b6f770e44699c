import { Logger } from '@nestjs/common';
import { LOGIN_ATTEMPT_LIMITS } from '../src';
import { testAppConfig, useTestRedis } from '@tenantpay/testing';
import Redis from 'ioredis';
import { RedisLoginAttemptLimiter } from '../src/login/redis-login-attempt-limiter.service';

describe('RedisLoginAttemptLimiter', () => {
  let client: Redis;
  // Declared before useTestRedis so it runs before the file's redis-server is stopped.
  afterAll(async () => {
    if (client !== undefined) await client.quit();
  });
  const redis = useTestRedis();

  const limiter = (failMode: 'open' | 'closed' = 'open') =>
    new RedisLoginAttemptLimiter(
      client,
      testAppConfig({
        MONGODB_URI: 'mongodb://127.0.0.1:1/unused',
        REDIS_URL: redis.url,
        RATE_LIMIT_FAIL_MODE: failMode,
      }),
    );

  beforeAll(async () => {
    Logger.overrideLogger(false);
    client = new Redis(redis.url, {
      keyPrefix: redis.keyPrefix,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: true,
    });
    await client.connect();
  });
  beforeEach(async () => {
    if (client.status === 'ready') await client.flushdb();
  });

  let ipCounter = 0;
  const freshIp = () => `198.51.100.${(ipCounter += 1)}`;

  it('locks an account after 5 failures in the window, saying when to retry', async () => {
    const limits = limiter();
    for (let i = 0; i < LOGIN_ATTEMPT_LIMITS.failuresPerAccount.limit; i += 1) {
      expect(await limits.consume('tenant:t1:ada@example.com', freshIp())).toEqual({
        allowed: true,
        retryAfterSeconds: 0,
      });
      await limits.recordFailure('tenant:t1:ada@example.com');
    }
    const refused = await limits.consume('tenant:t1:ada@example.com', freshIp());
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(890);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(900);
  });

  it('does not count successful attempts against the account', async () => {
    const limits = limiter();
    for (let i = 0; i < 10; i += 1) {
      expect((await limits.consume('tenant:t1:fine@example.com', freshIp())).allowed).toBe(true);
    }
  });

  it("keeps accounts apart: one account's failures do not lock another", async () => {
    const limits = limiter();
    for (let i = 0; i < 5; i += 1) await limits.recordFailure('tenant:t1:victim@example.com');
    expect((await limits.consume('tenant:t1:victim@example.com', freshIp())).allowed).toBe(false);
    expect((await limits.consume('tenant:t2:victim@example.com', freshIp())).allowed).toBe(true);
    expect((await limits.consume('tenant:t1:other@example.com', freshIp())).allowed).toBe(true);
  });

  it('forgets the failures of an account once it logs in', async () => {
    const limits = limiter();
    for (let i = 0; i < 5; i += 1) await limits.recordFailure('tenant:t1:reset@example.com');
    await limits.reset('tenant:t1:reset@example.com');
    expect((await limits.consume('tenant:t1:reset@example.com', freshIp())).allowed).toBe(true);
  });

  it('admits 20 attempts per IP per minute, across accounts, and refuses the 21st', async () => {
    const limits = limiter();
    const ip = freshIp();
    for (let i = 0; i < LOGIN_ATTEMPT_LIMITS.attemptsPerIp.limit; i += 1) {
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
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(
      LOGIN_ATTEMPT_LIMITS.attemptsPerIp.limit,
    );
  });

  it('keeps emails out of Redis and lets every key expire with its window', async () => {
    const limits = limiter();
    await limits.consume('tenant:t1:private@example.com', '203.0.113.77');
    await limits.recordFailure('tenant:t1:private@example.com');
    const keys = await client.keys('*');
    expect(keys.join(' ')).not.toContain('private@example.com');
    for (const key of keys) {
      const ttl = await client.pttl(key.slice(redis.keyPrefix.length));
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(LOGIN_ATTEMPT_LIMITS.failuresPerAccount.windowMs);
    }
  });

  it('reloads its script when Redis has forgotten it', async () => {
    const limits = limiter();
    await client.script('FLUSH');
    expect((await limits.consume('tenant:t1:noscript@example.com', freshIp())).allowed).toBe(true);
  });

  it('follows the fail mode while Redis is down: open admits, closed refuses', async () => {
    await redis.stop();
    try {
      expect(await limiter('open').consume('tenant:t1:down@example.com', freshIp())).toEqual({
        allowed: true,
        retryAfterSeconds: 0,
      });
      expect(await limiter('closed').consume('tenant:t1:down@example.com', freshIp())).toEqual({
        allowed: false,
        retryAfterSeconds: 1,
      });
      await expect(limiter().recordFailure('tenant:t1:down@example.com')).resolves.toBeUndefined();
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
