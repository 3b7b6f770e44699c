import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';

import { RedisClusterProcess, RedisServerProcess } from '@tenantpay/local-services';
import type { RedisTopology } from '@tenantpay/platform';
import Redis from 'ioredis';

import { TEST_ENVIRONMENT_VARIABLES as ENV } from '../test-environment-variables.constant';

export interface TestRedis {
  /**
   * A redis:// URL of the server; on a cluster, of one of its nodes, which {@link testAppConfig} recognises
   * and turns into REDIS_CLUSTER_NODES, so specs that configure the app with REDIS_URL run on either topology.
   */
  readonly url: string;
  /** What the platform's Redis clients take (`createRedisClient`, `RedisConnectionPool.create`). */
  readonly topology: RedisTopology;
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
 * Gives the calling test file (or describe block) its own redis-server on a free port for its tests, so they
 * can flush, stop and restart Redis without disturbing each other.
 *
 * With REDIS_URL set (CI service container, or no redis-server binary), files share that server instead and
 * are isolated by key prefix, which is then deleted after the file. A prefix rather than a database index:
 * Redis has only 16 indexes by default and Redis Cluster has one, while prefixes are unlimited; the cost is
 * that isolation holds only if the code under test applies the prefix, and stop()/restart() are refused
 * because a shared server is not the file's to kill.
 */
export function useTestRedis(): TestRedis {
  const keyPrefix = `test:${basename(expect.getState().testPath ?? 'unknown', '.spec.ts')}:${randomBytes(4).toString('hex')}:`;
  if (process.env[ENV.redisTopology] === 'cluster') return useTestRedisCluster(keyPrefix);
  const sharedUrl = process.env[ENV.redisUrl];
  return sharedUrl === undefined || sharedUrl === ''
    ? useOwnedRedis(keyPrefix)
    : useSharedRedis(sharedUrl, keyPrefix);
}

/** The configuration of each test cluster (seed nodes, password), by the URL its {@link TestRedis} answers. */
const clusterVariablesByUrl = new Map<string, TestClusterVariables>();

export interface TestClusterVariables {
  readonly REDIS_CLUSTER_NODES: string;
  readonly REDIS_PASSWORD?: string;
}

/** The variables configuring a cluster-backed {@link TestRedis} by its URL; undefined for a plain server. */
export function testClusterVariables(url: string): TestClusterVariables | undefined {
  return clusterVariablesByUrl.get(url);
}

/**
 * The file's own Redis Cluster (what useTestRedis gives under REDIS_TEST_TOPOLOGY=cluster, and what cluster
 * fault tests ask for whatever the topology). stop()/restart()/freeze()/thaw() act on every
 * node (the whole cluster away, or back empty with its topology); a fault test that kills one master uses
 * `cluster`.
 */
export function useTestRedisCluster(
  keyPrefix = `test:${basename(expect.getState().testPath ?? 'unknown', '.spec.ts')}:`,
  options: { readonly password?: string } = {},
): TestRedis & { readonly cluster: RedisClusterProcess } {
  let cluster: RedisClusterProcess | undefined;
  const password = options.password === undefined ? {} : { password: options.password };
  beforeAll(async () => {
    cluster = await RedisClusterProcess.start(password);
    clusterVariablesByUrl.set(seedUrl(cluster), {
      REDIS_CLUSTER_NODES: cluster.seeds,
      ...(options.password === undefined ? {} : { REDIS_PASSWORD: options.password }),
    });
  }, 120_000);
  afterAll(async () => {
    if (cluster !== undefined) clusterVariablesByUrl.delete(seedUrl(cluster));
    await cluster?.stop();
  });

  const started = (): RedisClusterProcess => {
    if (cluster === undefined)
      throw new Error('useTestRedis() values are available inside tests and hooks only');
    return cluster;
  };
  const everyNode = async (act: (server: RedisServerProcess) => Promise<void>): Promise<void> => {
    await Promise.all(started().servers.map(act));
  };
  return {
    keyPrefix,
    get cluster() {
      return started();
    },
    get url() {
      return seedUrl(started());
    },
    get topology(): RedisTopology {
      return {
        kind: 'cluster',
        nodes: started().servers.map(({ host, port }) => ({ host, port })),
        ...(options.password === undefined ? {} : { security: password }),
      };
    },
    stop: () => everyNode((server) => server.stop()),
    restart: () => started().restart(),
    freeze: () => started().servers.forEach((server) => server.freeze()),
    thaw: () => started().servers.forEach((server) => server.thaw()),
  };
}

function seedUrl(cluster: RedisClusterProcess): string {
  return (cluster.servers[0] as RedisServerProcess).url;
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
    get topology(): RedisTopology {
      return { kind: 'standalone', url: startedServer().url };
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
  return {
    url,
    topology: { kind: 'standalone', url },
    keyPrefix,
    stop: refuse,
    restart: refuse,
    freeze: refuseNow,
    thaw: refuseNow,
  };
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
