import type { ConnectionOptions } from 'bullmq';
import { Cluster } from 'ioredis';

import type { RedisTopology } from '../config/app-config';
import { createRedisClient } from '../redis/create-redis-client';
import { redisSecurityOptions } from '../redis/redis-security-options';
import { redisConnectionOptions } from '../redis/redis-connection-options';

/** What a BullMQ queue or worker is built with: its connection and the prefix of its keys. */
export interface QueueConnection {
  readonly connection: ConnectionOptions;
  readonly prefix: string;
}

/**
 * BullMQ's keys on a Redis Cluster: BullMQ's scripts touch several keys of a queue at once, so every key must
 * share one hash slot, which BullMQ's documentation gets with a hash-tagged prefix. All queues then live on
 * one slot (one master and its replica); the platform's load on the cluster is the limiter and the meter,
 * which spread over every slot.
 */
export const CLUSTER_QUEUE_KEY_PREFIX = '{tenantpay}';
/** BullMQ's default, kept on one server so that an upgrade finds the jobs already queued. */
const STANDALONE_QUEUE_KEY_PREFIX = 'bull';

/**
 * BullMQ needs `maxRetriesPerRequest: null` on its connections: a blocking job fetch must wait out a Redis blip
 * instead of erroring. On one server BullMQ gets options and opens (and closes) its connections itself. On a
 * cluster it needs an ioredis `Cluster` instance (it cannot build one from options), which it then never
 * closes: {@link closeQueueConnection} does, after the queue or worker is closed.
 */
export function queueConnection(topology: RedisTopology, connectionName: string): QueueConnection {
  if (topology.kind === 'standalone') {
    const security = redisSecurityOptions(topology.security);
    return {
      // As createRedisClient does: credentials in the URL win, the configured TLS authorities apply.
      connection: {
        ...security,
        ...redisConnectionOptions(topology.url),
        ...(security.tls === undefined ? {} : { tls: security.tls }),
        connectionName,
        maxRetriesPerRequest: null,
      },
      prefix: STANDALONE_QUEUE_KEY_PREFIX,
    };
  }
  const cluster = createRedisClient(topology, connectionName, {
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    enableAutoPipelining: false,
    commandTimeout: undefined,
  });
  return { connection: cluster, prefix: CLUSTER_QUEUE_KEY_PREFIX };
}

/** Closes what {@link queueConnection} opened itself (a cluster client); BullMQ closes the rest. */
export async function closeQueueConnection({ connection }: QueueConnection): Promise<void> {
  if (connection instanceof Cluster && connection.status !== 'end') {
    await connection.quit().catch(() => connection.disconnect());
  }
}
