import { randomUUID } from 'node:crypto';

import { RedisServerProcess } from '@tenantpay/local-services';
import {
  closeQueueConnection,
  createRedisClient,
  queueConnection,
  type RedisClient,
  redisMasters,
  RedisScript,
  type RedisTopology,
} from '@tenantpay/platform';
import { Queue } from 'bullmq';

import { testRedisTopology } from '../config/test-redis-topology';
import { useTestRedisCluster } from './use-test-redis';

const PASSWORD = 'correct-horse-battery-staple-for-redis';
const COUNT_IN_ONE_SLOT = new RedisScript("return redis.call('INCR', KEYS[1])");

async function connected(topology: RedisTopology): Promise<RedisClient> {
  const client = createRedisClient(topology, 'password-spec', { retryStrategy: () => null });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Keys of several slots, a script and a BullMQ job: what every Redis user of the platform does. */
async function expectServedAsAnyUser(client: RedisClient, topology: RedisTopology): Promise<void> {
  const tenants = ['tenant-a', 'tenant-b', 'tenant-c', 'tenant-d'];
  await Promise.all(tenants.map((tenant) => client.set(`password-spec:{${tenant}}`, tenant)));
  expect(await Promise.all(tenants.map((tenant) => client.get(`password-spec:{${tenant}}`)))).toEqual(
    tenants,
  );
  await COUNT_IN_ONE_SLOT.load(client);
  expect(await COUNT_IN_ONE_SLOT.evaluate(client, [`password-spec:{tenant-a}:${randomUUID()}`], [])).toBe(1);

  const queue = queueConnection(topology, 'password-spec-queue');
  const jobs = new Queue('password-spec', queue);
  try {
    const job = await jobs.add('probe', { ok: true });
    expect((await jobs.getJob(job.id as string))?.data).toEqual({ ok: true });
  } finally {
    await jobs.close();
    await closeQueueConnection(queue);
  }
}

describe('Redis with a password (REDIS_PASSWORD)', () => {
  describe('one server (requirepass)', () => {
    let server: RedisServerProcess;
    beforeAll(async () => {
      server = await RedisServerProcess.start({ password: PASSWORD });
    });
    afterAll(async () => {
      await server.stop();
    });

    it('signs in every client, queues included, with REDIS_PASSWORD', async () => {
      const topology = testRedisTopology({ REDIS_URL: server.url, REDIS_PASSWORD: PASSWORD });
      const client = await connected(topology);
      try {
        await expectServedAsAnyUser(client, topology);
      } finally {
        client.disconnect();
      }
    });

    it('signs in with the password in REDIS_URL, which wins over REDIS_PASSWORD', async () => {
      const url = `redis://:${encodeURIComponent(PASSWORD)}@${server.host}:${server.port}`;
      const topology = testRedisTopology({ REDIS_URL: url, REDIS_PASSWORD: 'not-the-password' });
      const client = await connected(topology);
      try {
        await expectServedAsAnyUser(client, topology);
      } finally {
        client.disconnect();
      }
    });

    it('is refused without it', async () => {
      const client = createRedisClient(testRedisTopology({ REDIS_URL: server.url }), 'password-spec', {
        retryStrategy: () => null,
      });
      client.on('error', () => undefined);
      try {
        await client.connect().catch(() => undefined);
        await expect(client.get('anything')).rejects.toThrow(/NOAUTH|closed|writeable|ready/i);
      } finally {
        client.disconnect();
      }
    });
  });

  describe('a Redis Cluster (requirepass and masterauth on every node)', () => {
    const testRedis = useTestRedisCluster('password-spec:', { password: PASSWORD });

    it('signs in on every master, loads scripts on each and runs BullMQ, with REDIS_PASSWORD', async () => {
      const topology = testRedisTopology({
        REDIS_CLUSTER_NODES: testRedis.cluster.seeds,
        REDIS_PASSWORD: PASSWORD,
      });
      expect(topology).toMatchObject({ kind: 'cluster', security: { password: PASSWORD } });
      const client = await connected(topology);
      try {
        await expectServedAsAnyUser(client, topology);
        expect(redisMasters(client)).toHaveLength(3);
      } finally {
        client.disconnect();
      }
    });

    it('is refused without it', async () => {
      const client = createRedisClient(
        testRedisTopology({ REDIS_CLUSTER_NODES: testRedis.cluster.seeds }),
        'password-spec',
        { retryStrategy: () => null },
        { clusterRetryStrategy: () => null },
      );
      client.on('error', () => undefined);
      try {
        await expect(client.connect()).rejects.toThrow();
      } finally {
        client.disconnect();
      }
    });
  });
});
