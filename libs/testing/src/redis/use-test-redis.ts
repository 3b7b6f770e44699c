import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';

import { RedisServerProcess } from '@tenantpay/local-services';
import Redis from 'ioredis';

import { TEST_ENVIRONMENT_VARIABLES as ENV } from '../test-environment-variables.constant';

export interface TestRedis {
  readonly url: string;
  /**
   * Put this in front of every key (ioredis `keyPrefix`, BullMQ `prefix`). With a file-owned server it is
   * redundant but harmless; with a shared REDIS_URL server it is what keeps test files apart.
   */
  readonly keyPrefix: string;
  /** Fault injection: the server goes away. Only for a file-owned server. */
  stop(): Promise<void>;
  /** Fault injection: the server comes back on the same port with no data. Only for a file-owned server. */
  restart(): Promise<void>;
  /** Fault injection: SIGSTOP, the server hangs with its connections open. Only for a file-owned server. */
  freeze(): void;
  /** SIGCONT after freeze(). */
  thaw(): void;
}

/**
 * Gives the calling test file its own redis-server on a free port for the file's tests, so files can flush,
 * stop and restart Redis without disturbing each other.
 *
 * With REDIS_URL set (CI service container, or no redis-server binary), files share that server instead and
 * are isolated by key prefix, which is then deleted after the file. A prefix rather than a database index:
 * Redis has only 16 indexes by default and Redis Cluster has one, while prefixes are unlimited; the cost is
 * that isolation holds only if the code under test applies the prefix, and stop()/restart() are refused
 * because a shared server is not the file's to kill.
 */
export function useTestRedis(): TestRedis {
  const keyPrefix = `test:${basename(expect.getState().testPath ?? 'unknown', '.spec.ts')}:${randomBytes(4).toString('hex')}:`;
  const sharedUrl = process.env[ENV.redisUrl];
  return sharedUrl === undefined || sharedUrl === ''
    ? useOwnedRedis(keyPrefix)
    : useSharedRedis(sharedUrl, keyPrefix);
}

function useOwnedRedis(keyPrefix: string): TestRedis {
  let server: RedisServerProcess | undefined;
  beforeAll(async () => {
    server = await RedisServerProcess.start();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const startedServer = (): RedisServerProcess => {
    if (server === undefined)
      throw new Error('useTestRedis() values are available inside tests and hooks only');
    return server;
  };
  return {
    keyPrefix,
    get url() {
      return startedServer().url;
    },
    stop: () => startedServer().stop(),
    restart: () => startedServer().restart(),
    freeze: () => startedServer().freeze(),
    thaw: () => startedServer().thaw(),
  };
}

function useSharedRedis(url: string, keyPrefix: string): TestRedis {
  afterAll(async () => {
    await deleteKeysWithPrefix(url, keyPrefix);
  });

  const refuseNow = (): never => {
    throw new Error(
      `Fault tests need a redis-server owned by the test file; unset ${ENV.redisUrl} to run them`,
    );
  };
  const refuse = async (): Promise<never> => refuseNow();
  return { url, keyPrefix, stop: refuse, restart: refuse, freeze: refuseNow, thaw: refuseNow };
}

async function deleteKeysWithPrefix(url: string, keyPrefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    for await (const keys of redis.scanStream({ match: `${keyPrefix}*`, count: 500 })) {
      const batch = keys as string[];
      if (batch.length > 0) await redis.unlink(...batch);
    }
  } finally {
    redis.disconnect();
  }
}
