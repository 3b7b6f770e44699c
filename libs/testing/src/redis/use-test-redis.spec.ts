import { once } from 'node:events';
import { connect } from 'node:net';

import Redis from 'ioredis';

import { useTestRedis } from './use-test-redis';

const redis = useTestRedis();

describe('useTestRedis', () => {
  const client = (): Redis => new Redis(redis.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });

  it('gives the file a Redis and a key prefix naming the file', async () => {
    const probe = client();
    await expect(probe.ping()).resolves.toBe('PONG');
    await probe.quit();
    expect(redis.keyPrefix).toMatch(/^test:use-test-redis:[0-9a-f]{8}:$/);
  });

  it('restart() empties Redis and keeps the url', async () => {
    const url = redis.url;
    const before = client();
    await before.set(`${redis.keyPrefix}k`, 'v');
    await before.quit();

    await redis.restart();

    const after = client();
    await expect(after.get(`${redis.keyPrefix}k`)).resolves.toBeNull();
    await after.quit();
    expect(redis.url).toBe(url);
  });

  it('stop() takes Redis away until restart()', async () => {
    await redis.stop();
    const { port } = new URL(redis.url);
    const [error] = (await once(connect({ host: '127.0.0.1', port: Number(port) }), 'error')) as [
      NodeJS.ErrnoException,
    ];
    expect(error.code).toBe('ECONNREFUSED');

    await redis.restart();
  });
});
